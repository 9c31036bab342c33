/**
 * What "no text lost, none invented" means, as code: the measure `npm run eval:corpus` reports and
 * the tests assert (tests/pipeline/seeds.test.ts, real-texts.test.ts, tests/site/pages.test.ts).
 * Source and output are compared as words only (white space and punctuation removed), after the
 * repairs the pipeline is expected to make are applied to the source. Named boilerplate is taken
 * out of the source first. For a real text, every sentence of the source must be in the parsed
 * document, except what was removed and approved by hand (tests/eval/approved-removals.json lists,
 * per file, the removed lines a person checked were boilerplate, navigation or a printing error).
 * Front matter is metadata, not text, and is compared apart.
 */
import { readFileSync } from 'node:fs';
import type { PlanDocument } from '../../src/pipeline/index.ts';
import { documentText } from '../../src/pipeline/emit/document-text.ts';
import { splitSentences, wordsOnly } from '../../src/pipeline/text/cjk.ts';

export { documentText };

/** Repairs applied to the source before comparison: [broken, mended]. */
export const expectedRepairs: [RegExp, string][] = [
  [/力口(?=强)/g, '加'],
  [/(?<=\d)%o/g, '%。'],
  [/ugm3/g, 'μg/m³'],
  [/(?<=PM2\.5和)03/g, 'O3'],
  [/[（(]\s*(下转|上接)第\S{1,3}版\s*[）)]/g, ''],
];

export function repairedSource(text: string, boilerplate: string[], duplicates: string[] = []): string {
  let out = text;
  for (const b of boilerplate) out = out.split(b).join('\n');
  // A passage printed twice is kept once: the test names it, and its first copy is cut.
  for (const d of duplicates) out = out.replace(d, '\n');
  for (const [from, to] of expectedRepairs) out = out.replace(from, to);
  return out;
}

/** Sentences of `source` (per line) whose words do not appear in `haystack`. */
export function missingSentences(source: string, haystack: string): string[] {
  const hay = wordsOnly(haystack);
  return source.split('\n').flatMap(splitSentences).filter((s) => {
    const w = wordsOnly(s);
    return w.length > 0 && !hay.includes(w);
  });
}

const approved = JSON.parse(readFileSync(new URL('../../tests/eval/approved-removals.json', import.meta.url), 'utf8')) as Record<string, string[]>;

export function approvedRemovals(file: string): string[] {
  return approved[file] ?? [];
}

/** The text without its front matter block (metadata, read into the document's meta). */
export function withoutFrontMatter(text: string): string {
  const m = /^\ufeff?---\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)\r?\n/.exec(text);
  return m ? text.slice(m[0].length) : text;
}

/** Sentences of the source missing from the document and not among the approved removals. */
export function lostSentences(file: string, text: string, doc: PlanDocument): { lost: string[]; total: number } {
  let source = decodeMarkup(withoutFrontMatter(text));
  for (const [from, to] of expectedRepairs) source = source.replace(from, to);
  const removed = approvedRemovals(file).map((r) => wordsOnly(decodeMarkup(r)));
  const hay = wordsOnly(`${documentText(doc)}\n${doc.provenance?.note ?? ''}`);
  const sentences = source.split('\n').flatMap(splitSentences).filter((s) => wordsOnly(s).length > 0);
  const lost = sentences.filter((s) => {
    const w = wordsOnly(s);
    return w.length > 0 && !hay.includes(w) && !removed.some((r) => r.includes(w));
  });
  return { lost, total: sentences.length };
}

/** Markup is read as layout: compare the words a reader sees ("&emsp;<b>第一条</b>" → "第一条"). */
export function decodeMarkup(s: string): string {
  return s
    .replace(/<\/?[a-z][^<>]*>/gi, '')
    .replace(/&[a-z]+;|&#\d+;/g, '')
    .replace(/\{[a-z-]+="[^"]*"\}/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    // A link's query string that spilled out of the catalogue's link ("…为准。&siteId=0085").
    .replace(/(?<=[。.])&\w+=[^\s。，]*$/gm, '');
}

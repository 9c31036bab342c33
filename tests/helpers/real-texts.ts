/**
 * "Nothing lost" for real texts: every sentence of the source is in the parsed document, except
 * what was removed and approved by hand (tests/eval/approved-removals.json lists, per file, the
 * removed lines a person checked were boilerplate, navigation or a printing error). Front matter
 * is metadata, not text, and is compared apart.
 */
import { readFileSync } from 'node:fs';
import type { PlanDocument } from '../../src/pipeline/index.ts';
import { splitSentences, wordsOnly } from '../../src/pipeline/text/cjk.ts';
import { documentText, expectedRepairs } from './fidelity.ts';

const approved = JSON.parse(readFileSync(new URL('../eval/approved-removals.json', import.meta.url), 'utf8')) as Record<string, string[]>;

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

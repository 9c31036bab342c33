/**
 * What "no text lost, none invented" means, as code. Source and output are compared as words
 * only (white space and punctuation removed), after the repairs the pipeline is expected to make
 * are applied to the source. Named boilerplate is taken out of the source first.
 */
import { splitSentences, wordsOnly } from '../../src/pipeline/text/cjk.ts';

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

export { documentText } from '../../src/pipeline/emit/document-text.ts';

/** Sentences of `source` (per line) whose words do not appear in `haystack`. */
export function missingSentences(source: string, haystack: string): string[] {
  const hay = wordsOnly(haystack);
  return source.split('\n').flatMap(splitSentences).filter((s) => {
    const w = wordsOnly(s);
    return w.length > 0 && !hay.includes(w);
  });
}

/**
 * For the tests that lay each seed out as another source would give it (hard-wrapped at a PDF's
 * measure, indented, with page numbers) and parse it again: which seeds qualify, which lines are
 * the web page's own and stay as they are, and whether the words of the first parse all survive.
 */
import { readFileSync } from 'node:fs';
import type { PlanDocument, Section } from '../../src/pipeline/index.ts';
import { wordsOnly } from '../../src/pipeline/text/cjk.ts';
import { seedFiles } from './seeds.ts';

/** The catalogue's front matter, kept as it is, and the document after it. */
export const frontMatter = (t: string): [string, string] => {
  const m = /^---\n[\s\S]*?\n---\n/.exec(t);
  return m ? [m[0], t.slice(m[0].length)] : ['', t];
};

/** One paragraph a line: no VuePress containers, no pipe tables, not a whole document on one line. */
const plain = (t: string) => !/^:::|^\|/m.test(t) && Math.max(...t.split('\n').map((l) => l.length)) < 3000;

/** The seeds written one paragraph a line, with their text. */
export const plainSeeds = seedFiles.map((file) => ({ file, text: readFileSync(`seeds/${file}`, 'utf8') })).filter((s) => plain(s.text));

/**
 * A web page's own lines, which no PDF or Word layout touches: Markdown (a "# " title, the
 * catalogue's "> 以官方链接…为准"), a download's file name ("….pdf"), and blank lines.
 */
export const webLine = (l: string): boolean => /^(?:#|>|\||[-*] )|\.(?:pdf|docx?)$/.test(l) || !l.trim();

const flat = (list: Section[]): Section[] => list.flatMap((s) => [s, ...flat(s.children)]);
const words = (d: PlanDocument) => wordsOnly(flat(d.sections).map((s) => `${s.number ?? ''}${s.heading}${s.blocks.map((b) => b.text).join('')}`).join(''));

/**
 * How many of the first parse's words the second keeps, in order (`kept` equals `total` when
 * none is lost), with the words around the first one lost, and how many the second adds.
 */
export function wordsKept(before: PlanDocument, after: PlanDocument): { kept: number; total: number; added: number; where: string } {
  const [w1, w2] = [words(before), words(after)];
  let at = 0;
  for (const ch of w2) if (ch === w1[at]) at++;
  return { kept: at, total: w1.length, added: w2.length - w1.length, where: `…${w1.slice(Math.max(0, at - 20), at + 30)}…` };
}

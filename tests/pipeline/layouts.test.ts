/**
 * The same plan laid out as other sources give it: every paragraph indented by two full-width
 * spaces (Word, PDF) or four ASCII ones, Windows line ends, trailing spaces, printed page numbers
 * ("- 3 -", "第 3 页 共 20 页") every nine lines, in the middle of tables and paragraphs alike,
 * digits and letters typed full-width, zero-width spaces, headings in Markdown bold. Each plain
 * seed, so laid out, keeps every word in order, its outline, its metadata, its goals and its
 * channels.
 *
 * (Two layouts are left out on purpose: with every blank line removed, or one added after every
 * line, a table laid out one cell per paragraph whose cells run over several lines, and the end
 * of a 专栏 box, cannot be told from the text itself.)
 */
import { describe, expect, it } from 'vitest';
import { parsePlan, type PlanDocument } from '../../src/pipeline/index.ts';
import { outline } from '../helpers/outline.ts';
import { frontMatter, plainSeeds, webLine, wordsKept } from '../helpers/relayout.ts';

const fullWidth = (l: string) => l.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const lines = (body: string, f: (line: string, i: number) => string[]) => body.split('\n').flatMap(f).join('\n');

const layouts: Record<string, (body: string) => string> = {
  'indented by two full-width spaces': (b) => lines(b, (l) => [webLine(l) ? l : `　　${l}`]),
  'indented by four spaces': (b) => lines(b, (l) => [webLine(l) ? l : `    ${l}`]),
  'Windows line ends': (b) => b.replace(/\n/g, '\r\n'),
  'trailing spaces': (b) => lines(b, (l) => [l ? `${l}  ` : l]),
  'page numbers "- 3 -"': (b) => lines(b, (l, i) => (i > 0 && i % 9 === 0 ? [l, `- ${i / 9} -`] : [l])),
  'page numbers "第 3 页 共 20 页"': (b) => lines(b, (l, i) => (i > 0 && i % 9 === 0 ? [l, `第 ${i / 9} 页 共 20 页`] : [l])),
  'digits and Latin letters typed full-width (Word)': (b) => lines(b, (l) => [webLine(l) ? l : fullWidth(l)]),
  'a zero-width space after every full stop (web copy)': (b) => b.replace(/。/g, '。\u200b'),
  'headings in Markdown bold': (b) => lines(b, (l) => [/^[一二三四五六七八九十]+、[^。]{1,30}$/.test(l) ? `**${l}**` : l]),
};

it('lays out most seeds (the plain ones)', () => {
  expect(plainSeeds.length).toBeGreaterThanOrEqual(15);
});

// Each seed as it is, parsed once for all the layouts (the parse is pure: the same text gives the same document).
const parsed = new Map<string, PlanDocument>();
const plainParse = (file: string, text: string): PlanDocument => {
  let doc = parsed.get(file);
  if (!doc) parsed.set(file, (doc = parsePlan(text, { path: file })));
  return doc;
};

describe.each(Object.entries(layouts))('%s', (_, layout) => {
  it.each(plainSeeds.map((s) => [s.file, s.text] as const))('%s: same words, outline, metadata, goals and channels', (file, text) => {
    const [head, body] = frontMatter(text);
    const before = plainParse(file, text);
    const after = parsePlan(head + layout(body), { path: file });
    const words = wordsKept(before, after);
    expect(words.total).toBeGreaterThan(0);
    expect(words.kept, `lost from: ${words.where}`).toBe(words.total);
    expect(outline(before).length).toBeGreaterThan(0);
    const kept = new Set(outline(after));
    expect(outline(before).filter((line) => !kept.has(line))).toEqual([]);
    expect(after.meta).toEqual(before.meta);
    const goals = (d: typeof before) => d.goals.map((g) => `${g.indicator} ${g.comparator}${g.value}${g.unit ?? ''} ${g.year}`);
    expect(goals(after)).toEqual(goals(before));
    expect(after.channels.map((c) => `${c.kind} ${c.value}`)).toEqual(before.channels.map((c) => `${c.kind} ${c.value}`));
  });
});

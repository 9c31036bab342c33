/**
 * Passages printed twice. Newspaper make-up errors repeat a block of text, sometimes spliced into
 * the wrong paragraph (seed 004):
 *
 *     "…全市所有县(市、区)次干道、加强应急水源或备用井水源地保护工作。定期监(检)测…北送”。"
 *     "…市、县两级加强应急水源或备用井水源地保护工作。定期监(检)测…北送”。"
 *
 * Two kinds are removed: a whole paragraph repeated (20+ characters), and a run of repeated
 * sentences of 60+ characters. The copy that stays is the one whose paragraph shares more
 * vocabulary with it (character bigrams), i.e. the one that is in its right place; the other is
 * cut and reported. Responsibility clauses (责任单位…) repeat legitimately and are never touched.
 */
import type { VFile } from 'vfile';
import { excerpt, report } from '../messages.ts';
import { wordsOnly } from '../text/cjk.ts';
import type { LineNode, LinesRoot } from '../types.ts';

const MIN_PASSAGE = 60;
const SENTENCE = /[^。！？!?；;]+(?:[。！？!?；;]+[”’」』）)]*|$)/g;
const LEGIT_REPEAT = /责任单位|牵头单位|配合单位|责任部门|按职责分工/;

interface Span { line: number; start: number; end: number }

function sentenceSpans(lines: LineNode[]): Map<string, Span[]> {
  const seen = new Map<string, Span[]>();
  lines.forEach((node, line) => {
    for (const m of node.value.matchAll(SENTENCE)) {
      const text = m[0];
      if (wordsOnly(text).length < 12 || LEGIT_REPEAT.test(text)) continue;
      const start = m.index ?? 0;
      const list = seen.get(text) ?? [];
      list.push({ line, start, end: start + text.length });
      seen.set(text, list);
    }
  });
  return seen;
}

const bigrams = (t: string) => {
  const w = wordsOnly(t);
  const set = new Set<string>();
  for (let i = 0; i + 1 < w.length; i++) set.add(w.slice(i, i + 2));
  return set;
};

function affinity(passage: string, node: LineNode, span: Span): number {
  const context = bigrams(node.value.slice(0, span.start) + node.value.slice(span.end));
  const own = bigrams(passage);
  let shared = 0;
  for (const b of own) if (context.has(b)) shared++;
  return own.size ? shared / own.size : 0;
}

export function dedupePassages() {
  return (tree: LinesRoot, file: VFile) => {
    const lines = tree.children;
    // 1. Whole paragraphs printed twice: keep the first.
    const firstSeen = new Map<string, number>();
    const dropped = new Set<number>();
    lines.forEach((node, i) => {
      const key = wordsOnly(node.value);
      if (key.length < 20 || LEGIT_REPEAT.test(node.value) || node.data?.tableCells) return;
      const first = firstSeen.get(key);
      if (first === undefined) return void firstSeen.set(key, i);
      dropped.add(i);
      report(file, 'duplicate-passage', node.position, {
        length: node.value.length, other: lines[first]?.position.start.line ?? '', excerpt: excerpt(node.value),
      });
    });
    // 2. Runs of repeated sentences inside paragraphs.
    const cuts: Span[] = [];
    for (const spans of sentenceSpans(lines).values()) {
      const [a, b] = spans;
      if (!a || !b || spans.length !== 2 || dropped.has(a.line) || dropped.has(b.line)) continue;
      // Grow the match to the whole repeated passage, backwards and forwards, character by character.
      const la = lines[a.line]?.value ?? '';
      const lb = lines[b.line]?.value ?? '';
      let s = 0;
      while (a.start - s > 0 && b.start - s > 0 && la[a.start - s - 1] === lb[b.start - s - 1]) s++;
      let e = 0;
      while (a.end + e < la.length && b.end + e < lb.length && la[a.end + e] === lb[b.end + e]) e++;
      const A = { line: a.line, start: a.start - s, end: a.end + e };
      const B = { line: b.line, start: b.start - s, end: b.end + e };
      const passage = la.slice(A.start, A.end);
      if (passage.length < MIN_PASSAGE || (A.start === 0 && A.end === la.length && B.start === 0 && B.end === lb.length)) continue;
      if (cuts.some((c) => (c.line === A.line && c.start === A.start) || (c.line === B.line && c.start === B.start))) continue;
      const keepA = affinity(passage, lines[A.line] as LineNode, A) >= affinity(passage, lines[B.line] as LineNode, B);
      const [cut, kept] = keepA ? [B, A] : [A, B];
      cuts.push(cut);
      report(file, 'duplicate-passage', lines[cut.line]?.position, {
        length: passage.length, other: lines[kept.line]?.position.start.line ?? '', excerpt: excerpt(passage),
      });
    }
    for (const cut of cuts.sort((x, y) => y.start - x.start)) {
      const node = lines[cut.line];
      if (node) node.value = (node.value.slice(0, cut.start) + node.value.slice(cut.end)).trim();
    }
    tree.children = lines.filter((node, i) => !dropped.has(i) && node.value !== '');
  };
}

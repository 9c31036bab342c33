/**
 * Passages printed twice by a make-up error, and only those. Real plans repeat on purpose (table
 * cells, tasks written to one pattern, attachments that restate goals), so repetition alone is no
 * evidence. Two printing errors are recognised:
 *
 * 1. A paragraph reprinted across a page break: the same paragraph (40+ characters, with a full
 *    stop) twice within three paragraphs.
 * 2. A splice (seed 004): a 60+ character run of sentences that also stands elsewhere breaks into
 *    a paragraph right after an enumeration comma and runs to the paragraph's end, leaving the
 *    sentence it interrupts unfinished:
 *
 *        "…全市所有县(市、区)次干道、加强应急水源或备用井水源地保护工作。定期监(检)测…北送”。"   ← cut
 *        "…市、县两级加强应急水源或备用井水源地保护工作。定期监(检)测…北送”。"                ← kept
 *
 * The copy that shows the splice is cut and reported with its text; where neither copy shows it,
 * both stay. Responsibility clauses (责任单位…) and table rows are never touched.
 */
import type { VFile } from 'vfile';
import { excerpt, report } from '../messages.ts';
import { wordsOnly } from '../text/cjk.ts';
import type { LineNode, LinesRoot } from '../types.ts';

const MIN_PASSAGE = 60;
const MIN_REPRINT = 40;
const REPRINT_DISTANCE = 3;
const SENTENCE = /[^。！？!?；;]+(?:[。！？!?；;]+[”’」』）)]*|$)/g;
const LEGIT_REPEAT = /责任单位|牵头单位|配合单位|责任部门|按职责分工/;
/** Punctuation after which a sentence must go on: an enumeration comma, a comma, an opening bracket. */
const UNFINISHED = /[、，,（(“]$/;

interface Span { line: number; start: number; end: number }

function sentenceSpans(lines: LineNode[]): Map<string, Span[]> {
  const seen = new Map<string, Span[]>();
  lines.forEach((node, line) => {
    if (node.data?.tableCells || node.data?.table) return;
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

/** A copy is spliced when it follows unfinished punctuation and runs to its paragraph's end. */
function spliced(node: LineNode, span: Span): boolean {
  return span.start > 0 && UNFINISHED.test(node.value.slice(0, span.start).trimEnd()) && span.end >= node.value.length;
}

export function dedupePassages() {
  return (tree: LinesRoot, file: VFile) => {
    const lines = tree.children;
    // 1. A paragraph reprinted close to itself: keep the first.
    const dropped = new Set<number>();
    lines.forEach((node, i) => {
      const key = wordsOnly(node.value);
      if (key.length < MIN_REPRINT || !/[。！？]/.test(node.value) || LEGIT_REPEAT.test(node.value) || node.data?.tableCells || node.data?.table) return;
      for (let j = Math.max(0, i - REPRINT_DISTANCE); j < i; j++) {
        if (dropped.has(j) || wordsOnly(lines[j]?.value ?? '') !== key) continue;
        dropped.add(i);
        report(file, 'duplicate-passage', node.position, {
          length: node.value.length, other: lines[j]?.position.start.line ?? '', excerpt: excerpt(node.value),
        }, node.value);
        return;
      }
    });
    // 2. Spliced runs of repeated sentences inside paragraphs.
    const cuts: Span[] = [];
    for (const spans of sentenceSpans(lines).values()) {
      const [a, b] = spans;
      if (!a || !b || spans.length !== 2 || dropped.has(a.line) || dropped.has(b.line) || a.line === b.line) continue;
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
      if (passage.length < MIN_PASSAGE) continue;
      if (cuts.some((c) => (c.line === A.line && c.start === A.start) || (c.line === B.line && c.start === B.start))) continue;
      const aSpliced = spliced(lines[A.line] as LineNode, A);
      const bSpliced = spliced(lines[B.line] as LineNode, B);
      if (aSpliced === bSpliced) continue;
      const [cut, kept] = aSpliced ? [A, B] : [B, A];
      cuts.push(cut);
      report(file, 'duplicate-passage', lines[cut.line]?.position, {
        length: passage.length, other: lines[kept.line]?.position.start.line ?? '', excerpt: excerpt(passage),
      }, passage);
    }
    for (const cut of cuts.sort((x, y) => y.start - x.start)) {
      const node = lines[cut.line];
      if (node) node.value = (node.value.slice(0, cut.start) + node.value.slice(cut.end)).trim();
    }
    tree.children = lines.filter((node, i) => !dropped.has(i) && node.value !== '');
  };
}

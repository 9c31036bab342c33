/**
 * Newspaper page-continuation marks and printed page numbers:
 *
 *     (下转第五版)   （上接第三版）   （紧接第4版）   — 12 —   - 3 -   第 3 页 共 22 页
 *
 * A mark on its own line is removed; a mark inside a line is cut out of it. So is a running head
 * or foot that a PDF's text keeps on every page: a short line printed next to page numbers again
 * and again ("沅溪市“十四五”生态环境保护规划" after "— 3 —", "— 5 —" …). Only its occurrences next
 * to a page number go; the same words elsewhere (the title on the first page) stay.
 */
import type { VFile } from 'vfile';
import { report } from '../messages.ts';
import type { LineNode, LinesRoot } from '../types.ts';
import { matchMarker } from '../lines/markers.ts';

const CONTINUATION = /[（(]\s*(下转|上接|紧接|转|接)第?\s*[0-9一二三四五六七八九十]+\s*(版|页|面)\s*[）)]/g;
const PAGE_NUMBER = /^([-—－]\s*\d{1,4}\s*[-—－]|第\s*\d+\s*页(\s*[,，/]?\s*共\s*\d+\s*页)?)$/;

/** A running head: short, no sentence inside. */
const HEAD_LIKE = /^[^。；！？]{5,40}$/;
/** A table's row or its header, printed again at the top of each page: cells, not a running head. */
const TABLE_ROW = /[\t|｜]|\S+\s+\S+\s+\S+/;

/** A running head is a title: four Han characters at least, not a table cell such as "（10分）". */
const TITLE_WORDS = /(?:[\u4e00-\u9fff][^\u4e00-\u9fff]*){4}/;

/**
 * Running heads and feet (line index → times printed): the same short line next to a page number
 * at least twice, and next to a third of the page numbers at least: a head is printed on every
 * page, or on every other page where odd and even pages have heads of their own, while a short
 * cell that a page break happens to fall beside twice is not.
 */
function runningLines(values: string[]): Map<number, number> {
  const next: Map<string, number[]> = new Map();
  let pages = 0;
  values.forEach((v, i) => {
    if (!PAGE_NUMBER.test(v)) return;
    pages++;
    for (const j of [i - 1, i + 1]) {
      const w = values[j];
      // A numbered heading that happens to follow a page break twice is plan text, not a running head.
      if (w === undefined || PAGE_NUMBER.test(w) || !HEAD_LIKE.test(w) || !TITLE_WORDS.test(w) || TABLE_ROW.test(w) || matchMarker(w)) continue;
      next.set(w, [...(next.get(w) ?? []), j]);
    }
  });
  const out = new Map<number, number>();
  for (const at of next.values()) {
    const lines = new Set(at);
    if (lines.size >= 2 && lines.size >= pages / 3) for (const j of lines) out.set(j, lines.size);
  }
  return out;
}

export function pageMarks() {
  return (tree: LinesRoot, file: VFile) => {
    const running = runningLines(tree.children.map((n) => n.value));
    // Where marks are removed between two lines with no blank line around them ("人均公园绿地面积",
    // "- 3 -", "约束性": one table row broken by a page), the line after still follows the one
    // before: the readers of line layout are told so by data.followsLine (see directlyAfter).
    let kept: LineNode | null = null;
    let reach: number | null = null;
    const remove = (node: LineNode) => {
      reach = reach !== null && node.position.start.line === reach + 1 ? node.position.end.line : null;
      return false;
    };
    tree.children = tree.children.filter((node, i) => {
      if (PAGE_NUMBER.test(node.value)) {
        report(file, 'page-mark', node.position, {}, node.value);
        return remove(node);
      }
      const times = running.get(i);
      if (times) {
        report(file, 'running-head', node.position, { excerpt: node.value, count: times }, node.value);
        return remove(node);
      }
      const marks = node.value.match(CONTINUATION);
      if (marks) {
        for (const m of marks) report(file, 'page-mark', node.position, {}, m);
        node.value = node.value.replace(CONTINUATION, '').trim();
        if (node.value === '') return remove(node);
      }
      if (kept && reach !== null && reach !== kept.position.end.line && node.position.start.line === reach + 1) {
        node.data = { ...node.data, followsLine: kept.position.end.line };
      }
      kept = node;
      reach = node.position.end.line;
      return true;
    });
  };
}

/**
 * Tables. Text extraction flattens a table one cell per line:
 *
 *     表1 主要指标        (caption, stays a paragraph)
 *     序号 / 指标 / 单位 / 2020年 / 2025年目标 / 属性      (header: k cells)
 *     1 / 细颗粒物（PM2.5）浓度 / 微克/立方米 / 35 / 30 / 约束性
 *     2 / …
 *
 * The column count k is read from the row numbers: "1", "2", "3" standing alone k lines apart.
 * Rows separated by tabs ("1\t指标\t…") and Markdown pipe rows are tables too. A run of short lines
 * without that rhythm stays text: no table is invented.
 */
import type { LineNode } from '../types.ts';

export interface TableMatch { rows: string[][]; header: boolean; start: number; end: number }

const isCell = (n: LineNode | undefined) => !!n && n.value.length <= 40 && !/[。；]/.test(n.value) && !n.value.includes('\t');

/** Try to read a flattened table in lines[from..]; `end` is exclusive. */
export function flatTableAt(lines: LineNode[], from: number): TableMatch | null {
  let runEnd = from;
  while (runEnd < lines.length && isCell(lines[runEnd])) runEnd++;
  if (runEnd - from < 8) return null;
  const one = lines.findIndex((n, i) => i >= from && i < runEnd && n.value === '1');
  if (one < 0) return null;
  for (let k = 2; k <= 12; k++) {
    if (lines[one + k]?.value !== '2' || one + k >= runEnd) continue;
    if (one + 2 * k < runEnd && lines[one + 2 * k]?.value !== '3') continue;
    const headerStart = one - k >= from ? one - k : one;
    const rows: string[][] = [];
    if (headerStart < one) rows.push(lines.slice(headerStart, one).map((n) => n.value));
    let at = one;
    let n = 1;
    while (at + k <= runEnd && lines[at]?.value === String(n)) {
      rows.push(lines.slice(at, at + k).map((x) => x.value));
      at += k;
      n++;
    }
    if (rows.length < 3) return null;
    return { rows, header: headerStart < one, start: headerStart, end: at };
  }
  return null;
}

/** Consecutive tab-separated or Markdown pipe rows. */
export function delimitedTableAt(lines: LineNode[], from: number): TableMatch | null {
  const cellsOf = (n: LineNode | undefined): string[] | null => {
    if (!n) return null;
    if (n.data?.tableCells) return n.data.tableCells;
    return n.value.includes('\t') ? n.value.split(/\t+/).map((c) => c.trim()) : null;
  };
  const rows: string[][] = [];
  let at = from;
  for (let cells = cellsOf(lines[at]); cells && cells.length >= 2; cells = cellsOf(lines[++at])) rows.push(cells);
  if (rows.length < 2) return null;
  return { rows, header: true, start: from, end: at };
}

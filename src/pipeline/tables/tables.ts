/**
 * Tables, however they arrive. Extraction flattens a table one cell per line (table-cells.ts has
 * the three layouts); a table is recognised by its header row, words that head columns:
 *
 *     表1 主要指标                                  caption (before the table, or just after it)
 *     序号 / 指标 / 单位 / 2020年 / 2025年目标 / 属性   header: k cells
 *     1 / 细颗粒物（PM2.5）浓度 / 微克/立方米 / 35 / 30 / 约束性
 *
 * Rows start at the row numbers (1, 2, 3 …; 一, 二 for group rows) where the header has a 序号
 * column, and are k cells long otherwise. A row with fewer cells (a merged cell left a gap, an
 * empty column was not printed) is aligned to the columns by the kind of its cells (numbers under
 * numbers, long text under long text); a row with more (a year-by-year sub-row) continues on a row
 * of its own. A header printed again after a page break is dropped and reported. Tab-separated and
 * Markdown pipe rows are tables too. A run of short lines without a header stays text: no table is
 * invented.
 */
import type { LineNode } from '../types.ts';
import { groupsFrom, isHeaderCell, joinCell, type Group } from './table-cells.ts';
import { alignRow, classOf } from './table-align.ts';
import { fitHeader, numberedWidth } from './table-header.ts';

export interface TableMatch {
  rows: string[][];
  header: boolean;
  /** First and last (exclusive) node of the table, caption included. */
  start: number;
  end: number;
  caption: string | null;
  /** Source lines of headers printed again after a page break, dropped from the rows. */
  repeatedHeaders: number[];
  /** The unit a line above the header states for the table's values: "单位：万千瓦". */
  unit?: string | null;
}

/**
 * "单位：万千瓦", "单位：公顷": the unit of a table's values, printed on a line above its header, after
 * the date the table was drawn up when a form prints one ("制表日期：2024.4.16      单位：亩").
 */
const UNIT_LINE = /^(?:(?:制表|填报|统计|截止|截至)(?:日期|时间)\s*[：:]\s*[\d.年月日\-/]+\s+)?(?:计量)?单位\s*[：:]\s*([^\s，。；]{1,12})$/;

/** "表1 主要指标", "表 2-1 重点任务清单", "附表1：…" */
const CAPTION = /^(?:附?表\s*[0-9一二三四五六七八九十]+(?:[-.．]\d+)?[\s\u3000:：]*\S.{0,40}|[^。；，,]{2,40}(?:表|清单|指标|指标表|完成情况|一览|标准|（系数）|\(系数\)))$/;
/** "表1 主要指标", "附表2：…": a numbered caption is never a header cell. */
const NUMBERED_CAPTION = /^附?表\s*[0-9一二三四五六七八九十]/;
/** Text that cannot be a cell: a heading of the plan, a note, an attachment. */
const OUTSIDE = /^(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十百]+[章节条部]|注\s*[:：]|附\s*[件表]|专栏)|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印发$/;
const MAX_ROWS = 400;

interface Cell { text: string; start: number; end: number }

/** Try to read a flattened table at lines[from]; `end` is exclusive. */
export function flatTableAt(lines: LineNode[], from: number): TableMatch | null {
  const first = lines[from];
  if (!first) return null;
  let caption: string | null = null;
  let h = from;
  // A caption may end in a column word too ("“十四五”指标完成情况"); it is longer than a header cell
  // and two header cells follow it.
  const captionLike = CAPTION.test(first.value) &&
    (NUMBERED_CAPTION.test(first.value) || !isHeaderCell(first.value) || (first.value.length >= 8 && isHeaderCell(lines[from + 2]?.value ?? '')));
  // "单位：万千瓦" on the line at i, with the header right after it: the table's unit.
  const unitAt = (i: number): string | null => {
    const stated = UNIT_LINE.exec(lines[i]?.value.trim() ?? '');
    return stated && isHeaderCell(lines[i + 1]?.value ?? '') ? stated[1]! : null;
  };
  // The caption's header may come after a unit line ("附件：…任务量统计表", "制表日期：… 单位：亩", "序号").
  if (captionLike && lines[from + 1] && (isHeaderCell(lines[from + 1]!.value) || unitAt(from + 1) !== null)) {
    caption = first.value;
    h = from + 1;
  }
  // "单位：万千瓦" between the caption (or the text) and the header.
  const unit = unitAt(h);
  if (unit !== null) h++;
  if (!isHeaderCell(lines[h]?.value ?? '')) return null;
  const groups = groupsFrom(lines, h);
  const g0 = groups[0] as Group;
  // A paragraph of header words followed by paragraphs of several lines is a row per paragraph (b);
  // one paragraph holding header and data is a cell per line (c); otherwise a cell per paragraph (a).
  const headerRun = g0.nodes.findIndex((n) => !isHeaderCell(n.value));
  // A row's number may be printed apart from the row ("1" ‖ "城中村整体改造项目认定数量（个）⏎〔70〕⏎…").
  const rowAfter = /^\d{1,3}$/.test(groups[1]?.nodes[0]?.value ?? '') && groups[1]?.nodes.length === 1 ? groups[2] : groups[1];
  const lineRows = g0.nodes.length >= 2 && isHeaderCell(g0.nodes[1]?.value ?? '') &&
    (headerRun > 0 || (rowAfter?.nodes.length ?? 0) >= 2);
  const table = lineRows ? fromLineRows(groups) : fromParagraphCells(groups);
  if (!table || table.rows.length < 3 || (table.rows[0]?.length ?? 0) < 2) return null;
  let end = table.end;
  // A caption printed after the table (corpus 11): one short line, not a heading.
  const after = lines[end];
  if (!caption && after && after.value.length <= 30 && !/[。；，,：:]/.test(after.value) && !OUTSIDE.test(after.value) && !/^\d/.test(after.value)) {
    const next = lines[end + 1];
    if (!next || OUTSIDE.test(next.value) || /^\d+[.．、]/.test(next.value)) {
      caption = after.value;
      end++;
    }
  }
  return { rows: table.rows, header: true, start: from, end, caption, repeatedHeaders: table.repeatedHeaders, unit };
}

interface Built { rows: string[][]; end: number; repeatedHeaders: number[] }

/** Blank source lines between group gi and the group before it. */
function blankLinesBefore(groups: Group[], gi: number): number {
  const prev = groups[gi - 1]?.nodes.at(-1);
  const first = groups[gi]?.nodes[0];
  return prev && first ? Math.max(0, first.position.start.line - prev.position.end.line - 1) : 0;
}

/** Layouts (b) and (c): the header is a paragraph of lines, one cell per line. */
function fromLineRows(groups: Group[]): Built | null {
  const g0 = groups[0] as Group;
  let k = 0;
  const numbered = NUMBER_HEADER.test(g0.nodes[0]?.value ?? '');
  while (k < g0.nodes.length && headerAt(g0.nodes[k]?.value ?? '', numbered)) k++;
  if (k < 2) return null;
  const header = g0.nodes.slice(0, k).map((n) => n.value);
  if (g0.nodes.length > k) {
    // (c) no blank lines: the rest of the paragraph is the cells. Where rows are numbered (序号),
    // a blank line further on is an empty cell, as some converters print a merged or empty one
    // ("2" / "" / "沈巷镇污水处理厂提标改造"), and the cells go on after it.
    const cells: Cell[] = g0.nodes.slice(k).map((n, i) => ({ text: n.value, start: g0.start + k + i, end: g0.start + k + i + 1 }));
    if (numbered) {
      // Only inside a row: blank lines after a complete row end the table, unless the next row's
      // number follows them.
      const sinceNumber = () => cells.length - cells.findLastIndex((c) => /^\d{1,3}$/.test(c.text));
      for (let gi = 1; gi < groups.length && cells.length < MAX_ROWS * 12; gi++) {
        const g = groups[gi] as Group;
        const blanks = blankLinesBefore(groups, gi);
        const first = g.nodes[0]?.value ?? '';
        if (blanks > 2 || OUTSIDE.test(first)) break;
        const filled = sinceNumber();
        if (filled >= k) {
          if (!/^\d{1,3}$/.test(first)) break;
        } else {
          if (filled + blanks >= k) break;
          const at = cells.at(-1)?.end ?? g.start;
          for (let b = 0; b < blanks; b++) cells.push({ text: '', start: at, end: at });
        }
        g.nodes.forEach((n, i) => cells.push({ text: n.value, start: g.start + i, end: g.start + i + 1 }));
      }
    }
    return rowsFromCells(header, cells);
  }
  // (b) a row per paragraph.
  const rows = [header];
  let end = g0.end;
  let number: string | null = null;
  for (const g of groups.slice(1, MAX_ROWS)) {
    // A row number printed alone joins the row after it.
    if (number === null && g.nodes.length === 1 && /^\d{1,3}$/.test(g.nodes[0]?.value ?? '') && numbered) {
      number = g.nodes[0]!.value;
      continue;
    }
    const values = [...(number !== null ? [number] : []), ...g.nodes.map((n) => n.value)];
    number = null;
    if (values.length < 2 || values.length > k + 1 || OUTSIDE.test(values[0] ?? '') || values.some((v) => v.length > 200)) break;
    rows.push(values.length === k ? values : alignRow(values, k, rows.slice(1), header));
    end = g.end;
  }
  return { rows, end, repeatedHeaders: [] };
}

/** Layout (a): a cell per paragraph; a header cell may hold two header words on two lines. */
function fromParagraphCells(groups: Group[]): Built | null {
  const headerGroups: Group[] = [];
  let at = 0;
  const numbered = numberedHeader(groups[0]?.nodes[0]?.value, groups[1]?.nodes[0]?.value);
  const headerGroup = (g: Group) => g.nodes.every((n) => headerAt(n.value, numbered)) || headerAt(joinCell(g.nodes.map((x) => x.value)), numbered);
  while (at < groups.length && headerGroup(groups[at] as Group)) {
    headerGroups.push(groups[at] as Group);
    at++;
  }
  // Under a category column the first group's category is printed just before the row number "1"
  // ("指标类别 / 序号 / … / （2030年） / 发展规模 / 1 / 建设用地总规模 …"): it is a cell, not a header.
  if (CATEGORY_HEADER.test(groups[0]?.nodes[0]?.value ?? '') && headerGroups.length > 3 && /^1[.．、]?$/.test(groups[at]?.nodes[0]?.value ?? '')) {
    headerGroups.pop();
    at--;
  }
  if (headerGroups.length < 2 && !(headerGroups.length === 1 && (headerGroups[0]?.nodes.length ?? 0) >= 2)) return null;
  const cells: Cell[] = [];
  // Cells are a blank line apart; three blank lines hold an empty cell between them, as some
  // converters print a merged or empty one ("2", "", "", "", "沈巷镇污水处理厂提标改造").
  const single = groups.slice(at, at + 40).filter((_, i) => blankLinesBefore(groups, at + i) === 1).length;
  const spaced = single >= Math.min(8, groups.length - at - 1);
  for (let gi = at; gi < groups.length; gi++) {
    const g = groups[gi] as Group;
    const blanks = gi > at ? blankLinesBefore(groups, gi) : 1;
    if (spaced && blanks > 1 && blanks % 2 === 1 && blanks <= 7) {
      const there = cells.at(-1)?.end ?? g.start;
      for (let e = 0; e < (blanks - 1) / 2; e++) cells.push({ text: '', start: there, end: there });
    }
    cells.push({ text: joinCell(g.nodes.map((n) => n.value)), start: g.start, end: g.end });
    if (cells.length > MAX_ROWS * 12) break;
  }
  // Two header words on two lines of one paragraph are two cells where the data says so.
  const joined = headerGroups.map((g) => joinCell(g.nodes.map((n) => n.value)));
  const split = headerGroups.flatMap((g) => (g.nodes.every((n) => isHeaderCell(n.value)) && g.nodes.length > 1 ? g.nodes.map((n) => n.value) : [joinCell(g.nodes.map((n) => n.value))]));
  const a = rowsFromCells(joined, cells);
  if (split.length === joined.length) return a;
  const b = rowsFromCells(split, cells);
  if (!a) return b;
  if (!b) return a;
  return consistency(b) > consistency(a) ? b : a;
}

/**
 * How alike each column's cells are (the share of the commonest kind of cell, averaged over the
 * columns): the right column count lines 约束性 up under 属性 and numbers under numbers.
 */
function consistency(t: Built): number {
  const body = t.rows.slice(1);
  const k = t.rows[0]?.length ?? 1;
  let total = 0;
  for (let j = 0; j < k; j++) {
    const kinds = body.map((r) => classOf(r[j] ?? '')).filter((c) => c !== 'blank');
    const counts = new Map<string, number>();
    for (const c of kinds) counts.set(c, (counts.get(c) ?? 0) + 1);
    total += kinds.length ? Math.max(...counts.values()) / kinds.length : 0;
  }
  return total / k;
}

const CN_GROUP = /^[一二三四五六七八九十]+$/;
/** "合计", "总计", "小计", "合  计": a totals row under the numbered rows. */
const TOTAL_ROW = /^(?:合\s*计|总\s*计|小\s*计)$/;
/** A header that opens with 序号 names its columns up to the first row number, whatever words it uses. */
const NUMBER_HEADER = /^(?:序号|编号)$/;
/** A category column printed before 序号 ("指标类别 / 序号 / 指标项 …"): its cells open groups of rows. */
const CATEGORY_HEADER = /^(?:指标)?(?:类别|分类|类型|领域)$/;
/** Rows are numbered: the header opens with 序号, or with a category column and then 序号. */
const numberedHeader = (first: string | undefined, second: string | undefined) =>
  NUMBER_HEADER.test(first ?? '') || (CATEGORY_HEADER.test(first ?? '') && NUMBER_HEADER.test(second ?? ''));
/** Up to the first row number, a numbered header's cells may be longer ("2026年度任务量约1625亩"). */
const headerAt = (text: string, numbered: boolean) =>
  isHeaderCell(text) || (numbered && text.length <= 20 && !/^[0-9一二三四五六七八九十]+[.．、]?$/.test(text) && !/[。；，,]/.test(text));
/** A category cell numbered on its own: "1.分类投放", "2.分类运输与转运", "一、水安全". */
const ENUM_CATEGORY = /^[0-9一二三四五六七八九十]+[.．、]\s*\D/;

/**
 * A row's cells, split where a year-by-year sub-row begins: a second year cell ("2019年" after
 * "2018年") starts a row of its own, and so does anything past k cells.
 */
function subRows(cells: string[], k: number): string[][] {
  const parts: string[][] = [[]];
  let years = 0;
  for (const c of cells) {
    const year = classOf(c) === 'year';
    if (year) years++;
    const last = parts.at(-1) as string[];
    if ((year && years > 1) || last.length >= k) parts.push([c]);
    else last.push(c);
  }
  return parts.filter((p) => p.length);
}
const isNumberCell = (text: string, n: number) => new RegExp(`^${n}[.．、]?$`).test(text);
const isValue = (text: string | undefined) => /^[\d.%％≥≤<>＜＞～~-]+$/.test((text ?? '').trim());

/** Rows from a list of cells under a header of k columns. */
function rowsFromCells(printed: string[], cells: Cell[]): Built | null {
  // A numbered table whose header has more cells than its rows: pieces of broken header cells, or
  // a header on two levels (table-header.ts).
  const width = numberedHeader(printed[0], printed[1]) ? numberedWidth(cells.map((c) => c.text)) : null;
  const header = (width && fitHeader(printed, width)) || printed;
  const k = header.length;
  const numberCol = header.findIndex((h) => /^(?:序号|编号)$/.test(h));
  const rows: string[][] = [header];
  const repeatedHeaders: number[] = [];
  let end = cells[0]?.start ?? 0;
  let current: string[] = [];
  let numbered = false;
  const flush = () => {
    for (const part of subRows(current, k)) rows.push(part.length === k ? part : alignRow(part, k, rows.slice(1), header));
    current = [];
    numbered = false;
  };
  let expected = 1;
  // Whether the cell after a row number is a value or a name, as in the first row.
  const first = cells.findIndex((c) => isNumberCell(c.text, 1));
  const opensWith = first >= 0 && cells[first + 1] ? isValue(cells[first + 1]!.text) : null;
  for (let i = 0; i < cells.length && rows.length < MAX_ROWS; i++) {
    const cell = cells[i] as Cell;
    // A header printed again after a page break.
    if (cell.text === printed[0] && printed.every((h, j) => cells[i + j]?.text === h)) {
      repeatedHeaders.push(cell.start);
      i += printed.length - 1;
      end = cells[i]?.end ?? end;
      continue;
    }
    const prose = cell.text.length > 60 && /[。；]/.test(cell.text);
    // Once a row is full, a sentence or a labelled clause ("责任单位：…。") is the text after the table.
    // A blank form field below a table ("考核人员：", "日期：") ends it at once.
    const label = /^[^，。：:\d]{2,10}[：:]/.test(cell.text);
    const after = rows.length > 1 && classOf(cell.text) !== 'year' &&
      ((current.length >= k && (/[。；]$/.test(cell.text) || label)) || (label && /[：:]$/.test(cell.text)));
    if (numberCol >= 0) {
      const restart = isNumberCell(cell.text, 1) && ENUM_CATEGORY.test(cells[i - 1]?.text ?? '');
      // A value that happens to be the next row's number ("…4 2 3 1…" in a row of counts) does not
      // start a row while the row is short and the cell after it is not the kind a row opens with.
      const value = numbered && current.length < k && opensWith !== null && isNumberCell(cell.text, expected) && isValue(cells[i + 1]?.text) !== opensWith;
      if ((startsRow(cell.text, expected, cells[i + 1]?.text) && !value) || restart) {
        // A category cell printed just before the number ("2.分类运输与转运", then "1") opens the new
        // row; so does a word past a full row under a category column ("…53.75 / 53.74 / 服务设施和历史文化 / 2").
        const word = (c: string | undefined) => ['short', 'long'].includes(classOf(c ?? ''));
        const spare = current.length > k ? word(current.at(-1))
          : current.length === k && word(current.at(-1)) && classOf(current.at(-2) ?? '') === 'num' && /\d{4}|目标|规划|现状|值/.test(header.at(-1) ?? '');
        const carried = numberCol > 0 && numbered && (ENUM_CATEGORY.test(current.at(-1) ?? '') || spare) ? [current.pop() as string] : [];
        if (numbered) flush();
        current.push(...carried);
        if (restart) expected = 1;
        if (/^\d/.test(cell.text)) expected++;
        numbered = true;
        // A totals row has no number: its label spans the number and the name columns ("总计 / 2281 /
        // 10614.70 …" under "序号 / 镇街 / 图斑数 / 面积 …", where rows open "12 / 菊园新区 / 63 …").
        // The number column stays empty and the label stands where the rows' names stand, so that
        // the values keep their columns and the row reads as the whole place's, not as a place "2281".
        if (TOTAL_ROW.test(cell.text) && numberCol >= 0 && opensWith === false && isValue(cells[i + 1]?.text)) while (current.length < numberCol + 1) current.push('');
      } else if (OUTSIDE.test(cell.text) || (!numbered && current.length >= Math.max(1, numberCol)) || (prose && current.length >= k) || after) {
        break;
      }
      if (current.length > 3 * k) break;
    } else {
      if (OUTSIDE.test(cell.text)) break;
      if (current.length >= k || (current.length >= 2 && rows.length > 1 && startsLikeRow(cell.text, rows, current.length))) {
        if (prose || after) break;
        flush();
      }
    }
    current.push(cell.text);
    end = cell.end;
  }
  if (numberCol < 0 || numbered) flush();
  return rows.length > 1 ? { rows, end, repeatedHeaders } : null;
}

/** In a table without row numbers: the cell looks like the first column and not like the next one. */
function startsLikeRow(text: string, rows: string[][], position: number): boolean {
  const body = rows.slice(1);
  const first = body.map((r) => classOf(r[0] ?? ''));
  const here = body.map((r) => classOf(r[position] ?? ''));
  const c = classOf(text);
  const share = (list: string[]) => list.filter((x) => x === c).length / Math.max(1, list.length);
  // One row is thin evidence: then only a short name (a town, a district) may start a row early.
  if (body.length < 2 && c === 'long') return false;
  return share(first) >= 0.8 && share(here) < 0.5;
}

/** A row number (the next one) or a group row's Chinese numeral, not a value that happens to match. */
function startsRow(text: string, expected: number, next: string | undefined): boolean {
  if (isNumberCell(text, expected)) return next !== text;
  if (TOTAL_ROW.test(text)) return true;
  return CN_GROUP.test(text);
}

/** Consecutive tab-separated or Markdown pipe rows, with a caption line above them if printed. */
export function delimitedTableAt(lines: LineNode[], from: number): TableMatch | null {
  const first = lines[from];
  if (first && CAPTION.test(first.value) && !first.value.includes('\t') && !first.data?.tableCells) {
    const table = delimitedRowsAt(lines, from + 1);
    return table ? { ...table, start: from, caption: first.value } : null;
  }
  return delimitedRowsAt(lines, from);
}

function delimitedRowsAt(lines: LineNode[], from: number): TableMatch | null {
  // One tab between cells keeps an empty cell in its place ("2\t\t空气质量优良天数比率"): rows are
  // split at every tab when that gives every row the header's width; text padded with several
  // tabs between cells is split at runs of tabs.
  let run = from;
  while (lines[run]?.value.includes('\t') && !lines[run]?.data?.tableCells) run++;
  const split = lines.slice(from, run).map((n) => n.value.split('\t').map((c) => c.trim()));
  const width = split[0]?.length ?? 0;
  // A column empty in every row, the header's included, is padding, not a column.
  const padding = Array.from({ length: width }, (_, j) => split.every((r) => !r[j])).some(Boolean);
  // A header has a word in every column; an empty one is a tab of alignment ("指标\t\t2020年").
  const exact = split.length >= 2 && split.every((r) => r.length === width) && !padding && (split[0] ?? []).every(Boolean);
  const cellsOf = (n: LineNode | undefined): string[] | null => {
    if (!n) return null;
    if (n.data?.tableCells) return n.data.tableCells;
    return n.value.includes('\t') ? n.value.split(exact ? '\t' : /\t+/).map((c) => c.trim()) : null;
  };
  const rows: string[][] = [];
  let at = from;
  for (let cells = cellsOf(lines[at]); cells && cells.length >= 2 && (at === from || !lines[at]?.data?.tableStart); cells = cellsOf(lines[++at])) rows.push(cells);
  if (rows.length < 2) return null;
  const k = Math.max(...rows.map((r) => r.length));
  const header = rows[0] as string[];
  const repeatedHeaders: number[] = [];
  const body = rows.slice(1).filter((r, i) => {
    const same = r.length === header.length && r.every((c, j) => c === header[j]);
    if (same) repeatedHeaders.push(lines[from + 1 + i]?.position.start.line ?? 0);
    return !same;
  });
  return {
    rows: [header, ...body].map((r) => (r.length < k ? [...r, ...Array<string>(k - r.length).fill('')] : r)),
    header: true, start: from, end: at, caption: null, repeatedHeaders,
  };
}

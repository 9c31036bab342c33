/**
 * Goals in tables (issue 7). An indicator table gives one goal per target cell, quoting its row:
 *
 *     序号 | 指标名称 | 属性 | 基准值（2020年） | 目标值（2025年） | 目标值（2035年）
 *     1    | 主海塘达标率 | 预期性 | 46％ | ≥73％ | 100％
 *        → 主海塘达标率 >= 73 % (2025, 预期性, baseline 46), 主海塘达标率 = 100 % (2035)
 *
 * Columns are told apart by their headers: the indicator (指标/名称), its unit (单位), its attribute
 * (属性: 约束性/预期性), background columns (现状, 基准, 基期, a year not after the plan was
 * written) and target columns (目标, 规划, “十五五”目标, 2025年). A year-by-year table
 * (2024年 | 2025年 | … | 2030年) gives one goal per year. A task or project table (项目名称 |
 * 具体内容 | 目标 "完成建设") has no numeric column: its cells are read as sentences.
 */
import { readCell } from './goals-quantities.ts';
import { readGridGoals } from './goals-place-tables.ts';
import { readTextGoals, type TextGoal, type YearFrom } from './goals-sentences.ts';
import { fiveYearEnd, type PlanTimes } from './goals-time.ts';
import type { GoalRuleId } from './goals-rules.ts';
import type { Block, Comparator } from '../types.ts';

export interface TableGoal {
  indicator: string;
  comparator: Comparator;
  value: number;
  unit: string;
  year: number | null;
  change: 'increase' | 'decrease' | null;
  attribute: string | null;
  baseline: { value: number; year: number | null } | null;
  /** A verbatim substring of the block's text: the row's cells joined by tabs. */
  quote: string;
  /** Read as a sentence from a task table's cell rather than from an indicator column. */
  fromText: boolean;
  scope: string | null;
  baselineYear: number | null;
  /** The row's place in a table of places; null when the target binds the plan's own jurisdiction. */
  place: string | null;
  yearFrom: YearFrom | null;
  requirement: boolean;
  rule: GoalRuleId;
}

type Role = 'index' | 'indicator' | 'unit' | 'attribute' | 'category' | 'baseline' | 'target' | 'other';

interface Column { role: Role; year: number | null; from: YearFrom | null }

/** The year a caption or header names; a span is due at its end ("三年行动（2024－2026）任务量统计表" → 2026). */
const yearOf = (s: string): number | null => {
  const m = /(20\d{2})(?:\s*[-—–－~～至]\s*(20\d{2}))?\s*年?/.exec(s);
  return m ? Number(m[2] ?? m[1]) : fiveYearEnd(s);
};

function classify(header: string[], times: PlanTimes, carried: { year: number | null; from: YearFrom | null }): Column[] {
  const cols: Column[] = header.map((raw) => {
    const h = raw.replace(/\s+/g, '');
    const none = { year: null, from: null };
    if (/^(?:序号|编号|序)$/.test(h)) return { role: 'index', ...none };
    if (/^(?:计量)?单位/.test(h)) return { role: 'unit', ...none };
    if (/属性|性质|指标类型/.test(h)) return { role: 'attribute', ...none };
    if (/^(?:指标)?(?:类别|领域|分类)$|^(?:类型|项目类型)$/.test(h)) return { role: 'category', ...none };
    if (/现状|基准|基期|基数|基线|完成|实际|现值|进展|评价/.test(h)) return { role: 'baseline', year: yearOf(h), from: 'table' };
    if (/目标|规划|预期值|期末|20\d{2}|十[一二三四五六]五/.test(h)) return { role: 'target', year: yearOf(h), from: yearOf(h) !== null ? 'table' : null };
    if (/指标|名称|项目|内容|任务/.test(h)) return { role: 'indicator', ...none };
    return { role: 'other', ...none };
  });
  // Year columns with no word for what they are: a run of consecutive years is a year-by-year plan;
  // otherwise the earliest (or any not after the plan was written) is the base year.
  const plain = cols.filter((c, i) => c.role === 'target' && /^\D*20\d{2}\D*$/.test(header[i]!.replace(/\s+/g, '')) && !/目标|规划/.test(header[i]!));
  if (plain.length && plain.length === cols.filter((c) => c.role === 'target').length) {
    const years = plain.map((c) => c.year!);
    const consecutive = years.every((y, i) => i === 0 || y - years[i - 1]! === 1);
    for (const c of plain) {
      if (times.docYear !== null ? c.year! < times.docYear : !consecutive && c.year === Math.min(...years) && years.length > 1) c.role = 'baseline';
    }
  } else {
    // Other columns say which are targets ("2025年目标"): a bare year beside them is the base year.
    for (const c of plain) c.role = 'baseline';
  }
  for (const c of cols) {
    if (c.role !== 'target' || c.year !== null) continue;
    c.year = carried.year ?? times.horizon;
    c.from = carried.year !== null ? carried.from : times.horizon !== null ? 'document' : null;
  }
  if (!cols.some((c) => c.role === 'indicator')) {
    const first = cols.findIndex((c) => c.role === 'other');
    if (first >= 0) cols[first]!.role = 'indicator';
  }
  return cols;
}

/** Cells of a row aligned to the header: rows short of cells lost merged cells on their left. */
function aligned(row: string[], width: number): (string | undefined)[] {
  if (row.length >= width) return row;
  return [...Array(width - row.length).fill(undefined), ...row];
}

const PERCENT_NAME = /(?:率|比例|比重|占比)$/;

export function readTableGoals(block: Block, times: PlanTimes, carried: number | null, carriedFrom: 'section' | 'document' = 'section'): TableGoal[] {
  const rows = block.rows ?? [];
  if (rows.length < 2) return [];
  // The table's deadline: its caption ("表2 各市2020年目标"), the heading or paragraph above it,
  // the document (an annual plan's year, a five-year plan's end).
  const captionYear = block.caption ? yearOf(block.caption) : null;
  const deadline: { year: number | null; from: YearFrom | null } = captionYear !== null ? { year: captionYear, from: 'table' }
    : carried !== null ? { year: carried, from: carriedFrom }
      : times.annualYear !== null ? { year: times.annualYear, from: 'document' }
        : times.horizon !== null ? { year: times.horizon, from: 'document' }
          : times.campaignEnd !== null ? { year: times.campaignEnd, from: 'document' } : { year: null, from: null };
  const grid = readGridGoals(block, deadline.year);
  if (grid) {
    return grid.map((g) => ({
      indicator: g.indicator, comparator: g.comparator, value: g.value, unit: normalisedUnit(g.unit), year: g.year,
      change: g.change, attribute: null, baseline: null, quote: quoteOf(block, g.row), fromText: false, scope: null,
      baselineYear: g.baselineYear, place: g.place, yearFrom: g.year === deadline.year ? deadline.from : 'table',
      requirement: false, rule: 'table-cell' as const,
    }));
  }
  const looksLikeHeader = (r: string[]) => !r.some((c) => /\d/.test(c.replace(/20\d{2}\s*年?|十[一二三四五六]五/g, ''))) && r.some((c) => /指标|目标|名称|项目|任务/.test(c));
  const first = rows[0]!;
  if (block.header === false && !looksLikeHeader(first)) return readTaskRows(block, rows, times, carried);
  // A header printed on two rows: "目标值" above "2025年 | 2035年".
  let headerRow = first;
  let bodyStart = 1;
  const second = rows[1];
  if (second && second.length === first.length && second.some((c) => /20\d{2}|十[一二三四五六]五|现状|目标|基准/.test(c)) && !second.some((c) => /\d/.test(c.replace(/20\d{2}\s*年?/g, '')))) {
    // An empty top cell belongs to the spanning cell on its left: "目标值 | (空)" over "2025年 | 2035年".
    let span = '';
    headerRow = first.map((c, j) => {
      if (c.trim()) span = c;
      return `${c.trim() ? c : second[j]?.trim() ? span : ''}${second[j] ?? ''}`;
    });
    bodyStart = 2;
  }
  const byNode = readNodeRows(block, headerRow, rows.slice(bodyStart));
  if (byNode) return byNode;
  const cols = classify(headerRow, times, deadline);
  const width = headerRow.length;
  const body = rows.slice(bodyStart);
  const ind = cols.findIndex((c) => c.role === 'indicator');
  const unitCol = cols.findIndex((c) => c.role === 'unit');
  const attrCol = cols.findIndex((c) => c.role === 'attribute');
  const baseCols = cols.map((c, i) => (c.role === 'baseline' ? i : -1)).filter((i) => i >= 0);
  const targetCols = cols.map((c, i) => (c.role === 'target' ? i : -1)).filter((i) => i >= 0);
  const numeric = targetCols.filter((j) => body.filter((r) => readCell(aligned(r, width)[j] ?? '', null)).length * 3 >= body.length);
  if (!numeric.length || ind < 0) return readTaskRows(block, body, times, targetCols.length ? cols[targetCols[0]!]!.year : carried);

  const out: TableGoal[] = [];
  for (const raw of body) {
    const row = aligned(raw, width);
    // A name that table alignment left in the category column: "5 | 河湖水面率 | | 预期性 | …".
    const catCol = cols.findIndex((c) => c.role === 'category');
    const name = ((row[ind] ?? '').trim() || (catCol >= 0 && PERCENT_NAME.test(row[catCol] ?? '') ? row[catCol]! : '')).replace(/\s+/g, '');
    if (!name || /^(?:合计|小计|总计|注)/.test(name) || raw.filter((c) => c.trim()).length <= 2) continue;
    const unitFromName = /[（(]([^（）()]{1,8})[）)]$/.exec(name)?.[1];
    const unitCell = unitCol >= 0 ? row[unitCol] : undefined;
    const unit = (unitCell && !/^[—\-/／]+$/.test(unitCell.trim()) ? unitCell.trim() : null)
      ?? (unitFromName && readCell(`1${unitFromName}`, null)?.unit) ?? (PERCENT_NAME.test(name) ? '%' : null);
    const attribute = attrCol >= 0 ? (row[attrCol]?.match(/约束性|预期性|指导性/)?.[0] ?? null) : null;
    let baseline: TableGoal['baseline'] = null;
    for (const j of baseCols) {
      const cell = readCell(row[j] ?? '', unit);
      if (cell) { baseline = { value: cell.value, year: cols[j]!.year }; break; }
    }
    const quote = quoteOf(block, raw);
    // "森林覆盖率（%）", "细颗粒物（PM2.5）年均浓度（微克/立方米）": the unit is not part of the name.
    const shown = unitFromName && readCell(`1${unitFromName}`, null)?.unit ? name.slice(0, name.length - unitFromName.length - 2) : name;
    for (const j of targetCols) {
      const cell = readCell(row[j] ?? '', unit);
      if (!cell || !cell.unit) continue;
      out.push({
        indicator: shown, comparator: cell.comparator, value: cell.value, unit: normalisedUnit(cell.unit), year: cols[j]!.year,
        change: cell.change ?? (/下降|降低|减少|削减/.test(name) ? 'decrease' : /提高|增加|增长|提升/.test(name) ? 'increase' : null),
        attribute, baseline, quote, fromText: false, scope: null, baselineYear: null,
        place: null, yearFrom: cols[j]!.from, requirement: false, rule: 'table-cell',
      });
    }
  }
  return out;
}

/**
 * Task tables that give a value per year in rows ("year-by-year" by row):
 *     主要任务 | 节点 | 指标数
 *     创建达标分类小区（累计数） | 2018年 | 345个
 *                               | 2019年 | 440个        (the task cell is merged: carried down)
 * One goal per row whose year cell names a year and that holds a number; "24.3万户/682个" gives two.
 */
function readNodeRows(block: Block, header: string[], body: string[][]): TableGoal[] | null {
  const yearCol = header.findIndex((h) => /节点|年份|年度|完成时间|时间/.test(h));
  if (yearCol < 0) return null;
  const withYear = body.filter((r) => /^\s*20\d{2}\s*年/.test(r[yearCol] ?? ''));
  if (withYear.length * 2 < body.length) return null;
  const taskCol = header.findIndex((h) => /任务|指标名称|名称|项目|内容/.test(h));
  const valueCol = header.findIndex((h) => /指标数|指标值|目标值|数量|目标/.test(h));
  const out: TableGoal[] = [];
  let task = '';
  for (const row of body) {
    if (taskCol >= 0 && row[taskCol]?.trim()) task = row[taskCol]!.replace(/\s+/g, '');
    const year = yearOf(row[yearCol] ?? '');
    if (!year || !task) continue;
    // The value cell, or (cells shifted by merged cells) the first cell after the year that is a value.
    const candidates = [valueCol, ...row.map((_, j) => j).filter((j) => j > yearCol && j !== valueCol)].filter((j) => j >= 0);
    for (const j of candidates) {
      const parts = (row[j] ?? '').split(/[/／](?=\s*\d)/).map((p) => readCell(p, null)).filter((c) => c && c.unit);
      if (!parts.length) continue;
      for (const c of parts) {
        out.push({
          indicator: task, comparator: c!.comparator, value: c!.value, unit: normalisedUnit(c!.unit), year, change: c!.change,
          attribute: null, baseline: null, quote: quoteOf(block, row), fromText: false, scope: null, baselineYear: null,
          place: null, yearFrom: 'table', requirement: false, rule: 'table-cell',
        });
      }
      break;
    }
  }
  return out;
}

/** A unit from a unit column ("微克/立方米", "％") in the extractor's normal form. */
function normalisedUnit(unit: string): string {
  return readCell(`1${unit}`, null)?.unit || unit;
}

/** The row as printed in the block's text (cells joined by tabs), or the closest verbatim piece. */
function quoteOf(block: Block, row: string[]): string {
  const joined = row.join('\t');
  if (block.text.includes(joined)) return joined;
  const longest = [...row].sort((a, b) => b.length - a.length).find((c) => c && block.text.includes(c));
  return longest ?? block.text.slice(0, 100);
}

/** Task and project tables: each cell read as a sentence, the row quoted. */
function readTaskRows(block: Block, rows: string[][], times: PlanTimes, year: number | null): TableGoal[] {
  const out: TableGoal[] = [];
  for (const row of rows) {
    for (const cell of row) {
      if (cell.length < 6) continue;
      const { goals } = readTextGoals(cell, { times, carried: year });
      // The clause itself when the cell is printed as it is in the block's text, else the row.
      for (const g of goals) out.push(fromText(g, block.text.includes(cell) ? cell.slice(g.quoteStart, g.quoteEnd) : quoteOf(block, row)));
    }
  }
  return out;
}

function fromText(g: TextGoal, quote: string): TableGoal {
  return {
    indicator: g.indicator, comparator: g.comparator, value: g.value, unit: g.unit, year: g.year, change: g.change,
    attribute: null, baseline: g.baseline, quote, fromText: true, scope: g.scope, baselineYear: g.baselineYear,
    place: null, yearFrom: g.yearFrom, requirement: g.requirement, rule: g.rule,
  };
}

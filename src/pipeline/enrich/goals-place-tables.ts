/**
 * Target tables whose rows are places or years (issue 14), read cell by cell: every numeric cell is
 * a goal with the row's place (or year), the column's indicator and unit, and the table's deadline.
 *
 *     城市 | PM2.5平均浓度同比下降比例（%） | 重度及以上污染天数同比减少（天）
 *     石家庄市 | 4 | 5
 *     唐山市 | 持续改善 | /
 *        → 石家庄市: PM2.5平均浓度 −4 % (同比), 重度及以上污染天数 −5 天; 唐山市: no goal (words, "/")
 *
 *     镇（街道） | 截污纳管（户） | 污水处理能力（吨/日） | 生活污水治理率（%）
 *     江桥镇 | 120 | 300 | 95
 *
 *     年份 | 新增面积（平方公里） | 累计占比（%）
 *     2023年 | 12 | 30
 *        → 2023: 新增面积 12 平方公里, 累计占比 30 %
 *
 * A header may be printed on two rows ("PM2.5" over "下降比例（%）") and carry its unit in brackets.
 * A row for the plan's own place ("全市", "合计") binds the plan's jurisdiction: its place is null,
 * and a 合计 that only adds the rows up is a restatement, read all the same (the text gives it).
 */
import { readCell } from './goals-quantities.ts';
import { DECREASE, INCREASE, YEAR_ON_YEAR } from '../lexicon.ts';
import type { Block, Comparator } from '../types.ts';

export interface GridGoal {
  indicator: string;
  comparator: Comparator;
  value: number;
  unit: string;
  year: number | null;
  place: string | null;
  change: 'increase' | 'decrease' | null;
  baselineYear: number | null;
  /** The row as printed. */
  row: string[];
}

/** A place as a row label: 石家庄市, 江桥镇, 新虹街道, 经开区, or a bare city name in a regional table. */
const PLACE_CELL = /^[\u4e00-\u9fff]{1,12}(?:省|自治区|市|州|盟|地区|县|区|旗|镇|乡|街道|办事处|开发区|高新区|新区|园区|片区|管委会|工业园)$/;
const BARE_NAME = /^[\u4e00-\u9fff]{2,4}$/;
/** Headers of a place column. */
const PLACE_HEADER = /城市|地市|市州|地区|区域|行政区|区县|县[（(]市|县市区|县区|乡镇|镇[（(]街道|街镇|街道|^镇|^区|^市|园区/;
/** The plan's own place, or a total: its targets bind the plan's jurisdiction. */
const OWN_ROW = /^(?:全省|全市|全区|全县|全镇|合计|总计|小计|全域|区域|平均)$/;
const YEAR_CELL = /^(20\d{2})\s*年?(?:度|底|末)?$/;
const INDEX_HEADER = /^(?:序号|编号|序)$/;
/** A column of the present state, not of targets: "总面积1.06万亩分布情况件数", "现状值", "基数", "已完成". */
const STATUS_HEADER = /分布情况|现状|基数|基准|基期|已完成|已建成|^存量/;

const squash = (s: string) => s.replace(/\s+/g, '');

/** The header, from one row or two ("PM2.5" over "下降比例（%）"), and where the body starts. */
export function gridHeader(rows: string[][]): { header: string[]; body: number } {
  const first = rows[0] ?? [];
  const second = rows[1];
  const wordy = (r: string[]) => r.every((c) => !/\d/.test(c.replace(/[（(][^）)]*[）)]|PM2\.5|PM10|O3|20\d{2}\s*年?|十[一二三四五六]五/gi, '')));
  if (second && second.length === first.length && wordy(second) && !PLACE_CELL.test(squash(second[0] ?? '')) && !YEAR_CELL.test(squash(second[0] ?? ''))) {
    let span = '';
    const header = first.map((c, j) => {
      if (c.trim()) span = c.trim();
      return `${c.trim() ? c.trim() : second[j]?.trim() ? span : ''}${second[j]?.trim() ?? ''}`;
    });
    return { header, body: 2 };
  }
  return { header: first.map((c) => c.trim()), body: 1 };
}

/** Which column labels the rows, and whether it holds places or years; null when the table is not such a grid. */
function labelColumn(header: string[], body: string[][]): { col: number; kind: 'place' | 'year' } | null {
  // The first column, or the one after a 序号 column.
  const col = INDEX_HEADER.test(squash(header[0] ?? '')) || body.every((r) => /^\d{0,3}$/.test(squash(r[0] ?? ''))) ? 1 : 0;
  const cells = body.map((r) => squash(r[col] ?? '')).filter(Boolean);
  if (cells.length < 2) return null;
  const years = cells.filter((c) => YEAR_CELL.test(c)).length;
  if (years * 2 > cells.length && years >= 2) return { col, kind: 'year' };
  const places = cells.filter((c) => PLACE_CELL.test(c) || OWN_ROW.test(c)).length;
  const bare = cells.filter((c) => BARE_NAME.test(c)).length;
  const named = PLACE_HEADER.test(squash(header[col] ?? ''));
  if ((named || places * 3 >= cells.length * 2) && (places + (named ? bare : 0)) * 3 >= cells.length * 2) return { col, kind: 'place' };
  return null;
}

/**
 * A column's measure, unit and year: "PM2.5平均浓度同比下降比例（%）" → PM2.5平均浓度同比下降比例, %;
 * "投放点微更新（个）2023-2024年" → 投放点微更新, 个, 2024 (a span of years is due at its end).
 */
function headerParts(header: string): { name: string; unit: string | null; year: number | null } {
  let h = squash(header);
  // "2024-2026年", and the short form "24-26年" ("纳入24-26年重点整治").
  const span = /((?:19|20)\d{2})(?:[-—–－~～至]((?:19|20)\d{2}))?年(?:度|底|末)?/.exec(h) ?? /(?<!\d)(\d{2})[-—–－~～至](\d{2})年/.exec(h);
  const full = (y: string | undefined) => (y === undefined ? null : y.length === 2 ? 2000 + Number(y) : Number(y));
  const year = span ? full(span[2] ?? span[1]) : null;
  if (span) h = (h.slice(0, span.index) + h.slice(span.index + span[0].length)).replace(/[（(]\s*[）)]/g, '');
  // A total noted in a group header ("2026年度任务量约1625亩") is the group's, not the column's.
  h = h.replace(/约\d+(?:\.\d+)?万?(?:亩|公顷|个|座|吨|家|户)/g, '');
  let unit: string | null = null;
  h = h.replace(/[（(]([^（）()]{1,12})[）)]/g, (all, inner: string) => {
    const u = unit === null ? readCell(`1${inner}`, null)?.unit || null : null;
    if (u) { unit = u; return ''; }
    return all;
  });
  return { name: h, unit: unit ?? (/(?:率|比例|比重|占比)$/.test(h) ? '%' : null), year };
}

/**
 * The goals of a grid of places or years; null when the table is not one (the caller reads it as
 * an indicator table). `year` is the table's deadline (caption, heading, document).
 */
export function readGridGoals(block: Block, year: number | null): GridGoal[] | null {
  const rows = block.rows ?? [];
  if (rows.length < 3) return null;
  const { header, body: start } = gridHeader(rows);
  const body = rows.slice(start).filter((r) => r.some((c) => c.trim()));
  const label = labelColumn(header, body);
  if (!label) return null;
  // A second column of places beside the first (区 | 街道（镇、乡）): the row's place is the most
  // specific one printed, the first column's merged cell carried down for the rows under it.
  const placeCols = [label.col];
  if (label.kind === 'place' && header[label.col + 1] !== undefined && /街道|镇|乡|单位|园区/.test(squash(header[label.col + 1] ?? ''))) placeCols.push(label.col + 1);
  const columns = header.map((h, j) => ({ j, ...headerParts(h) }))
    .filter(({ j, name }) => j !== label.col && name && !INDEX_HEADER.test(name) && !/备注|说明|责任|牵头|配合|时限|时间/.test(name))
    // What is there now, not what is to be done: "总面积1.06万亩分布情况", "现状", "基数".
    .filter(({ name }) => !STATUS_HEADER.test(name));
  // The value columns: at least a third of their cells read as numbers (words such as 持续改善 and
  // "/" are allowed in the others).
  // "单位：万千瓦" above the header: the unit of every column that names none of its own.
  // A column of whole numbers that prints no unit counts things ("新增示范工程 | 3"): its measure word
  // is left out, and 个 is the one a reader supplies.
  // Not a column of years ("计划完成年份 | 2025"), codes or numbers of things ("编号").
  const counted = (j: number) => {
    if (/年份|年度|年限|时间|日期|编号|代码|序号|代号/.test(squash(header[j] ?? ''))) return null;
    const cells = body.map((r) => readCell(r[j] ?? '', null)).filter((c) => c !== null);
    if (cells.length && cells.every((c) => c.value >= 1900 && c.value <= 2100)) return null;
    return cells.length > 0 && cells.every((c) => !c.unit && Number.isInteger(c.value) && c.value < 10_000) ? '个' : null;
  };
  const withUnits = columns.map((c) => ({ ...c, unit: c.unit ?? block.unit ?? counted(c.j) }));
  const numeric = withUnits.filter(({ j, unit }) => body.filter((r) => readCell(r[j] ?? '', unit)).length * 3 >= body.length)
    .filter(({ j }) => !placeCols.includes(j));
  if (!numeric.length) return null;
  const out: GridGoal[] = [];
  let carried = '';
  for (const row of body) {
    // A merged place cell printed once for several rows is carried down.
    const first = squash(row[label.col] ?? '') || carried;
    carried = first;
    const inner = placeCols.slice(1).map((j) => squash(row[j] ?? '')).find((c) => c && !/^[/／—-]+$/.test(c));
    const labelCell = inner ?? first;
    if (!labelCell) continue;
    const rowYear = label.kind === 'year' ? Number(YEAR_CELL.exec(labelCell)?.[1] ?? NaN) : null;
    if (label.kind === 'year' && !rowYear) continue;
    const place = label.kind === 'place' && !OWN_ROW.test(labelCell) ? labelCell : null;
    for (const { j, name, unit, year: columnYear } of numeric) {
      const cell = readCell(row[j] ?? '', unit);
      if (!cell || !cell.unit) continue;
      const at = rowYear ?? columnYear ?? year;
      const change = cell.change ?? (DECREASE.test(name) ? 'decrease' : INCREASE.test(name) ? 'increase' : null);
      const base = /比\s*(20\d{2})\s*年/.exec(name);
      out.push({
        // "PM2.5平均浓度同比下降比例": the measure is PM2.5平均浓度, the change is the goal's.
        indicator: change ? name.replace(/(?:同比|比上年|较上年|比\s*20\d{2}\s*年)?(?:下降|减少|降低|削减|提高|增加|提升|增长)(?:比例|幅度|率|量)?$/, '') || name : name,
        comparator: cell.comparator,
        value: cell.value,
        unit: cell.unit,
        year: at,
        place,
        change,
        baselineYear: base ? Number(base[1]) : change && YEAR_ON_YEAR.test(name) && at ? at - 1 : null,
        row,
      });
    }
  }
  return out;
}

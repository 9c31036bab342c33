/**
 * The downloadable goals data (issue 7): one record per goal, with the same field names in
 * /data/goals.json and /data/goals.csv, and the field list the 数据说明 page (/data/) prints — one
 * definition, so the page cannot describe a field the files do not have.
 *
 * Field names are stable: add fields at the end, never rename or reuse one.
 */
import { stringify } from 'csv-stringify/sync';
import type { GoalRow, GoalsIndex } from './goals.ts';

export interface FieldInfo { name: string; about: string }

export const GOAL_FIELDS = [
  { name: 'id', about: '目标的编号，在一份规划内唯一；原文不变时不变。' },
  { name: 'planSlug', about: '规划的网址名，规划页是 /plans/<planSlug>/，完整数据是 /data/plans/<planSlug>.json。' },
  { name: 'planTitle', about: '规划的标题（原文无标题的节选写明“节选”）。' },
  { name: 'placePath', about: '地区，从上级写到本级，用“/”隔开，如“上海市/普陀区”；规划没有写明地区时为空。' },
  { name: 'place', about: '本级地区名，如“普陀区”。' },
  { name: 'indicatorId', about: '指标目录里的指标 id，如 air.pm25；不在目录里的目标为空，这些目标不参加各地比较。' },
  { name: 'indicatorName', about: '指标目录里的指标名称；不在目录里时是原文的写法。' },
  { name: 'indicatorText', about: '原文对指标的写法，如“PM2.5年均浓度”。' },
  { name: 'theme', about: '主题 id（blue-sky 蓝天、clear-water 碧水、clean-soil 净土、blue-sea 碧海等，见各主题页）。' },
  { name: 'comparator', about: '比较方式：< 低于，<= 不高于/不超过，> 高于/优于，>= 不低于/以上，= 达到/保持，~ 左右。（CSV 里“=”前面加了一个单引号，见“可以下载的文件”。）' },
  { name: 'target', about: '目标的文字说法，如“不高于40μg/m³”“比2015年下降25%以上”。' },
  { name: 'value', about: '目标数值（数字）。' },
  { name: 'unit', about: '单位，已统一写法：%、μg/m³、天、公顷、平方公里等。' },
  { name: 'year', about: '目标年份（期限）；原文没有写明时为空。' },
  { name: 'baselineYear', about: '变化目标的基准年：“比2015年下降25%”的 2015。' },
  { name: 'baselineValue', about: '原文给出的起点数值（指标表的基准值或现状值，“由95%提高至99%”的 95）。' },
  { name: 'baselineValueYear', about: '起点数值的年份（如指标表“基准值（2020年）”的 2020）；原文没有写明时为空。' },
  { name: 'change', about: '变化目标的方向：decrease 下降/减少，increase 提高/增加；目标是一个水平值时为空。' },
  { name: 'scope', about: '目标只适用的范围，如“建成区”“农村”；为空表示全域。' },
  { name: 'attribute', about: '指标表的“属性”一栏：约束性或预期性；原文没有写明时为空。' },
  { name: 'source', about: '目标出自正文（text）还是指标表（table）。' },
  { name: 'quote', about: '原文，逐字摘录，包含这个数字；表格的一行各格之间用制表符隔开。' },
  { name: 'clauseUrl', about: '原文所在条文的网址（规划页上这一段的锚点）。' },
  { name: 'status', about: '对照实际值的结果：met 已达到，not-met 未达到，no-data 期限已过但没有可比的实际值，open 未到期或未写年份。' },
  { name: 'statusNote', about: '结果的说明（用的是哪个实际值，或为什么无法判断）。' },
  { name: 'actualValue', about: '用来判断的实际值（与目标同一指标、地区、年份、范围和单位）。' },
  { name: 'actualYear', about: '实际值的年份。' },
  { name: 'actualSourceTitle', about: '实际值的来源。' },
  { name: 'actualSourceUrl', about: '实际值来源的网址。' },
] as const satisfies readonly FieldInfo[];

export type GoalRecord = Record<(typeof GOAL_FIELDS)[number]['name'], string | number | null>;

const absolute = (path: string, base: URL | undefined) => (base ? new URL(path, base).href : path);

export function goalRecord(r: GoalRow, base: URL | undefined): GoalRecord {
  const a = r.status.actual;
  return {
    id: r.id,
    planSlug: r.planSlug,
    planTitle: r.planTitle,
    placePath: r.placeKey || null,
    place: r.placePath.at(-1) ?? null,
    indicatorId: r.indicatorId,
    indicatorName: r.indicatorName,
    indicatorText: r.indicatorText,
    theme: r.theme,
    comparator: r.comparator,
    target: r.target,
    value: r.value,
    unit: r.unit,
    year: r.year,
    baselineYear: r.baselineYear,
    baselineValue: r.baselineValue,
    baselineValueYear: r.baselineValueYear,
    change: r.change,
    scope: r.scope,
    attribute: r.attribute,
    source: r.source,
    quote: r.quote,
    clauseUrl: absolute(r.href, base),
    status: r.status.state,
    statusNote: r.status.state === 'open' ? r.status.label : r.status.reason,
    actualValue: a?.value ?? null,
    actualYear: a?.year ?? null,
    actualSourceTitle: a?.source.title ?? null,
    actualSourceUrl: a ? absolute(a.source.url, base) : null,
  };
}

/** Every goal, plans in the order given (newest first), goals in text order. */
export function goalRecords(index: GoalsIndex, base: URL | undefined): GoalRecord[] {
  return index.rows.map((r) => goalRecord(r, base));
}

/**
 * The CSV: UTF-8 with a byte-order mark, so that Excel and WPS open the Chinese text correctly;
 * a header row of the field names; CRLF line ends as spreadsheet software expects.
 */
export function goalsCsv(records: readonly GoalRecord[]): string {
  return stringify(records as GoalRecord[], {
    bom: true,
    header: true,
    record_delimiter: 'windows',
    columns: GOAL_FIELDS.map((f) => f.name),
    cast: { number: (n) => String(n), string: spreadsheetSafe },
  });
}

/**
 * A cell that opens with = + - or @ is read as a formula by spreadsheet software (the comparator
 * "=", a quote "-5℃"); an apostrophe in front keeps it text. Only the CSV does this; JSON is exact.
 */
export function spreadsheetSafe(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** The note every data file carries about where the text comes from and its reuse. */
export const LICENCE_NOTE = '规划原文是国家机关发布的具有行政性质的文件，依《中华人民共和国著作权法》第五条不适用著作权法保护。引用本站整理的数据（结构、指标归类、实际值摘录）时，请注明本站和原文链接。';

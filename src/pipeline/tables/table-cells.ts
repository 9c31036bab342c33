/**
 * Cells of a flattened table, before rows are made of them. Extraction flattens a table in one of
 * three layouts, told apart by where the blank lines fall (line nodes keep their source line, so
 * two nodes on consecutive source lines had no blank line between them):
 *
 *   (a) a cell per paragraph, a cell broken over lines inside it (corpus 04, 05, 16, 17, 19):
 *         序号 ‖ 指标名称 ‖ 指标⏎属性 ‖ 基准值⏎（2020年） ‖ 1 ‖ 主海塘达标率 ‖ …
 *   (b) a row per paragraph, a cell per line (corpus 11):
 *         序号⏎指标名称⏎属性⏎单位⏎“十五五”目标 ‖ 1⏎人均公园绿地面积⏎约束性⏎平方米⏎11.5 ‖ …
 *   (c) a cell per line and no blank lines at all:
 *         表1　主要指标⏎序号⏎指标⏎单位⏎2020年⏎2025年目标⏎属性⏎1⏎细颗粒物（PM2.5）浓度⏎…
 *
 * (‖ stands for a blank line, ⏎ for a line break.)
 */
import type { LineNode } from '../types.ts';
import { directlyAfter } from '../lines/layout.ts';

/** Words that head a column of a plan's tables: indicator, task, project and scoring tables. */
const HEADER_WORD = new RegExp(
  '(?:序号|编号|类别|类型|分类|项目|项目类型|项目名称|指标|指标名称|指标属性|指标类别|属性|单位|计量单位|' +
  '基准值|基期值|现状值|目标值|预期值|规划值|主要任务|任务|任务内容|工作任务|重点任务|具体任务|具体内容|主要内容|' +
  '建设内容|工作内容|工作措施|节点|时间节点|完成时限|完成时间|时限|进度安排|指标数|责任单位|责任部门|牵头单位|牵头部门|' +
  '配合单位|配合部门|检查标准|评分标准|考核内容|考核标准|分值|扣分|得分|备注|街镇|区域|地区|补贴标准|综合系数|' +
  '进展评价|完成情况|年份|年度|领域|内容|名称|数量|规模|投资|总投资|建设规模|实施主体|建设地点|' +
  // Rows per place: "城市 | PM2.5下降比例（%）", "镇（街道） | 截污纳管（户）".
  '城市|地市|市州|设区市|区县|县[（(]市、区[）)]|县[（(]市[）)]|县市区|乡镇|镇[（(]街道[）)]|街道|行政区)$',
);
/** A column heading that carries its unit: "PM2.5平均浓度同比下降比例（%）", "污水处理能力（吨/日）". */
const HEADER_UNIT = /^(?!\d)[^。；，,、]{2,28}[（(](?:%|％|‰|个|座|处|户|家|天|[^（）()]{0,6}(?:米|吨|立方米|平方米|平方公里|公顷|亩|公里|千瓦|万千瓦|兆瓦|微克|毫克|标准煤|小时))[）)]$/;
/** "2025年", "目标值（2025年）", "2025年目标", "“十五五”目标", "基准值(2020年)" */
const HEADER_YEAR = /^(?:[^\d]{0,6}[（(]?(?:19|20)\d{2}年[）)]?[^\d]{0,6}|[“"]?十[一二三四五]五[”"]?(?:目标|末|期间)?)$/;

/** A header cell: short, no sentence punctuation, and ends in a column word ("主要项目", "检查标准"). */
export const isHeaderCell = (text: string): boolean => {
  const t = text.replace(/\s+/g, '');
  if (HEADER_UNIT.test(t)) return true;
  // "区（管委会）", "街道（镇、乡）": a heading with what else the column holds in brackets.
  const bare = t.replace(/[（(][^（）()]{1,10}[）)]$/, '');
  if (bare !== t && bare.length <= 12 && !/[。；，,]/.test(bare) && (HEADER_WORD.test(bare) || PLACE_WORD.test(bare))) return true;
  return text.length <= 16 && !/[。；，,、]/.test(text) && (HEADER_YEAR.test(text) || (!/^\d/.test(text) && (HEADER_WORD.test(text) || SIZE_WORD.test(t))));
};
/** A place column's bare heading: "区", "街道", "乡镇". */
const PLACE_WORD = /^(?:区|县|市|镇|乡|街道|乡镇|区县|街镇|县区)$/;
/** A measure of size heading a column: "申报建设规模", "减量化面积". */
const SIZE_WORD = /^[\u4e00-\u9fff]{0,8}(?:规模|面积|总面积|数量|长度|容量|产量|总量)$/;

/** A run of nodes on consecutive source lines: one paragraph of the source. */
export interface Group { nodes: LineNode[]; start: number; end: number }

/** Groups of nodes from `from`, up to `limit` nodes. `end` is exclusive, in node indices. */
export function groupsFrom(lines: LineNode[], from: number, limit = 4000): Group[] {
  const groups: Group[] = [];
  let i = from;
  while (i < lines.length && i < from + limit) {
    const start = i;
    while (i + 1 < lines.length && adjacent(lines[i] as LineNode, lines[i + 1] as LineNode)) i++;
    i++;
    groups.push({ nodes: lines.slice(start, i), start, end: i });
  }
  return groups;
}

/** Next to each other in the source, or only page marks (removed) between them. */
const adjacent = (a: LineNode, b: LineNode) => directlyAfter(b, a.position.end.line);

/** Org-name endings: a cell listing units one per line keeps its line breaks. */
const UNIT_END = /(?:局|办|委|会|处|室|所|站|中心|公司|政府|街道|镇|区|队|院|部)$/;

/**
 * A cell broken over lines, joined: a word or a bracket broken by narrow columns joins without a
 * break ("组织管理" + "（10分）", "1." + "分" + "类"…); lines that end a sentence or name a unit are
 * kept apart by a space ("1. 强化…。 2. 紧扣…", "区文明办 区绿化市容局"). A cell holds no line
 * break, so that a table's text stays one row per line and a row can be quoted whole.
 */
export function joinCell(parts: string[]): string {
  let out = parts[0] ?? '';
  for (let i = 1; i < parts.length; i++) {
    const prev = parts[i - 1] ?? '';
    const next = parts[i] ?? '';
    const keepBreak = /[。；;！？）)]$/.test(prev) || /^\d+[.．、]\s*\S/.test(next) || (UNIT_END.test(prev) && prev.length >= 3 && next.length >= 3);
    out += (keepBreak ? ' ' : '') + next;
  }
  return out;
}

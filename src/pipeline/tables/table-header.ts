/**
 * A flattened table's header with more cells than its rows have (issue 14), fitted to the rows'
 * width. Two things make a header too wide once a table is printed one cell per line:
 *
 * Header cells broken over two or three lines by the converter, each piece a line of its own:
 *
 *     序号 / 类别 / 指标名称 / 指标 / 属性 / 2025年 / 现状值 / 2030年 / 目标值      (9 pieces, rows of 6)
 *        → 序号 / 类别 / 指标名称 / 指标属性 / 2025年现状值 / 2030年目标值
 *     序号 / 指标名称 / 单位 / 属性 / 松江 / “十四五” / 现状 / 松江 / “十五五” / 指标  (10, rows of 6)
 *        → … / 松江“十四五”现状 / 松江“十五五”指标
 *
 * A header on two levels, groups over their sub-columns, printed level by level:
 *
 *     序号 / 街镇 / 投放点微更新（个） / … / 固定型服务点（个） / 2023-2024年 / 2025年 / … (17, rows of 12)
 *        → 序号 / 街镇 / 投放点微更新（个）2023-2024年 / 投放点微更新（个）2025年 / …
 *
 * Pieces are joined only where the second says what the first measures (a year and 现状值, 指标 and
 * 属性, a place and a five-year name); groups only where the sub-level divides evenly. When neither
 * reaches the rows' width the header is left as it is (the caller aligns cells as before).
 */

/** Pairs of pieces that read as one cell, strongest first: a year or a five-year name and what it
 * holds ("2025年" + "现状值"), 指标 and what it is ("指标" + "属性"), a place and a five-year name
 * ("松江" + "“十四五”"), a quoted name and what it holds ("松江“十五五”" + "指标"). A place and its
 * five-year name join first, so that what follows completes the whole. */
const VALUE_WORD = /^(?:现状|现状值|基准值|基期值|目标|目标值|规划值|预期值|指标|指标值|完成情况|完成值|建设指标)$/;
const YEAR = /^(?:(?:19|20)\d{2}\s*年(?:底|末)?|[“"]?十[一二三四五六]五[”"]?(?:期末|末)?)$/;
const PAIRS: ((a: string, b: string) => boolean)[] = [
  (a, b) => /^[\u4e00-\u9fff]{2,6}$/.test(a) && /^[“"]?十[一二三四五六]五[”"]?$/.test(b),
  (a, b) => YEAR.test(a) && VALUE_WORD.test(b),
  (a, b) => /[”"]$/.test(a) && /十[一二三四五六]五/.test(a) && VALUE_WORD.test(b),
  (a, b) => a === '指标' && /^(?:属性|名称|类型|类别|值)$/.test(b),
];

/** Join broken pieces until the header has `width` cells; null when the pieces do not join that far. */
function joinPieces(header: readonly string[], width: number): string[] | null {
  const cells = header.map((c) => c.trim());
  for (const pair of PAIRS) {
    for (let i = 0; i + 1 < cells.length && cells.length > width; i++) {
      if (pair(cells[i]!, cells[i + 1]!)) cells.splice(i, 2, `${cells[i]}${cells[i + 1]}`);
    }
  }
  return cells.length === width ? cells : null;
}

/** A sub-column of a header's second level: a year, a span of years, 现状/目标. */
const SUB = /^(?:(?:19|20)\d{2}(?:\s*[-—–~～至]\s*(?:19|20)\d{2})?\s*年(?:度|底|末)?|现状值?|目标值?|基准值?|小计|合计|[“"]?十[一二三四五六]五[”"]?)$/;

/** A two-level header: the trailing sub-level divided evenly among the groups before it. */
function twoLevels(header: readonly string[], width: number): string[] | null {
  let sub = 0;
  while (sub < header.length && SUB.test(header[header.length - 1 - sub]!.trim())) sub++;
  const top = header.length - sub;
  const groups = header.length - width;
  const singles = top - groups;
  if (sub < 2 || groups < 1 || singles < 0 || sub % groups !== 0) return null;
  const per = sub / groups;
  const out = header.slice(0, singles).map((c) => c.trim());
  for (let g = 0; g < groups; g++) {
    const name = header[singles + g]!.trim();
    for (let s = 0; s < per; s++) out.push(`${name}${header[top + g * per + s]!.trim()}`);
  }
  return out;
}

/**
 * A sub-column named by a point in time, with what is due by then: "1-2月前", "3月底前完成20%",
 * "11月中旬完成100%", "2024年约1900亩", "2025年40%", "二季度".
 */
const TIME_SUB = /^(?:\d{1,2}(?:\s*[-—–~～至]\s*\d{1,2})?月(?:份|底|末|初|中旬|上旬|下旬)?|[一二三四1-4]季度(?:末|底)?|[上下]半年|(?:19|20)\d{2}\s*年(?:底|末)?)前?(?:完成)?(?:约?\d+(?:\.\d+)?\s*(?:%|％|[\u4e00-\u9fff]{1,2}))?$/;
/** A sub-column named by what it counts or measures: "件数" / "面积" under "总面积…分布情况". */
const MEASURE_SUB = /^(?:件数|个数|宗数|处数|户数|数量|面积|图斑面积|长度|金额|规模)(?:[（(][^（）()]{1,8}[）)])?$/;
/** A group's own words: it divides into sub-columns ("分年度任务量", "总面积1.06万亩分布情况", "其中"). */
const GROUP_WORD = /分年度|分年|分季度|分月|分布|情况|构成|分解|其中|按.{1,4}分/;

const subKind = (cell: string): 'time' | 'measure' | null => {
  const c = cell.replace(/\s+/g, '');
  return TIME_SUB.test(c) ? 'time' : MEASURE_SUB.test(c) ? 'measure' : null;
};

/** Runs of sub-columns of one kind: [start, end) into the header. */
function subRuns(cells: readonly string[]): [number, number][] {
  const runs: [number, number][] = [];
  for (let i = 0; i < cells.length; i++) {
    const kind = subKind(cells[i]!);
    if (!kind) continue;
    let j = i + 1;
    while (j < cells.length && subKind(cells[j]!) === kind) j++;
    if (j - i >= 2) runs.push([i, j]);
    i = j - 1;
  }
  return runs;
}

/**
 * A two-level header whose groups are named, printed either group by group, each followed by its
 * sub-columns:
 *
 *     序号 / 街镇 / 2026年任务量 / 2026年度任务量约1625亩 / 1-2月前 / 3月底前完成20% / … / 11月中旬完成100% / 其中CD类整治任务量
 *        → … / 2026年度任务量约1625亩3月底前完成20% / … / 其中CD类整治任务量      (n13, rows of 9)
 *
 * or level by level, the groups (the cells that say they divide: 分年度, 分布情况) in the first
 * level and all sub-columns at the end:
 *
 *     序号 / 街镇 / 总面积1.06万亩分布情况 / 2024-2026年任务量 / 纳入24-26年重点整治 / 分年度任务量 / 件数 / 面积 / 2024年约1900亩 / …
 *        → … / 总面积1.06万亩分布情况件数 / 总面积1.06万亩分布情况面积 / 2024-2026年任务量 / … / 分年度任务量2024年约1900亩 / …
 *
 * Groups are taken only when their number is exactly what the rows' width asks for.
 */
function namedGroups(header: readonly string[], width: number): string[] | null {
  const cells = header.map((c) => c.trim());
  const groups = cells.length - width;
  const runs = subRuns(cells);
  if (groups < 1 || runs.length !== groups) return null;
  // Level by level: every run at the end, and as many group words among the cells before them.
  const tail = runs.every(([, end], r) => end === (runs[r + 1]?.[0] ?? cells.length));
  const named = cells.slice(0, runs[0]![0]).map((c, i) => (GROUP_WORD.test(c) ? i : -1)).filter((i) => i >= 0);
  if (tail && runs.length >= 2 && named.length === groups) {
    const out: string[] = [];
    cells.slice(0, runs[0]![0]).forEach((c, i) => {
      const g = named.indexOf(i);
      if (g < 0) out.push(c);
      else out.push(...cells.slice(runs[g]![0], runs[g]![1]).map((s) => `${c}${s}`));
    });
    return out.length === width ? out : null;
  }
  // Group by group: each run follows the cell that names it.
  const out: string[] = [];
  let i = 0;
  for (const [start, end] of runs) {
    if (start === 0 || subKind(cells[start - 1]!)) return null;
    out.push(...cells.slice(i, start - 1));
    out.push(...cells.slice(start, end).map((s) => `${cells[start - 1]}${s}`));
    i = end;
  }
  out.push(...cells.slice(i));
  return out.length === width ? out : null;
}

/** A year in brackets printed as the lowest level of a header: "（2025年）". */
const BRACKET_YEAR = /^[（(]\s*(?:19|20)\d{2}\s*年?(?:底|末)?\s*[）)]$/;
/** A group over value columns, dropped once its columns carry their years: "指标值". */
const VALUE_GROUP = /^(?:指标值|数值|目标值|规划值|指标|值)$/;

/**
 * Years in brackets printed under the columns they date, a level below them, and a group over
 * those columns:
 *
 *     指标类别 / 序号 / 指标项 / 单位 / 类型 / 指标值 / 现状 / 近期规划 / （2025年） / （2030年）   (rows of 7)
 *        → 指标类别 / 序号 / 指标项 / 单位 / 类型 / 现状（2025年） / 近期规划（2030年）
 */
function bracketYears(header: readonly string[], width: number): string[] | null {
  const cells = header.map((c) => c.trim());
  const start = cells.findIndex((c) => BRACKET_YEAR.test(c.replace(/\s+/g, '')));
  if (start < 0) return null;
  let end = start;
  while (end < cells.length && BRACKET_YEAR.test(cells[end]!.replace(/\s+/g, ''))) end++;
  const r = end - start;
  if (r < 2 || start - r < 0) return null;
  const heads = cells.slice(start - r, start);
  if (heads.some((h) => BRACKET_YEAR.test(h) || /\d/.test(h))) return null;
  let before = cells.slice(0, start - r);
  const joined = heads.map((h, i) => `${h}${cells[start + i]}`);
  if (before.length + joined.length + cells.length - end > width && VALUE_GROUP.test(before.at(-1) ?? '')) before = before.slice(0, -1);
  const out = [...before, ...joined, ...cells.slice(end)];
  return out.length === width ? out : null;
}

/** The header fitted to rows of `width` cells, or null when it cannot be (or need not be). */
export function fitHeader(header: readonly string[], width: number): string[] | null {
  if (width < 2 || header.length <= width) return null;
  return joinPieces(header, width) ?? twoLevels(header, width) ?? namedGroups(header, width) ?? bracketYears(header, width);
}

/**
 * The width of numbered rows: the cells from the row number "1" to the row number "2" — the "2"
 * that is followed by the same kind of cell as "1" is (a name, not a value: in "1 宝山路街道 62 44 13
 * 12 4 2 3 …" the first "2" is a value).
 */
export function numberedWidth(cells: readonly string[]): number | null {
  const one = cells.findIndex((c) => /^1[.．、]?$/.test(c.trim()));
  if (one < 0) return null;
  const numeric = (c: string | undefined) => /^[\d.%％≥≤<>＜＞～~-]+$/.test((c ?? '').trim());
  const two = cells.findIndex((c, i) => i > one + 1 && /^2[.．、]?$/.test(c.trim()) && numeric(cells[i + 1]) === numeric(cells[one + 1]));
  return two > one ? two - one : null;
}

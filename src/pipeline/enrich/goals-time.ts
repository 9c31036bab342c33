/**
 * When a goal is due, and which parts of a plan are background (issue 7).
 *
 *     "到2025年，…"  "2023年底前，…"  "至2025年"  "“十四五”期间"  "到“十五五”末"  "规划期末"  → deadline
 *     "比2015年下降25%"  "较2020年"                                                   → baseline
 *     "2022年起，实施…"  "自2020年1月1日起"                                            → start (milestones)
 *     "2019年本区…已经达到0.75"  "“十四五”初"  "2016年前建设的"                          → status
 *
 * A deadline governs the rest of its paragraph (and the paragraphs after it in the same section,
 * for a goals section such as "（三）总体目标。到2020年，…" followed by "——…" lines), until another
 * deadline is stated. Headings state deadlines too ("四、“十四五”主要任务" → 2025). Sections that
 * review the past ("“十三五”工作回顾", "发展现状及成效", "面临的挑战") hold no goals.
 */
import { asciiDigits } from './goals-quantities.ts';
import { ANNUAL_KINDS } from '../lexicon.ts';

/** Plan-wide time facts, read once per document. */
export interface PlanTimes {
  /** The plan's end year: meta.period.to, or the five-year period or year range in the title. */
  horizon: number | null;
  /** The year the plan was written (issued, or its period's first year): earlier years are history. */
  docYear: number | null;
  /** An annual work plan's year ("静安区2025年生活垃圾分类工作实施方案"): the year of all its goals. */
  annualYear: number | null;
  /** A plan over several years ("十四五", 2021–2025): its end is when its indicator table and 主要目标 are due. */
  fiveYear: boolean;
  /**
   * The end of a campaign the text states as a period ("秋冬季期间（2019年10月1日至2020年3月31日）"):
   * the year its targets are due, where a table or a sentence says none.
   */
  campaignEnd: number | null;
  /** A plan over several years: its first year, so that "第二年" is a year (2024–2026 → 2025). */
  periodStart?: number | null;
}

// "2019年10月1日至2020年3月31日", "2023年11月—2024年3月": a campaign's period.
const PERIOD = /(20\d{2})\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?\s*(?:至|到|—|－|-|~|～)\s*(20\d{2})\s*年\s*\d{1,2}\s*月/;

/** The end year of the first campaign period a text states, or null. */
export function campaignEndOf(text: string): number | null {
  const m = PERIOD.exec(asciiDigits(text));
  return m && Number(m[2]) >= Number(m[1]) ? Number(m[2]) : null;
}

export interface TimeMark {
  index: number;
  end: number;
  /** null for "到本世纪中叶" and other deadlines without a year: they end the previous deadline's reach. */
  year: number | null;
  kind: 'deadline' | 'start' | 'baseline' | 'status';
}

const FIVE_YEAR: Record<string, number> = { 十一五: 2010, 十二五: 2015, 十三五: 2020, 十四五: 2025, 十五五: 2030, 十六五: 2035 };
const CN_YEAR_DIGIT: Record<string, string> = { 〇: '0', '○': '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/** "二〇三五" and "二○三五" (written with a circle) → "2035", same length; other text unchanged. */
function yearDigits(text: string): string {
  return asciiDigits(text).replace(/二[〇○零][一二三四五六七八九〇○零]{2}(?=年)/g, (y) => [...y].map((c) => CN_YEAR_DIGIT[c] ?? c).join(''));
}

export function fiveYearEnd(text: string): number | null {
  const m = /十[一二三四五六]五/.exec(text);
  return m ? FIVE_YEAR[m[0]] ?? null : null;
}

// "到2025年底前" "2023年底前" "至2025年" "截至2025年底" "力争2020年年底前" "2019年上半年前" "2022年起"
const YEAR_MARK = /(比|较|与|相比|对比)?\s*(到|至|截至|截止到?|力争到?|力争在|争取到?|在|于|自|从)?\s*(20\d{2}|19\d{2})\s*年(?:度)?\s*(年底|年末|底|末|上半年|下半年|前|以前|之前|一季度|二季度|三季度|四季度|第[一二三四]季度|\d{1,2}月(?:\d{1,2}日)?(?:底)?)?\s*(前|以前|之前|起|开始|以来|来|为基[准数期]|基[准数期]|前建|前已)?/g;
// "“十四五”期间" "到“十五五”末" "“十四五”时期" "十四五末" — a bare "“十四五”" (a name) is no deadline.
const FIVE_MARK = /(到|至|力争到?|在)?\s*[“"]?(十[一二三四五六]五)[”"]?\s*(期末|末期|末|期间|时期|内|初|以来|规划期末)?/g;
const PLAN_END = /(到|至|在)?(规划期末|本规划期内|规划期内|本规划期)/g;
const UNDATED_END = /到本世纪中叶|到(?:本世纪)?中叶/g;
// "原则上第一年全区应完成的任务量不少于700亩", "第三年…": the years of a plan over several years, counted
// from its first. Outside such a plan ("项目建成后第一年") they are no calendar year.
const ORDINAL_YEAR = /第([一二三四五])年(?:度)?/g;
const ORDINAL: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5 };

/** Every time mark in a text, in order. */
export function timeMarks(text: string, times: PlanTimes): TimeMark[] {
  // Years inside a cited title are not deadlines: 《…第十四个五年规划和二〇三五年远景目标纲要》.
  const t = yearDigits(text).replace(/《[^》]*》/g, (m) => ' '.repeat(m.length));
  const marks: TimeMark[] = [];
  for (const m of t.matchAll(YEAR_MARK)) {
    const [, cmp, prep, y, when, tail] = m;
    const year = Number(y);
    let kind: TimeMark['kind'] = 'deadline';
    if (cmp && !prep) kind = 'baseline';
    else if (tail && /基/.test(tail)) kind = 'baseline';
    else if (tail === '以来' || tail === '来' || tail === '前建' || tail === '前已') kind = 'status';
    else if (tail === '起' || tail === '开始' || prep === '自' || prep === '从') kind = 'start';
    else if (!prep && !when && !tail && times.docYear !== null && year < times.docYear) kind = 'status';
    else if (prep === '截至' || prep === '截止' || prep === '截止到') kind = times.docYear !== null && year <= times.docYear ? 'status' : 'deadline';
    else if (times.docYear !== null && year < times.docYear - 1) kind = 'status';
    marks.push({ index: m.index, end: m.index + m[0].length, year, kind });
  }
  for (const m of t.matchAll(FIVE_MARK)) {
    const [, prep, name, when] = m;
    if (!prep && !when) continue;
    const year = FIVE_YEAR[name!] ?? null;
    const kind: TimeMark['kind'] = when === '初' || when === '以来' ? 'status' : 'deadline';
    if (year !== null && kind === 'deadline' && times.docYear !== null && year < times.docYear) {
      marks.push({ index: m.index, end: m.index + m[0].length, year, kind: 'status' });
      continue;
    }
    marks.push({ index: m.index, end: m.index + m[0].length, year, kind });
  }
  for (const m of t.matchAll(PLAN_END)) marks.push({ index: m.index, end: m.index + m[0].length, year: times.horizon, kind: 'deadline' });
  for (const m of t.matchAll(UNDATED_END)) marks.push({ index: m.index, end: m.index + m[0].length, year: null, kind: 'deadline' });
  if (times.periodStart && times.horizon) {
    for (const m of t.matchAll(ORDINAL_YEAR)) {
      const year = times.periodStart + ORDINAL[m[1]!]! - 1;
      if (year <= times.horizon && !/后|起/.test(t.slice(Math.max(0, m.index - 3), m.index))) marks.push({ index: m.index, end: m.index + m[0].length, year, kind: 'deadline' });
    }
  }
  return marks.sort((a, b) => a.index - b.index);
}

/** The deadline a heading states: "（一）2025年工作目标" → 2025, "四、“十四五”主要任务" → 2025. */
export function headingYear(heading: string): number | null {
  const t = yearDigits(heading);
  // "2021年本市整街道…光伏开发试点名单": a list's year is when it was drawn up, not a deadline.
  if (/比\s*20\d{2}|以来|回顾|完成情况|名单$|名录$/.test(t)) return null;
  const y = /(20\d{2})\s*年/.exec(t);
  if (y) return Number(y[1]);
  return fiveYearEnd(t);
}

/**
 * Headings of sections that describe the past or the situation, not commitments:
 * "一、“十三五”工作回顾", "（一）主要工作成效", "发展现状及成效", "（三）面临的挑战",
 * "“十四五”指标完成情况", "二、水务发展趋势", "基础与形势", "一、“十四五”发展评估", "（一）“十四五”发展情况".
 */
export const BACKGROUND_HEADING = /回顾|(?:发展|实施|规划|执行|总结)评估|发展情况|发展现状|现状(?:与|及|和)|基本情况|工作基础|发展基础|基础(?:与|和)形势|面临(?:的)?(?:形势|问题|挑战)|形势(?:分析|与挑战)?$|存在(?:的)?(?:主要)?问题|主要问题|问题(?:与|和)挑战|挑战$|的挑战|发展趋势|趋势(?:与|和)?挑战|完成情况|进展情况|(?:主要|工作|取得的|建设|发展)成效$|主要成效|取得(?:的)?成[效就绩]|编制(?:依据|背景)|规划背景|规划基础|^背景/;

export function isBackgroundHeading(heading: string): boolean {
  return BACKGROUND_HEADING.test(heading.replace(/\s+/g, ''));
}

/** Plan-wide time facts from the metadata and, where it is silent, the title. */
export function planTimes(meta: { title: string | null; issued: string | null; period: { from: number; to: number } | null } | undefined, titleGuess: string | null): PlanTimes {
  const title = yearDigits(meta?.title ?? titleGuess ?? '');
  // "三年行动计划（2018—2020年）", "三年行动工作方案（2024-2026）": a period in the title.
  const range = /(20\d{2})\s*[—–\-~～至到－]+\s*(20\d{2})\s*年?/.exec(title);
  const horizon = meta?.period?.to ?? (range ? Number(range[2]) : null) ?? fiveYearEnd(title);
  const issued = meta?.issued ? Number(meta.issued.slice(0, 4)) : null;
  const docYear = issued ?? meta?.period?.from ?? (range ? Number(range[1]) : null) ?? (horizon !== null ? horizon - 4 : null);
  const single = !range && !fiveYearEnd(title) ? /(20\d{2})\s*年(?:度)?/.exec(title) : null;
  const annualYear = single && ANNUAL_KINDS.test(title) ? Number(single[1]) : null;
  const span = meta?.period ? meta.period.to - meta.period.from : range ? Number(range[2]) - Number(range[1]) : fiveYearEnd(title) ? 4 : 0;
  const periodStart = span >= 2 ? meta?.period?.from ?? (range ? Number(range[1]) : horizon !== null ? horizon - span : null) : null;
  return { horizon: horizon ?? null, docYear: docYear ?? annualYear, annualYear, fiveYear: span >= 2, campaignEnd: null, periodStart };
}

/**
 * The year a plan that states no period works towards, from its own deadlines: "到2025年，全面推进…"
 * said again and again in a 工作方案 issued in 2024. The deadline its task sections give most often
 * (the nearer one on a tie), not before the plan's year and at most ten years after it; null when
 * the text gives fewer than three deadlines or none twice. A 2035 vision said once does not
 * outweigh the 2025 of every task.
 */
export function statedHorizon(texts: string[], docYear: number | null): number | null {
  const counts = new Map<number, number>();
  for (const t of texts) {
    for (const m of t.matchAll(/(?:到|至|截至|力争到?|在)\s*(20\d{2})\s*年|(20\d{2})\s*年(?:底|末)\s*(?:前|之前)/g)) {
      const year = Number(m[1] ?? m[2]);
      if (docYear !== null && (year < docYear || year > docYear + 10)) continue;
      counts.set(year, (counts.get(year) ?? 0) + 1);
    }
  }
  let best: [number, number] | null = null;
  for (const [year, n] of counts) if (!best || n > best[1] || (n === best[1] && year < best[0])) best = [year, n];
  return best && best[1] >= 2 && [...counts.values()].reduce((a, b) => a + b, 0) >= 3 ? best[0] : null;
}

/**
 * The words plans use to state targets, in one place (issue 14): the goal reader reads with them
 * and the pages write with them, so a goal reads the same on /goals/, on a plan page and on
 * /participate/.
 *
 *   comparators   "不低于" "不应低于" "至少" → ≥, "不高于" "不得高于" "控制在…以内" → ≤ …, each
 *                 with the words a page writes for it
 *   changes       "下降" "减少" "削减" → decrease, "提高" "增加" → increase; a page says 下降/提高 of
 *                 a share and 减少/增加 of an amount
 *   scopes        "全市" "辖区" (the whole place: no scope) and "建成区" "农村" (part of it)
 *   kinds         the genre words of a title, longest first
 *
 * Negations come before the words they negate, and longer words before shorter, so that the
 * leftmost-longest reading of "不应低于" is ≥ and never the "低于" inside it.
 */
import type { Comparator } from '../schemas/plan-document.ts';

/** Words before a number that say how it binds, longest first within each comparator. */
export const COMPARATOR_BEFORE: readonly { comparator: Comparator; words: readonly string[] }[] = [
  // "去除效率不应低于80%", "不得少于3次", "至少1轮"
  { comparator: '>=', words: ['不应低于', '不得低于', '不宜低于', '不能低于', '不应少于', '不得少于', '不应小于', '不得小于', '不低于', '不少于', '不小于', '大于等于', '大于或等于', '至少'] },
  // "排放浓度不得高于30毫克/立方米", "控制在35微克/立方米以内", "原则上不超过3处"
  { comparator: '<=', words: ['不应高于', '不得高于', '不宜高于', '不应超过', '不得超过', '不宜超过', '不能超过', '不应大于', '不得大于', '不高于', '不超过', '不大于', '不多于', '小于等于', '小于或等于', '控制在'] },
  { comparator: '<', words: ['低于', '小于', '少于'] },
  // "全市轨道交通运营里程突破1000公里": passes the figure.
  { comparator: '>', words: ['优于', '高于', '超过', '突破', '大于', '多于'] },
  { comparator: '~', words: ['大约', '约为', '约'] },
];

/** Words after a number: "95%以上", "40微克/立方米以下", "85%左右". */
export const COMPARATOR_AFTER: Readonly<Record<string, Comparator>> = {
  及以上: '>=', 以上: '>=', 及以下: '<=', 以下: '<=', 以内: '<=', 之内: '<=', 内: '<=', 左右: '~', 上下: '~',
};

/** Symbols before a number: "≥73％". */
export const COMPARATOR_SYMBOL: Readonly<Record<string, Comparator>> = {
  '≥': '>=', '⩾': '>=', '≤': '<=', '⩽': '<=', '>': '>', '＞': '>', '<': '<', '＜': '<',
};

const BEFORE_WORDS = COMPARATOR_BEFORE.flatMap((c) => c.words.map((w) => [w, c.comparator] as const)).sort((a, b) => b[0].length - a[0].length);

/** Alternation of every before-word, longest first, for a regular expression. */
export const comparatorBeforePattern = BEFORE_WORDS.map(([w]) => w).join('|');

/** The comparator a before-word gives ("不应低于" → ">="), or null for a word that is none. */
export function comparatorOfWord(word: string): Comparator | null {
  return BEFORE_WORDS.find(([w]) => w === word)?.[1] ?? null;
}

/** The comparator of the before-word a text ends with: "…去除效率不应低于" → ">=". */
export function comparatorBefore(text: string): { comparator: Comparator; word: string } | null {
  const hit = BEFORE_WORDS.find(([w]) => text.endsWith(w));
  return hit ? { comparator: hit[1], word: hit[0] } : null;
}

/** Words that change a quantity, by direction. */
export const CHANGE_WORDS = {
  decrease: ['下降', '减少', '降低', '削减', '压减', '减排'],
  increase: ['增加', '提高', '提升', '增长', '上升'],
} as const;

export const DECREASE = new RegExp(CHANGE_WORDS.decrease.join('|'));
export const INCREASE = new RegExp(CHANGE_WORDS.increase.join('|'));

/** The direction a change word gives, or null. */
export function changeOf(word: string): 'decrease' | 'increase' | null {
  return DECREASE.test(word) ? 'decrease' : INCREASE.test(word) ? 'increase' : null;
}

/** "同比下降4%": compared with the same period a year earlier. */
export const YEAR_ON_YEAR = /同比/;

// --------------------------------------------------------------------------- writing a goal

/** How a page writes a comparator: before the amount, after it, as a symbol. */
export const COMPARATOR_TEXT: Readonly<Record<Comparator, { before: string; after: string; symbol: string }>> = {
  '<': { before: '低于', after: '以内', symbol: '<' },
  '<=': { before: '不高于', after: '以内', symbol: '≤' },
  '>': { before: '高于', after: '以上', symbol: '>' },
  '>=': { before: '不低于', after: '以上', symbol: '≥' },
  '=': { before: '达到', after: '', symbol: '' },
  '~': { before: '约', after: '左右', symbol: '约' },
};

/** Shares rise and fall (提高/下降); amounts grow and shrink (增加/减少). */
export function changeVerb(change: 'decrease' | 'increase', unit: string): string {
  if (unit === '%' || unit === '个百分点') return change === 'decrease' ? '下降' : '提高';
  return change === 'decrease' ? '减少' : '增加';
}

/** 18.44 → "18.44", 40 → "40", 0.1 + 0.2 → "0.3". */
export function formatNumber(value: number): string {
  return String(Number(value.toFixed(4)));
}

type Target = { comparator: Comparator; value: number; unit: string; change: 'decrease' | 'increase' | null; baselineYear: number | null };

/** The target in plain words: "不高于40μg/m³", "比2015年下降25%以上". */
export function goalTarget(g: Target): string {
  const amount = `${formatNumber(g.value)}${g.unit}`;
  const t = COMPARATOR_TEXT[g.comparator];
  if (g.change) return `${g.baselineYear ? `比${g.baselineYear}年` : ''}${changeVerb(g.change, g.unit)}${amount}${t.after}`;
  return `${t.before}${amount}`;
}

/** The target in symbols: "≤40μg/m³", "下降≥25%（比2015年）". */
export function goalShort(g: Target): string {
  const amount = `${COMPARATOR_TEXT[g.comparator].symbol}${formatNumber(g.value)}${g.unit}`;
  if (g.change) return `${changeVerb(g.change, g.unit)}${amount}${g.baselineYear ? `（比${g.baselineYear}年）` : ''}`;
  return amount;
}

// --------------------------------------------------------------------------- scopes and kinds

/** Words for the whole of a place: "全市", "辖区" (no scope of their own). */
export const WHOLE_PLACE = /^(?:全市所有县[（(]市、区[）)]|各县[（(]市[）)]及市本级|各县[（(]市、区[）)]|全市|全区|全县|全省|全镇|全岛|全域|全流域|辖区内?|本区|本市|本镇|本县|市本级|市域|各区|各街镇)/;
/** Words for the area a goal covers, at the start of its subject (the whole place or a part of it). */
export const SCOPE_WORDS = /^(?:全市所有县[（(]市、区[）)]|各县[（(]市[）)]及市本级|各县[（(]市、区[）)]|全市|全区|全县|全省|全镇|全岛|全域|全流域|辖区内?|本区|本市|本镇|市区|城区|主城区|中心城区|中心城|县城|城市建成区|建成区|城镇|农村|乡村|市本级|各区|各街镇)/;

/** A scope as a comparable key: the whole place is no scope, so "全市" is '' and "本区建成区" is "建成区". */
export function scopeKey(scope: string | null | undefined): string {
  if (!scope) return '';
  return scope.replace(/[\s（）()]/g, '').replace(/^(全市|全区|全县|全省|全镇|全岛|本市|本区|本县|本镇|辖区|市域|区域内|全)+/, '');
}

/** Genre words of a title, longest first, so that 实施方案 wins over 方案. */
export const DOCUMENT_KINDS = [
  '三年行动计划', '实施方案', '工作方案', '行动方案', '实施意见', '指导意见', '行动计划', '工作要点', '规划纲要', '实施细则',
  '应急预案', '规划', '意见', '方案', '计划', '决定', '办法', '条例', '细则', '规定', '预案', '纲要', '函', '通知',
] as const;

/** Kinds printed under a shorter name: a 三年行动计划 is a 行动计划. */
export const CANONICAL_KIND: Readonly<Record<string, string>> = { 三年行动计划: '行动计划', 应急预案: '预案' };

/** Kinds that are a year's work: their year governs their untimed targets. */
export const ANNUAL_KINDS = /工作要点|工作方案|工作计划|实施方案|行动方案|实施计划|任务|安排|计划|要点|函|通知/;

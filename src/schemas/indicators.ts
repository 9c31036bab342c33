/**
 * The shared indicator catalogue staff edit in content/indicators.yaml (issue 7): one entry per
 * indicator that plans set targets for, so that "细颗粒物（PM2.5）浓度" in one plan and
 * "PM2.5年均浓度" in another get the same id (air.pm25) and can be compared.
 *
 * Errors are written for staff, in Chinese, naming the file, the field, the value and the fix:
 * "content/indicators.yaml：字段 indicators[3].theme（指标 air.pm25）：…（现值：\"sky\"）".
 */
import { z } from 'zod';
import { formatPath, type Describe } from '../data/yaml.ts';

/** Theme ids, as in content/themes.yaml (the theme pages' addresses). */
export const THEME_IDS = ['blue-sky', 'clear-water', 'clean-soil', 'blue-sea', 'low-carbon', 'ecology', 'risk', 'governance', 'participation'] as const;

const phrase = z.string().trim().min(1, '不能是空字符串：删去这一项，或写上词语');

export const indicatorSchema = z.strictObject({
  /** Stable id, part of page addresses (/indicators/air.pm25/): "领域.名称", lower-case ASCII. Never change a published id. */
  id: z.string().regex(/^[a-z]+(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)+$/, 'id 应为“领域.名称”形式的小写英文，例如 air.pm25、water.black-odorous'),
  /** The indicator's Chinese name as pages show it, e.g. "细颗粒物（PM2.5）浓度". */
  name: phrase,
  /** The theme the indicator belongs to (a theme id of content/themes.yaml). */
  theme: z.enum(THEME_IDS, { error: `主题应为以下之一：${THEME_IDS.join('、')}` }),
  /** The unit targets are compared in, normalised as the extractor writes it: "%", "μg/m³", "天", "平方公里". */
  unit: phrase,
  /** Which direction is an improvement: "higher" (覆盖率) or "lower" (浓度, 漏损率). */
  better: z.enum(['higher', 'lower'], { error: 'better 只能是 higher（越高越好）或 lower（越低越好）' }),
  /**
   * Phrases that name this indicator. A goal's indicator text (spaces, brackets and full-width
   * forms ignored; Latin letters in any case) that contains one of them gets this id.
   */
  synonyms: z.array(phrase).default([]),
  /**
   * Regular expressions (JavaScript syntax) for names that synonyms cannot list, e.g.
   * "(地表水|断面).*(Ⅲ|III)类.*(比例|比重)". Tested on the same normalised text.
   */
  patterns: z.array(phrase.refine((p) => {
    try { new RegExp(p, 'u'); return true; } catch { return false; }
  }, '不是合法的正则表达式：检查括号是否成对，或改写成 synonyms 里的普通词语')).default([]),
  /** Words that veto this indicator even when a synonym matches (e.g. "农村" for city sewage). */
  exclude: z.array(phrase).default([]),
  /** Units a goal must be in to get this id; empty = only `unit`. Changes in % ("下降15%") always match. */
  units: z.array(phrase).default([]),
  /** A sentence for readers: what the indicator measures. */
  description: z.string().optional(),
});

export const indicatorsFileSchema = z.strictObject({
  /** The catalogue, most specific entries first: the first entry that matches a goal wins. */
  indicators: z.array(indicatorSchema).min(1, '至少要有一个指标'),
}).superRefine((file, ctx) => {
  const seen = new Map<string, number>();
  file.indicators.forEach((ind, i) => {
    const before = seen.get(ind.id);
    if (before !== undefined) ctx.addIssue({ code: 'custom', path: ['indicators', i, 'id'], message: `与 indicators[${before}] 的 id 重复：每个指标的 id 必须唯一，请改名或合并两项` });
    seen.set(ind.id, i);
    if (!ind.synonyms.length && !ind.patterns.length) ctx.addIssue({ code: 'custom', path: ['indicators', i, 'synonyms'], message: '至少写一个同义词（synonyms）或模式（patterns），否则没有目标能归到这个指标' });
  });
});

export type IndicatorEntry = z.infer<typeof indicatorSchema>;
export type IndicatorsFile = z.infer<typeof indicatorsFileSchema>;

function fallback(issue: { code: string; expected?: unknown; keys?: string[] }): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'object' ? '应为一组“字段: 值”' : issue.expected === 'array' ? '应为列表（每项以“- ”开头）' : issue.expected === 'string' ? '应为文字' : `类型不对（应为 ${String(issue.expected)}）`;
    case 'unrecognized_keys':
      return `不认识的字段 ${(issue.keys ?? []).join('、')}：可用的字段有 id、name、theme、unit、better、synonyms、patterns、exclude、units、description，请检查拼写`;
    default:
      return '格式不对';
  }
}

/** How a problem of content/indicators.yaml names its field: "字段 indicators[0].theme（指标 air.pm25）". */
export const indicatorsDescribe: Describe = { fallback, field: (path, data) => `字段 ${formatPath(path, data, 'indicators', '指标')}` };



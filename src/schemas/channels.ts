/**
 * zod schemas of the two participation-channel data files staff edit (issue 8):
 *
 *   content/channel-kinds.yaml     the vocabulary: the ten kinds (names and plain-language
 *                                  descriptions for citizens) and the rules that recognise them
 *   content/channels/<place>.yaml  the registry of real channels of one place (numbers, sites,
 *                                  WeChat accounts, addresses), each with where it was found and
 *                                  when it was last verified
 *
 * `channelsDescribe` words a failed validation as Chinese lines that name the file, the field, the
 * value found and the fix, which is what the build and the tests print.
 */
import { z } from 'zod';
import type { Describe } from '../data/yaml.ts';

export const channelKinds = [
  'hotline', 'online', 'reward-report', 'disclosure', 'open-facility', 'consultation',
  'observer', 'media', 'petition', 'other',
] as const;

export const channelKindSchema = z.enum(channelKinds, {
  error: `渠道种类只能是 ${channelKinds.join('、')} 之一`,
});

/** What a citizen does with a channel; the pages group channels by it. */
export const channelActions = ['report', 'ask', 'speak', 'visit', 'watch', 'join'] as const;

const idSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, '只能用小写字母、数字和连字符，例如 hotline-12369');

/** A regular expression source that must compile (the "…" shorthand is expanded first). */
const patternSchema = z.string().min(1, '表达式不能为空').superRefine((source, ctx) => {
  try {
    new RegExp(expandPattern(source));
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: `不是有效的正则表达式（${(error as Error).message}）；检查括号是否成对，特殊字符前加 \\` });
  }
});

/** "…" in a pattern: up to 15 characters inside the same clause (no comma, full stop or semicolon). */
export const CLAUSE_GAP = '[^，,。；;！？!?\\n]{0,15}';
export function expandPattern(source: string): string {
  return source.replaceAll('…', CLAUSE_GAP);
}

export const channelKindInfoSchema = z.strictObject({
  /** Chinese name shown on pages, e.g. "举报热线". */
  name: z.string().min(1, '请写中文名称'),
  /** What the citizen does: report 反映问题, ask 获取信息, speak 表达意见, visit 参观, watch 参与监督, join 参加活动. */
  action: z.enum(channelActions, { error: `只能是 ${channelActions.join('、')} 之一` }),
  /** One or two plain sentences for citizens: what it is, how to use it, what happens next. */
  description: z.string().min(10, '请写一两句给市民看的说明'),
});

export const channelRuleSchema = z.strictObject({
  /** Rule id, recorded on every channel it finds. */
  id: idSchema,
  /** The contract kind the rule finds. */
  kind: channelKindSchema,
  /** Name given to what it finds, e.g. "12369环保举报热线". */
  label: z.string().min(1, '请写渠道名称'),
  /** A fixed number (nationwide numbers only). Quote it: '12369'. */
  value: z.string({ error: "号码要加引号，例如 value: '12369'" }).min(1).optional(),
  /** Take the value from the sentence: a phone number, or a web address / e-mail / WeChat account. */
  valueFrom: z.enum(['phone', 'web'], { error: '只能是 phone 或 web' }).optional(),
  /** Regular expressions; one match in a sentence finds the channel. "…" = up to 15 characters in the clause. */
  patterns: z.array(patternSchema).min(1, '至少写一个表达式'),
  /** A match of any of these in the same sentence cancels the rule (near misses). */
  unless: z.array(patternSchema).optional(),
  /** Rule ids: when one of them found a channel in the same sentence, a channel of this rule without a number is not reported again. */
  yieldsTo: z.array(idSchema).optional(),
  /** Real sentences the rule must find (checked by the tests). */
  examples: z.array(z.string().min(1)).optional(),
  /** Real sentences that look alike but must not be found by this rule (checked by the tests). */
  nearMisses: z.array(z.string().min(1)).optional(),
});

export const channelVocabularySchema = z.strictObject({
  /** The ten kinds of CONTRACT.md, each with its name and description. */
  kinds: z.record(channelKindSchema, channelKindInfoSchema),
  /** The recognising rules, tried in this order. */
  entries: z.array(channelRuleSchema).min(1),
}).superRefine((vocab, ctx) => {
  const ids = new Set<string>();
  vocab.entries.forEach((e, i) => {
    if (ids.has(e.id)) ctx.addIssue({ code: 'custom', path: ['entries', i, 'id'], message: '规则编号重复了，每条规则要用不同的编号' });
    ids.add(e.id);
  });
  vocab.entries.forEach((e, i) => (e.yieldsTo ?? []).forEach((y, j) => {
    if (!ids.has(y)) ctx.addIssue({ code: 'custom', path: ['entries', i, 'yieldsTo', j], message: '没有这个编号的规则；请写 entries 里已有的 id' });
  }));
});

export type ChannelKindInfo = z.infer<typeof channelKindInfoSchema>;
export type ChannelRule = z.infer<typeof channelRuleSchema>;
export type ChannelVocabulary = z.infer<typeof channelVocabularySchema>;

// ---------------------------------------------------------------------------------------------
// The registry: content/channels/<place-slug>.yaml

function isRealDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export const registryEntrySchema = z.strictObject({
  /** Kind of channel, as in the contract. */
  kind: channelKindSchema,
  /** Name shown to citizens, e.g. "12369环保举报热线". */
  label: z.string({ error: '请写渠道名称，例如 12369环保举报热线' }).min(1, '请写渠道名称'),
  /** How to reach it: a number, a web address, a WeChat account or a postal address. Quoted. */
  value: z.string({ error: "请写号码、网址、微信公众号或地址，并加引号，例如 value: '12369'（不加引号时 0 开头的号码会丢掉 0）" })
    .min(1, '请写号码、网址、微信公众号或地址'),
  /** Plain-language note for citizens: opening hours, what to say, what happens next. */
  note: z.string().min(1).optional(),
  /** Where it was found: the plan and clause, the official page, or "全国统一号码". */
  source: z.string({ error: '请写这条信息从哪里来（规划条文、官方网页或“全国统一号码”）' }).min(1, '请写这条信息从哪里来（规划条文、官方网页或“全国统一号码”）'),
  /** Slug of the plan that states it (seeds/<name>.yaml `slug`), when a plan states it. */
  plan: idSchema.optional(),
  /** The plan's sentence, verbatim, when `plan` is given: the pages link to its clause. */
  quote: z.string().min(1).optional(),
  /** Last day someone checked that it still works: YYYY-MM-DD. */
  verified: z.string({ error: "请写核实日期，格式 YYYY-MM-DD，例如 verified: '2026-03-01'" })
    .superRefine((s, ctx) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) ctx.addIssue({ code: 'custom', message: '日期格式应为 YYYY-MM-DD，例如 2026-03-01' });
      else if (!isRealDate(s)) ctx.addIssue({ code: 'custom', message: '不是真实存在的日期，请核对年月日' });
    }),
}).refine((e) => !e.quote || e.plan, { message: '写了 quote 就要写 plan（引文出自哪份规划的 slug）', path: ['plan'] });

export const registryPlaceSchema = z.strictObject({
  /** The place as plans name it (meta.jurisdiction.name): 扬州市, 静安区; 全国 for nationwide numbers. */
  place: z.string({ error: '请写地名，例如 扬州市' }).min(1, '请写地名，例如 扬州市'),
  /** Province (or municipality) the place belongs to; null only for 全国. */
  province: z.string({ error: '请写所属省份（直辖市写市名），例如 江苏省；全国性的号码写 null' }).min(1).nullable(),
  /** City the place belongs to, for districts and counties. */
  city: z.string().min(1).optional(),
  /** 全国 | 省 | 市 | 区 | 县 … */
  level: z.string().min(1).optional(),
  /** The channels, at least one. */
  entries: z.array(registryEntrySchema, { error: '请写渠道列表，每条以 - 开头' }).min(1, '至少写一条渠道'),
});

export type RegistryEntry = z.infer<typeof registryEntrySchema>;
export type RegistryPlaceData = z.infer<typeof registryPlaceSchema>;

// ---------------------------------------------------------------------------------------------

/** How a problem of a channel file names its field ("entries.0.plan"), zod's generic issues in Chinese. */
export const channelsDescribe: Describe = {
  field: (path) => (path.length ? `字段 ${path.map(String).join('.')}` : '(整个文件)'),
  fallback: (issue) => (issue.code === 'unrecognized_keys'
    ? `有不认识的字段 ${(issue.keys ?? []).join('、')}：检查拼写，或删掉它（可用的字段见 src/schemas/channels.ts）`
    : issue.code === 'invalid_type' ? localise(`expected ${String(issue.expected)}`) : undefined),
  atUnknownField: true,
};

/** zod's own English messages for the cases our schemas do not word themselves. */
function localise(message: string): string {
  if (/expected string/i.test(message)) return '应当是一段文字（加引号）';
  if (/expected array/i.test(message)) return '应当是一个列表（每项以 - 开头）';
  if (/expected object/i.test(message)) return '应当是一组“字段: 值”';
  if (/^Invalid input/i.test(message)) return '格式不对，请对照 content/ 里其他文件的写法';
  return message;
}


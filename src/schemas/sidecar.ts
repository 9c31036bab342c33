/**
 * The metadata file staff write beside a plan text: seeds/<name>.yaml next to seeds/<name>.txt.
 * Every field is optional; a field that is absent is inferred from the text, a field set to null
 * means "not stated anywhere" and stays null. `npm run check` validates it with the messages below
 * (Chinese, naming the field, the value and the fix; a misspelt field is named with the field meant).
 */
// Subpath imports: the package root re-exports some 250 functions, a thousand files to resolve
// (two seconds on every script start).
import { isValid } from 'date-fns/isValid';
import { parseISO } from 'date-fns/parseISO';
import { z } from 'zod';
import { jurisdictionSchema } from './jurisdiction.ts';

const year = z.number({ error: '年份写成数字，例如 2025' }).int('年份是整数').min(1949, '年份太早').max(2100, '年份太晚');

/** "2018-11-05", "2018-11", "2018": a date that exists on the calendar. */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(text)) return false;
  const full = text.length === 4 ? `${text}-01-01` : text.length === 7 ? `${text}-01` : text;
  // parseISO rolls nothing over: 2031-13-45 and 2025-02-30 are invalid, as they should be.
  return isValid(parseISO(full)) && parseISO(full).toISOString().slice(0, 10) === full;
}

/** A warning a person has checked and accepts as it is, so that the check and the build stop repeating it. */
export const acceptedWarningSchema = z.strictObject({
  /** The warning's rule id as `npm run check` prints it in brackets: meta-conflict, numbering-gap … */
  warning: z.string({ error: '写警告的代码，例如 meta-conflict（npm run check 输出里方括号中的部分）' }).regex(/^[a-z]+(?:-[a-z]+)*$/, '警告代码是小写英文和连字符，例如 meta-conflict'),
  /** What the warning is about, as its message names it: the field ("发布日期") or the number ("（2）"). */
  about: z.string({ error: '写警告说的是什么：字段名（如 发布日期）或编号（如 （2））' }).min(1, '不能为空'),
  /** Why it is right as it is: the person's note, shown to the next person. */
  because: z.string({ error: '写一句理由，例如“正文落款日期为准”' }).min(2, '写一句理由，例如“正文落款日期为准”'),
});

/** The mark `npm run new -- plan` puts after each value it read from the text, until a person confirms it. */
export const UNCONFIRMED = '# 待核对';

export const SIDECAR_FIELDS = ['slug', 'title', 'jurisdiction', 'issuer', 'issued', 'kind', 'period', 'docNumber', 'provenance', 'sourceUrl', 'accepted'] as const;

export const sidecarSchema = z.strictObject({
  /** URL slug of the plan page, /plans/<slug>/: lower-case letters, digits and hyphens. */
  slug: z.string({ error: '网址名写成文字，例如 xuchang-2018-yijian' }).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, '只能用小写字母、数字和连字符，例如 xuchang-2018-yijian').optional(),
  /** Title without 《》, as the document states it. */
  title: z.string({ error: '标题写成文字' }).min(1, '标题不能为空；不知道就写 null').nullable().optional(),
  /** Where the plan applies. */
  jurisdiction: jurisdictionSchema.nullable().optional(),
  /** Issuing bodies as printed, e.g. "中共许昌市委 许昌市人民政府". */
  issuer: z.string({ error: '发文机关写成文字' }).min(1, '不能为空；不知道就写 null').nullable().optional(),
  /** Date of issue: "YYYY-MM-DD", "YYYY-MM" or "YYYY", a real date, not in the future. */
  issued: z.string({ error: '日期写成 YYYY-MM-DD（如 2018-11-05），不加引号也可以' })
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, '日期格式应为 YYYY-MM-DD、YYYY-MM 或 YYYY，例如 2018-11-05')
    .refine(isCalendarDate, '日历上没有这一天：请核对月份（1–12）和日期')
    .refine((d) => d.slice(0, 10) <= new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, d.length), '日期在今天之后：发布日期不能是将来，请核对年份')
    .nullable().optional(),
  /** 规划 | 实施方案 | 实施意见 | 意见 | … */
  kind: z.string({ error: '文种写成文字，例如 实施方案' }).min(1, '不能为空；不知道就写 null').nullable().optional(),
  /** The years the plan covers. */
  period: z.strictObject({ from: year, to: year }, { error: '规划期写成 { from: 2021, to: 2025 }，没有就写 null' }).refine((p) => p.from <= p.to, '起始年份不能晚于结束年份').nullable().optional(),
  /** Document number as printed, e.g. "豫发〔2018〕19号". */
  docNumber: z.string({ error: '文号写成文字，例如 豫发〔2018〕19号' }).nullable().optional(),
  /** Where the text came from and what state it is in (fragment, web page, newspaper …). */
  provenance: z.string({ error: '来源说明写成一段文字' }).optional(),
  /** Address of the source, if public. */
  sourceUrl: z.url({ error: '来源地址应为 http:// 或 https:// 开头的完整网址' }).nullable().optional(),
  /** Warnings a person checked and accepts as they are (see content/README.md, “确认过的提示”). */
  accepted: z.array(acceptedWarningSchema, { error: '确认过的提示写成列表，每项有 warning、about、because' }).default([]),
});

export type Sidecar = z.infer<typeof sidecarSchema>;
export type AcceptedWarning = z.infer<typeof acceptedWarningSchema>;

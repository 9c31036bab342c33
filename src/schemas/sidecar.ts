/**
 * The metadata sidecar staff write beside a plan text: seeds/<name>.yaml next to seeds/<name>.txt.
 * Every field is optional; a field that is absent is inferred from the text, a field set to null
 * means "not stated anywhere" and stays null.
 */
import { z } from 'zod';
import { jurisdictionSchema } from './jurisdiction.ts';

const year = z.number().int().min(1949).max(2100);

export const sidecarSchema = z.strictObject({
  /** URL slug of the plan page, /plans/<slug>/: lower-case letters, digits and hyphens. */
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, '只能用小写字母、数字和连字符，例如 xuchang-2018-yijian').optional(),
  /** Title without 《》, as the document states it. */
  title: z.string().min(1).nullable().optional(),
  /** Where the plan applies. */
  jurisdiction: jurisdictionSchema.nullable().optional(),
  /** Issuing bodies as printed, e.g. "中共许昌市委 许昌市人民政府". */
  issuer: z.string().min(1).nullable().optional(),
  /** Date of issue: "YYYY-MM-DD", "YYYY-MM" or "YYYY". */
  issued: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, '日期格式应为 YYYY-MM-DD、YYYY-MM 或 YYYY').nullable().optional(),
  /** 规划 | 实施方案 | 实施意见 | 意见 | … */
  kind: z.string().min(1).nullable().optional(),
  /** The years the plan covers. */
  period: z.strictObject({ from: year, to: year }).refine((p) => p.from <= p.to, '起始年份不能晚于结束年份').nullable().optional(),
  /** Document number as printed, e.g. "豫发〔2018〕19号". */
  docNumber: z.string().nullable().optional(),
  /** Where the text came from and what state it is in (fragment, web page, newspaper …). */
  provenance: z.string().optional(),
  /** Address of the source, if public. */
  sourceUrl: z.string().url().nullable().optional(),
});

export type Sidecar = z.infer<typeof sidecarSchema>;

/**
 * A progress update staff post by commit: content/updates/<YYYY-MM-DD>-<name>.md, front matter
 * below, a Markdown body for readers. An update may report values (实际值) of indicators, each for
 * a year: they are what the goals pages compare a passed target with, and this is their one home.
 *
 *     ---
 *     title: 普陀区2025年水环境质量情况
 *     date: 2026-03-01
 *     place: 上海市/普陀区
 *     plan: shanghai-putuo-shuiwu-shiwuwu-guihua
 *     source: { title: 普陀区2025年环境状况公报, url: https://… }
 *     values:
 *       - { indicator: water.surface-good, year: 2025, value: 100, unit: '%', scope: 区管以上河道断面 }
 *     ---
 *     正文……
 */
import { z } from 'zod';
import { actualObject } from './actuals.ts';
import { isCalendarDate } from './sidecar.ts';

const phrase = (what: string) => z.string({ error: `请写${what}` }).trim().min(1, `${what}不能是空字符串`);

/** The source of an update or of one value: what it is and where to read it. */
export const sourceSchema = z.strictObject({
  /** What the source is, for readers: "普陀区2025年环境状况公报". */
  title: phrase('来源名称'),
  /** Its address: a public web address, or a plan clause on this site (/plans/<slug>/#<anchor>). */
  url: z.string({ error: '请写来源地址' }).regex(/^(https?:\/\/\S+|\/plans\/[a-z0-9-]+\/#[A-Za-z0-9_-]+)$/, '来源地址写以 https:// 开头的网址，或本站条文链接（/plans/<规划网址名>/#<锚点>）'),
}, { error: '来源写成 source: { title: …, url: … }' });

/** A reported value: an actual's fields, its place and source given by the update unless it names its own. */
export const reportedValueSchema = actualObject.extend({
  place: actualObject.shape.place.optional(),
  source: sourceSchema.optional(),
});

export const updateSchema = z.strictObject({
  /** The update's headline, as readers see it in lists and feeds. */
  title: phrase('标题'),
  /** The day it was published: YYYY-MM-DD, a real date, not in the future. */
  // Astro's front-matter reader (YAML 1.1) turns an unquoted 2026-03-01 into a Date, the check's
  // (YAML 1.2) keeps it a string: both read it as the same day.
  date: z.preprocess((v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v), z.string({ error: "日期写成 YYYY-MM-DD，例如 date: '2026-03-01'" })
    .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD，例如 2026-03-01')
    .refine(isCalendarDate, '日历上没有这一天：请核对月份和日期')
    .refine((d) => d <= new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10), '日期在今天之后：请写实际发布的日期')),
  /** The place it reports on, outermost first, joined with "/": "上海市/普陀区". */
  place: actualObject.shape.place,
  /** The plan it reports progress on: its slug (the plan page's address /plans/<slug>/), if any. */
  plan: z.string({ error: '写规划的网址名（元数据文件里的 slug）' }).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, '网址名只有小写字母、数字和连字符').optional(),
  /** Where the update's facts come from. */
  source: sourceSchema,
  /** Values of indicators for a year, with their own source when it differs from the update's. */
  values: z.array(reportedValueSchema, { error: '数值写成列表，每项以“- ”开头' }).default([]),
});

export type Update = z.infer<typeof updateSchema>;
export type ReportedValue = z.infer<typeof reportedValueSchema>;

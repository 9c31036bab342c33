/**
 * The plan document (shared/CONTRACT.md): the one place its shape is written. The pipeline's types
 * (src/pipeline/types.ts), the site's `planData` collection, the views and the search records all
 * take their types from these schemas (z.infer, or a Pick of them), and the tests check every
 * document the pipeline makes, from any input, against them.
 */
import { z } from 'zod';
import { jurisdictionSchema } from './jurisdiction.ts';

/** Anchors are part of a clause's URL: lower-case ASCII, starting with a letter. */
const id = z.string().regex(/^[a-z][a-z0-9-]*$/, 'anchor ids are lower-case ASCII');

export const comparatorSchema = z.enum(['<', '<=', '>', '>=', '=', '~']);

/** Why a theme was given: the heading that names it, or the vocabulary terms found. */
export const themeReasonSchema = z.object({
  /** Theme id from content/themes.yaml. */
  theme: z.string(),
  /** "heading": a heading on the path names the theme; "terms": the text's own words decided. */
  by: z.enum(['heading', 'terms']),
  /** The heading text or the matched terms, verbatim. */
  evidence: z.array(z.string()),
});

/** A 责任单位-style clause: the label as printed and its units. */
export const responsibleGroupSchema = z.object({
  /** The label as printed: 责任单位, 牵头单位, 配合单位, 责任部门 … */
  role: z.string(),
  /** One entry per unit. */
  units: z.array(z.string()),
});

export const blockSchema = z.object({
  /** Stable anchor of the block. */
  id,
  kind: z.enum(['paragraph', 'table', 'list']),
  /** The lead sentence that names the paragraph's task, if any. */
  lead: z.string().nullable(),
  /** The repaired text; every sentence of the source kept. */
  text: z.string(),
  /** Responsible units, one per entry; [] if none. */
  responsible: z.array(z.string()),
  /** Theme ids. */
  themes: z.array(z.string()),
  /** The 责任单位-style clauses of this block, by role, with the clause as printed. */
  responsibility: z.array(responsibleGroupSchema.extend({
    clause: z.string(),
    /** Where the clause starts and ends in `text` (UTF-16 offsets), label and closing 。 included. */
    start: z.number().int().optional(),
    end: z.number().int().optional(),
    /** The clause after its label, cut at 、，； outside brackets but otherwise as printed: what a page lists. */
    pieces: z.array(z.string()).optional(),
  })).optional(),
  /** Tables: rows of cells, the first row being the header when `header` is true. */
  rows: z.array(z.array(z.string())).optional(),
  header: z.boolean().optional(),
  /** Lists: the items, each with its marker as printed. */
  items: z.array(z.object({ number: z.string().nullable(), text: z.string() })).optional(),
  /** First source line of the block (1-based). */
  line: z.number().int().optional(),
  /** Tables: the caption as printed ("表1 主要指标"); null when none is printed. */
  caption: z.string().nullable().optional(),
  /** Tables: the unit the table states for its values ("单位：万千瓦" → 万千瓦). */
  unit: z.string().optional(),
  /** Why each theme in `themes` was given. */
  themeWhy: z.array(themeReasonSchema).optional(),
});

const sectionFields = {
  /** Stable anchor, unique in the document. */
  id,
  /** The marker as printed: "二、", "（一）", "1 .". */
  number: z.string().nullable(),
  /** Heading text without the marker. */
  heading: z.string(),
  /** 1 = outermost. */
  level: z.number().int().min(1),
  /** Theme ids. */
  themes: z.array(z.string()),
  blocks: z.array(blockSchema),
  /** The marker family, e.g. "cn-enum" for 一、 (see pipeline/lines/markers.ts). */
  marker: z.string().nullable().optional(),
  /** First source line of the heading (1-based). */
  line: z.number().int().optional(),
  /** The cover notice, an attachment, a 专栏 box or the closing signature; absent for the plan's body. */
  role: z.enum(['notice', 'attachment', 'aside', 'signature']).optional(),
  /** Why each theme in `themes` was given. */
  themeWhy: z.array(themeReasonSchema).optional(),
};

export interface Section extends z.infer<z.ZodObject<typeof sectionFields>> {
  children: Section[];
}

export const sectionSchema: z.ZodType<Section> = z.object({
  ...sectionFields,
  /** Sub-sections, outermost first. */
  get children() { return z.array(sectionSchema); },
});

/** Where a goal, milestone or channel stands: a verbatim quote of its block and the block's anchors. */
const located = {
  /** A verbatim substring of the block's text. */
  quote: z.string(),
  sectionId: z.string(),
  blockId: z.string(),
};

export const goalSchema = z.object({
  id: z.string(),
  /** The indicator as the text names it: "细颗粒物（PM2.5）浓度". */
  indicator: z.string(),
  /** Shared id across plans from content/indicators.yaml ("air.pm25"); null when unknown. */
  indicatorId: z.string().nullable(),
  comparator: comparatorSchema,
  value: z.number(),
  /** Normalised: "%", "μg/m³", "天", "公顷" … */
  unit: z.string(),
  /** Deadline year. */
  year: z.number().nullable(),
  /** For changes: "比2015年下降25%" → 2015. */
  baselineYear: z.number().nullable(),
  change: z.enum(['decrease', 'increase']).nullable(),
  /** 建成区, 农村, 全市 … */
  scope: z.string().nullable(),
  /**
   * The place the target binds when it is not the plan's own jurisdiction: a row of a per-city or
   * per-town target table ("石家庄市", "江桥镇"), a district a city plan names; null otherwise.
   */
  place: z.string().nullable(),
  /** Theme id. */
  theme: z.string().nullable(),
  ...located,
  /** Where the year came from: the sentence, the section (a heading, a lead clause), the table, the document (an annual plan's year, a five-year plan's end); null when there is none. */
  yearFrom: z.enum(['sentence', 'section', 'table', 'document']).nullable().optional(),
  /** A limit the plan sets for firms, sites or facilities (排放浓度不得高于…): never compared as the place's target. */
  requirement: z.boolean().optional(),
  /** The goal reader's rule that made it (src/pipeline/enrich/goals-rules.ts). */
  rule: z.string().optional(),
  /** Read from running text or from an indicator table's target cell. */
  kind: z.enum(['text', 'table']).optional(),
  /** The table's 属性 as printed (约束性 / 预期性). */
  attribute: z.string().nullable().optional(),
  /** The starting value the text or table gives (基准值, "由95％提高至99％"). */
  baseline: z.object({ value: z.number(), year: z.number().nullable() }).nullable().optional(),
});

export const milestoneSchema = z.object({
  id: z.string(),
  year: z.number(),
  /** What is to be done, in the text's words. */
  action: z.string(),
  ...located,
  /** Read from running text or from a task table's time column. */
  kind: z.enum(['text', 'table']).optional(),
});

export const channelKindSchema = z.enum(['hotline', 'online', 'reward-report', 'disclosure', 'open-facility', 'consultation', 'observer', 'media', 'petition', 'other']);

export const channelSchema = z.object({
  id: z.string(),
  kind: channelKindSchema,
  /** "12369环保举报热线". */
  label: z.string(),
  /** A number, an address, or null. */
  value: z.string().nullable(),
  ...located,
  /** The content/channel-kinds.yaml rule that found it, e.g. "hotline-12369". */
  entry: z.string().optional(),
  /** The words in the quote that decided it, verbatim. */
  terms: z.array(z.string()).optional(),
});

export const diagnosticSchema = z.object({
  /** Rule id: "boilerplate", "cjk-spaces" … (src/pipeline/messages.ts). */
  code: z.string(),
  /** For people, in Chinese. */
  message: z.string(),
  line: z.number().int().optional(),
  /** "info" for a repair or removal, "warning" for input the reader should know is odd. */
  severity: z.enum(['info', 'warning']).optional(),
  /** The text a removal took out, verbatim, so that nothing is lost. */
  removed: z.string().optional(),
});

export const planMetaSchema = z.object({
  /** 《》-free title. */
  title: z.string().nullable(),
  jurisdiction: jurisdictionSchema.nullable(),
  /** "中共许昌市委 许昌市人民政府". */
  issuer: z.string().nullable(),
  /** "YYYY-MM-DD", "YYYY-MM" or "YYYY". */
  issued: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/).nullable(),
  period: z.object({ from: z.number().int(), to: z.number().int() }).nullable(),
  /** 规划 | 实施方案 | 实施意见 | 意见 | … */
  kind: z.string().nullable(),
  /** Document number as printed, e.g. "豫发〔2018〕19号". */
  docNumber: z.string().nullable().optional(),
  /** Where each field came from ("sidecar" also when the sidecar says null); absent when inferred as unknown. */
  sources: z.record(z.string(), z.enum(['sidecar', 'front-matter', 'text'])).optional(),
});

/** A line of the title block (masthead), kept verbatim and labelled with its role. */
export const mastheadLineSchema = z.object({
  role: z.enum(['title', 'issuer', 'date', 'doc-number', 'subtitle', 'addressee']),
  text: z.string(),
  line: z.number(),
});

export const planDocumentSchema = z.object({
  schema: z.literal('plan-document/1'),
  /** The file as read: its name, its bytes' hash, its encoding as detected ("utf-8", "gb18030"). */
  source: z.object({ file: z.string(), sha256: z.string().length(64), encoding: z.string() }),
  meta: planMetaSchema,
  /** The title-block lines the text opens with, verbatim. */
  masthead: z.array(mastheadLineSchema),
  /** Where the copy came from; absent when nothing says. */
  provenance: z.object({
    /** What staff wrote in the sidecar's `provenance` ("报纸刊印稿，节选"). */
    text: z.string().optional(),
    /** A catalogue's note about the copy, removed from the text. */
    note: z.string().optional(),
    /** The official page's address: the sidecar's `sourceUrl`, else the text's own link (原文链接, 官方链接). */
    url: z.string().optional(),
    /** A disclosure catalogue's fields (索引号, 发布机构 …), as printed. */
    fields: z.record(z.string(), z.string()).optional(),
  }).optional(),
  /** The hierarchy, outermost first. */
  sections: z.array(sectionSchema),
  goals: z.array(goalSchema),
  milestones: z.array(milestoneSchema),
  channels: z.array(channelSchema),
  /** Every removal and repair, and input a reader should know is odd. */
  diagnostics: z.array(diagnosticSchema),
});

export type Comparator = z.infer<typeof comparatorSchema>;
export type ThemeReason = z.infer<typeof themeReasonSchema>;
export type ResponsibleGroup = z.infer<typeof responsibleGroupSchema>;
export type Block = z.infer<typeof blockSchema>;
export type Goal = z.infer<typeof goalSchema>;
export type Milestone = z.infer<typeof milestoneSchema>;
export type ChannelKind = z.infer<typeof channelKindSchema>;
export type Channel = z.infer<typeof channelSchema>;
export type Diagnostic = z.infer<typeof diagnosticSchema>;
export type PlanMeta = z.infer<typeof planMetaSchema>;
export type MastheadLine = z.infer<typeof mastheadLineSchema>;
export type PlanDocument = z.infer<typeof planDocumentSchema>;

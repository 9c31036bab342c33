/**
 * zod schema of the PlanDocument (shared/CONTRACT.md), used by the site's `planData` collection
 * and by the tests to check that every document the pipeline makes, from any input, is valid.
 */
import { z } from 'zod';
import { jurisdictionSchema } from './jurisdiction.ts';

const themeWhy = z.array(z.object({
  theme: z.string(),
  by: z.enum(['heading', 'terms']),
  evidence: z.array(z.string()),
})).optional();

const id = z.string().regex(/^[a-z][a-z0-9-]*$/, 'anchor ids are lower-case ASCII');

export const blockSchema = z.object({
  /** Stable anchor of the block. */
  id,
  kind: z.enum(['paragraph', 'table', 'list']),
  /** The lead sentence that names the paragraph's task. */
  lead: z.string().nullable(),
  /** The repaired text; every sentence of the source kept. */
  text: z.string(),
  /** Responsible units, one per entry. */
  responsible: z.array(z.string()),
  themes: z.array(z.string()),
  responsibility: z.array(z.object({ role: z.string(), units: z.array(z.string()), clause: z.string() })).optional(),
  rows: z.array(z.array(z.string())).optional(),
  header: z.boolean().optional(),
  items: z.array(z.object({ number: z.string().nullable(), text: z.string() })).optional(),
  line: z.number().int().optional(),
  /** Table caption as printed ("表1 主要指标"). */
  caption: z.string().nullable().optional(),
  /** Why each theme was given. */
  themeWhy,
});

export interface SectionShape {
  id: string; number: string | null; heading: string; level: number; themes: string[];
  blocks: z.infer<typeof blockSchema>[]; children: SectionShape[]; marker?: string | null; line?: number;
  role?: 'notice' | 'attachment' | 'aside' | 'signature';
  themeWhy?: z.infer<typeof themeWhy>;
}

export const sectionSchema: z.ZodType<SectionShape> = z.lazy(() => z.object({
  /** Stable anchor, unique in the document. */
  id,
  /** The marker as printed: "二、", "（一）", "1 .". */
  number: z.string().nullable(),
  heading: z.string(),
  /** 1 = outermost. */
  level: z.number().int().min(1),
  themes: z.array(z.string()),
  blocks: z.array(blockSchema),
  children: z.array(sectionSchema),
  marker: z.string().nullable().optional(),
  line: z.number().int().optional(),
  /** The cover notice, an attachment, a 专栏 box or the closing signature; absent for the plan's body. */
  role: z.enum(['notice', 'attachment', 'aside', 'signature']).optional(),
  themeWhy,
}));

const located = { quote: z.string(), sectionId: z.string(), blockId: z.string() };

export const planDocumentSchema = z.object({
  schema: z.literal('plan-document/1'),
  source: z.object({ file: z.string(), sha256: z.string().length(64), encoding: z.string() }),
  meta: z.object({
    title: z.string().nullable(),
    jurisdiction: jurisdictionSchema.nullable(),
    issuer: z.string().nullable(),
    issued: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/).nullable(),
    period: z.object({ from: z.number().int(), to: z.number().int() }).nullable(),
    kind: z.string().nullable(),
    docNumber: z.string().nullable().optional(),
    sources: z.record(z.string(), z.enum(['sidecar', 'front-matter', 'text'])).optional(),
  }),
  masthead: z.array(z.object({ role: z.enum(['title', 'issuer', 'date', 'doc-number', 'subtitle', 'addressee']), text: z.string(), line: z.number() })),
  /** Where the copy came from: a catalogue's note, the official page's address, disclosure fields. */
  provenance: z.object({ note: z.string().optional(), url: z.string().optional(), fields: z.record(z.string(), z.string()).optional() }).optional(),
  sections: z.array(sectionSchema),
  goals: z.array(z.object({
    id: z.string(), indicator: z.string(), indicatorId: z.string().nullable(),
    comparator: z.enum(['<', '<=', '>', '>=', '=', '~']), value: z.number(), unit: z.string(),
    year: z.number().nullable(), baselineYear: z.number().nullable(),
    change: z.enum(['decrease', 'increase']).nullable(), scope: z.string().nullable(), theme: z.string().nullable(),
    ...located,
    /** Read from running text or from an indicator table's target cell. */
    kind: z.enum(['text', 'table']).optional(),
    /** The table's 属性 as printed (约束性 / 预期性). */
    attribute: z.string().nullable().optional(),
    /** The starting value the text or table gives (基准值, "由95％提高至99％"). */
    baseline: z.object({ value: z.number(), year: z.number().nullable() }).nullable().optional(),
  })),
  milestones: z.array(z.object({
    id: z.string(), year: z.number(), action: z.string(), ...located,
    /** Read from running text or from a task table's time column. */
    kind: z.enum(['text', 'table']).optional(),
  })),
  channels: z.array(z.object({
    id: z.string(),
    kind: z.enum(['hotline', 'online', 'reward-report', 'disclosure', 'open-facility', 'consultation', 'observer', 'media', 'petition', 'other']),
    label: z.string(), value: z.string().nullable(), ...located,
    /** The channel-kinds.yaml rule that found it. */
    entry: z.string().optional(),
    /** The words in the quote that decided it. */
    terms: z.array(z.string()).optional(),
  })),
  diagnostics: z.array(z.object({
    code: z.string(), message: z.string(), line: z.number().int().optional(), severity: z.enum(['info', 'warning']).optional(), removed: z.string().optional(),
  })),
});

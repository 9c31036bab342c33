/** Front matter of a generated plan page, content/plans/<slug>.mdx (see emit/to-mdast.ts). */
import { z } from 'zod';
import { jurisdictionSchema } from './jurisdiction.ts';

export const planPageSchema = z.object({
  /** URL name of the page: /plans/<slug>/. */
  slug: z.string(),
  /** Title as the document states it, or null for an untitled fragment. */
  title: z.string().nullable(),
  jurisdiction: jurisdictionSchema.nullable(),
  issuer: z.string().nullable(),
  issued: z.string().nullable(),
  period: z.object({ from: z.number(), to: z.number() }).nullable(),
  kind: z.string().nullable(),
  /** Document number as printed, e.g. "沪府办发〔2021〕21号"; null when none is printed. */
  docNumber: z.string().nullable().default(null),
  /** The text file the page was generated from. */
  source: z.string(),
  /**
   * Where the copy came from: `text` is what staff wrote in the sidecar (provenance), `url` the
   * source's address (the sidecar's sourceUrl, else the link the text or its catalogue gives),
   * `note` the catalogue's own note kept apart from the plan ("以官方链接发布版本为准").
   */
  provenance: z.object({
    text: z.string().nullable(),
    url: z.string().nullable(),
    note: z.string().nullable(),
  }).default({ text: null, url: null, note: null }),
});

export type PlanPage = z.infer<typeof planPageSchema>;

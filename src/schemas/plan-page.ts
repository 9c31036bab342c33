/** Front matter of a generated plan page, content/plans/<slug>.mdx (see emit/to-mdast.ts). */
import { z } from 'zod';

export const planPageSchema = z.object({
  /** URL name of the page: /plans/<slug>/. */
  slug: z.string(),
  /** Title as the document states it, or null for an untitled fragment. */
  title: z.string().nullable(),
  jurisdiction: z.object({
    name: z.string(), province: z.string().optional(), city: z.string().optional(),
    county: z.string().optional(), level: z.string().optional(),
  }).nullable(),
  issuer: z.string().nullable(),
  issued: z.string().nullable(),
  period: z.object({ from: z.number(), to: z.number() }).nullable(),
  kind: z.string().nullable(),
  /** The text file the page was generated from. */
  source: z.string(),
});

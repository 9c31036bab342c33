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
  /** The text file the page was generated from. */
  source: z.string(),
});

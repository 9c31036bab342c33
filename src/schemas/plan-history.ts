/**
 * The versions of one plan's text and what its latest version changed: content/plan-history/<slug>.json,
 * written by scripts/build-content.ts from git (src/history/) and rendered on the plan page
 * (`data-plan-history`, `data-revised`) and in the feeds.
 */
import { z } from 'zod';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const diffPartSchema = z.object({
  text: z.string(),
  change: z.enum(['same', 'removed', 'added']),
});

export const planVersionSchema = z.object({
  /** When the version landed (the commit's date), YYYY-MM-DD. */
  date: day,
  /** The commit, abbreviated to 10 characters; null for changes not yet committed (a local preview). */
  commit: z.string().nullable(),
  /** The commit message's first line: what the person who committed it said it changed. */
  subject: z.string(),
});

export const planHistorySchema = z.object({
  /** False when the copy has no git history; `reason` then says why, for the page. */
  available: z.boolean(),
  reason: z.string().nullable(),
  /** True when the copy is a shallow clone: its oldest version is where the copy starts, perhaps not the first. */
  partial: z.boolean(),
  /** Newest first. The first (oldest) one is when the plan was published on this site. */
  versions: z.array(planVersionSchema),
  /** What the newest version changed against the one before; null when there is only one. */
  latest: z.object({
    /** The newest version's date: the value of the changed sections' data-revised. */
    date: day,
    /** The version it is compared with. */
    since: day,
    sections: z.array(z.object({
      /** The section's anchor on the page. */
      id: z.string(),
      /** Headings from the top down to the section. */
      path: z.array(z.string()),
      before: z.string().nullable(),
      after: z.string(),
      parts: z.array(diffPartSchema),
    })),
    /** Headings of the sections the newest version no longer has. */
    removed: z.array(z.string()),
  }).nullable(),
});

export type PlanHistory = z.infer<typeof planHistorySchema>;
export type PlanVersion = z.infer<typeof planVersionSchema>;

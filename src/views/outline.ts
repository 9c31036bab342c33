/**
 * Reading a plan's section tree: what a heading is called, its path from the top, which parts are
 * the plan's own text (not the cover notice or the signature), short excerpts. Shared by the plan
 * page, the theme pages and the cross-links; pure functions over the document.
 */
import type { Section } from '../schemas/plan-document.ts';

export type { Section };


/** The parts of a document that are not the plan's own text. */
const NOT_PLAN = new Set(['notice', 'signature']);

export const isPlanText = (s: Section): boolean => !s.role || !NOT_PLAN.has(s.role);

/** The heading as printed ("（二）深入打好碧水保卫战"), or '' for an unheaded stretch of text. */
export function sectionLabel(s: Section): string {
  return `${s.number ?? ''}${s.heading}`.trim();
}

/** True when the section prints a heading (an unheaded opening paragraph does not). */
export const hasHeading = (s: Section): boolean => sectionLabel(s) !== '';

export interface Visit {
  section: Section;
  /** Outermost first, not including the section itself. */
  ancestors: Section[];
}

/** Every section in document order with its ancestors. */
export function* walk(sections: Section[], ancestors: Section[] = []): Generator<Visit> {
  for (const section of sections) {
    yield { section, ancestors };
    yield* walk(section.children, [...ancestors, section]);
  }
}

/** Labels of the headed sections from the top down to `visit.section` (included when headed). */
export function headingPath(visit: Visit): string[] {
  return [...visit.ancestors, visit.section].filter(hasHeading).map(sectionLabel);
}

/** Number of blocks in a section and everything under it. */
export function blockCount(s: Section): number {
  return s.blocks.length + s.children.reduce((n, c) => n + blockCount(c), 0);
}

/** The first block text of the section, or of its first sub-section that has one. */
export function firstText(s: Section): string | null {
  const own = s.blocks.find((b) => b.text.trim());
  if (own) return own.text;
  for (const c of s.children) {
    const t = firstText(c);
    if (t) return t;
  }
  return null;
}

/**
 * A short excerpt for a listing: the first sentence, cut at `max` characters with "……". The
 * lead sentence is skipped when it only repeats the heading.
 */
export function excerpt(text: string | null, max = 60, heading = ''): string | null {
  if (!text) return null;
  let t = text.replace(/\s+/g, ' ').trim();
  if (heading && t.startsWith(heading)) t = t.slice(heading.length).replace(/^[。：:，,\s]+/, '');
  if (!t) return null;
  const sentence = /^.*?[。；！？]/.exec(t)?.[0] ?? t;
  const cut = sentence.length <= max ? sentence : `${sentence.slice(0, max)}……`;
  return cut;
}

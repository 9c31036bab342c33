/**
 * What the components of one plan page need about each section, computed before the MDX body
 * renders and handed to PlanSection / PlanBlock through Astro.locals (the MDX gives them only
 * the attributes written into the page: id, level, number, heading, role).
 */
import { hasHeading, headingPath, isPlanText, walk, type Section } from './outline.ts';
import type { PlanRecord } from './plans.ts';
import type { Site } from './site.ts';
import { crossLinks, themeMatchOf, themeRoots, whyText, type CrossLinks, type ThemeInfo } from './themes.ts';

export interface SectionInfo {
  /** h2 … h6: two plus the number of headed sections above it, capped at 6. */
  rank: 2 | 3 | 4 | 5 | 6;
  /** Headings from the top down to this section (for the citation and the cross-link boxes). */
  path: string[];
  /**
   * Themes first carried here (not by the parent section), with the classifier's reason; `anchor`
   * when this is the plan's main section on the theme, the one other plans' cross-links land on
   * (its tag carries the id "t-<theme id>", so that their links need no section id).
   */
  tags: { theme: ThemeInfo; why: string | null; anchor: boolean }[];
  /** For each of those themes, the matching sections of the other plans. */
  cross: CrossLinks[];
  /** The date (YYYY-MM-DD) of the newest version when it changed this section's own text; else null. */
  revised: string | null;
}

export interface PlanPageContext {
  slug: string;
  title: string;
  sections: Map<string, SectionInfo>;
}

declare global {
  namespace App {
    interface Locals {
      /** Set by src/pages/plans/[slug].astro while its MDX body renders. */
      planPage?: PlanPageContext;
    }
  }
}

export function planPageContext(plan: PlanRecord, site: Site): PlanPageContext {
  const roots = themeRoots(plan.doc.sections as Section[]);
  // The section other plans link to for each theme (themes.ts crossLinks: the match's "best").
  const main = new Set(site.themes.flatMap((v) => {
    const m = themeMatchOf(v, plan.slug);
    return m ? [`${m.best.sectionId} ${v.theme.id}`] : [];
  }));
  // The same for every section of this plan that a theme starts in: worked out once per theme.
  const crossByTheme = new Map<string, CrossLinks>();
  const crossOf = (v: Site['themes'][number]) => {
    let c = crossByTheme.get(v.theme.id);
    if (!c) crossByTheme.set(v.theme.id, (c = crossLinks(v, plan)));
    return c;
  };
  const latest = plan.history.latest;
  const revised = new Set(latest?.sections.map((r) => r.id));
  const sections = new Map<string, SectionInfo>();
  for (const visit of walk(plan.doc.sections as Section[])) {
    const s = visit.section;
    const headed = visit.ancestors.filter(hasHeading).length;
    const fresh = isPlanText(s) ? roots.get(s.id) ?? [] : [];
    const views = fresh.map((id) => site.themeById.get(id)).filter((v) => v !== undefined);
    sections.set(s.id, {
      rank: Math.min(2 + headed, 6) as SectionInfo['rank'],
      path: headingPath(visit),
      tags: views.map((v) => ({
        theme: v.theme,
        why: whyText(s.themeWhy?.find((w) => w.theme === v.theme.id)),
        anchor: main.has(`${s.id} ${v.theme.id}`),
      })),
      cross: views.map(crossOf).filter((c) => c.total > 0),
      revised: latest && revised.has(s.id) ? latest.date : null,
    });
  }
  return { slug: plan.slug, title: plan.title, sections };
}

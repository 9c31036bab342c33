/**
 * src/views/plan-page.ts computes what each section of a plan page shows besides its text (its
 * heading rank, its heading path, the theme tags first carried there with the cross-links to other
 * plans, and whether the newest version revised it), keyed by the section's anchor id. Tested on
 * every seed: one entry per section under the ids the generated page uses, tags exactly at the
 * theme roots, one cross-link landing tag per theme, and revisions taken from the plan history.
 */
import { describe, expect, it } from 'vitest';
import { toMdast } from '../../src/pipeline/emit/to-mdast.ts';
import { hasHeading, sectionLabel, walk, type Section } from '../../src/views/outline.ts';
import { planPageContext } from '../../src/views/plan-page.ts';
import { themeRoots } from '../../src/views/themes.ts';
import { seedPlans, seedSite } from './site.ts';

const site = seedSite();
const contexts = site.plans.map((plan) => ({ plan, ctx: planPageContext(plan, site), visits: [...walk(plan.doc.sections as Section[])] }));

/** The id attributes of the PlanSection elements of the generated page, in document order. */
function pageSectionIds(node: unknown, out: string[] = []): string[] {
  const n = node as { name?: string; attributes?: { name: string; value: unknown }[]; children?: unknown[] };
  if (n.name === 'PlanSection') out.push(String(n.attributes!.find((a) => a.name === 'id')!.value));
  for (const c of n.children ?? []) pageSectionIds(c, out);
  return out;
}

describe('planPageContext on every seed', () => {
  it('has one entry per section, under the anchor ids of the generated page', () => {
    expect(contexts.length).toBeGreaterThan(0);
    for (const { plan, ctx, visits } of contexts) {
      expect(visits.length).toBeGreaterThan(0);
      expect(ctx.slug).toBe(plan.slug);
      expect([...ctx.sections.keys()]).toEqual(pageSectionIds(toMdast(plan.doc, plan.slug)));
      expect(ctx.sections.size).toBe(visits.length);
    }
  });

  it('ranks a heading two below the headed sections above it, at most h6, and ends its path with it', () => {
    let deep = 0;
    for (const { ctx, visits } of contexts) {
      for (const { section: s, ancestors } of visits) {
        const info = ctx.sections.get(s.id)!;
        const headed = ancestors.filter(hasHeading).length;
        expect(info.rank).toBe(Math.min(2 + headed, 6));
        expect(info.path).toHaveLength(headed + (hasHeading(s) ? 1 : 0));
        if (hasHeading(s)) expect(info.path.at(-1)).toBe(sectionLabel(s));
        if (headed > 0) deep++;
      }
    }
    expect(deep).toBeGreaterThan(0);
  });

  it('tags a section with exactly the themes that start there', () => {
    let tags = 0;
    for (const { plan, ctx } of contexts) {
      const roots = themeRoots(plan.doc.sections as Section[]);
      for (const [id, info] of ctx.sections) {
        expect(info.tags.map((t) => t.theme.id)).toEqual(roots.get(id) ?? []);
        tags += info.tags.length;
        for (const t of info.tags) expect(t.why === null || /^(标题点明|正文用词)：/.test(t.why)).toBe(true);
      }
    }
    expect(tags).toBeGreaterThan(0);
  });

  it('marks one tag per theme of the plan as where cross-links from other plans land', () => {
    let checked = 0;
    for (const { plan, ctx } of contexts) {
      for (const view of site.themes) {
        const m = view.plans.find((x) => x.plan.slug === plan.slug);
        const anchors = [...ctx.sections].filter(([, info]) => info.tags.some((t) => t.anchor && t.theme.id === view.theme.id));
        if (!m) { expect(anchors).toEqual([]); continue; }
        checked++;
        expect(anchors.map(([id]) => id)).toEqual([m.best.sectionId]);
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('lists, for each tag, other plans with the theme, never the plan itself', () => {
    let links = 0;
    for (const { plan, ctx } of contexts) {
      for (const info of ctx.sections.values()) {
        for (const c of info.cross) {
          expect(info.tags.map((t) => t.theme.id)).toContain(c.theme.id);
          expect(c.total).toBeGreaterThan(0);
          expect(c.links.map((l) => l.plan.slug)).not.toContain(plan.slug);
          links += c.links.length;
        }
      }
    }
    expect(links).toBeGreaterThan(0);
  });

  it('lists no other plans for a theme no other plan has', () => {
    // Every theme of the seeds is in several plans: keep one plan about the sea and the plans not about it.
    const carries = (slug: string) => site.themeById.get('blue-sea')!.plans.some((m) => m.plan.slug === slug);
    const one = seedPlans().find((p) => carries(p.slug))!;
    expect(one, 'a seed about the sea').toBeDefined();
    const smaller = seedSite(seedPlans().filter((p) => p === one || !carries(p.slug)));
    let alone = 0;
    for (const info of planPageContext(one, smaller).sections.values()) {
      for (const t of info.tags.filter((x) => smaller.themeById.get(x.theme.id)!.plans.length === 1)) {
        expect(info.cross.map((c) => c.theme.id)).not.toContain(t.theme.id);
        alone++;
      }
    }
    expect(alone).toBeGreaterThan(0);
  });
});

describe('revised sections', () => {
  const { plan, visits } = contexts.find((c) => c.visits.length > 3)!;

  it('marks none without a version history', () => {
    expect(plan.history.latest).toBeNull();
    expect([...planPageContext(plan, site).sections.values()].filter((i) => i.revised !== null)).toEqual([]);
  });

  it('marks the sections the newest version changed with its date', () => {
    const changed = visits[2]!.section;
    const latest = { date: '2026-01-02', since: '2025-12-01', removed: [], sections: [{ id: changed.id, path: [], before: null, after: 'x', parts: [] }] };
    const ctx = planPageContext({ ...plan, history: { ...plan.history, available: true, latest } }, site);
    expect([...ctx.sections].filter(([, i]) => i.revised !== null).map(([id, i]) => [id, i.revised])).toEqual([[changed.id, '2026-01-02']]);
  });
});

/**
 * src/views/themes.ts gathers, for each theme of content/themes.yaml, the sections of every plan
 * that carry it (nested as in the plan, grouped by place) for the theme pages, and gives each plan
 * page its cross-links to the other plans with the theme. Tested on the seeds as the site builds
 * them: nothing tagged is left out, nesting and grouping follow the plans and the place tree,
 * roots are the top-most tagged sections, and cross-links never point home and are bounded.
 */
import { describe, expect, it } from 'vitest';
import { isPlanText, walk, type Section } from '../../src/views/outline.ts';
import { allPlans } from '../../src/views/places.ts';
import { CROSS_LINK_LIMIT, buildThemes, crossLinks, themeRoots, themesOfPlace, whyText, type ThemeHit } from '../../src/views/themes.ts';
import { seedPlans, seedSite } from './site.ts';
import { byNewest } from '../../src/views/plans.ts';

const site = seedSite();
const flat = (hits: ThemeHit[]): ThemeHit[] => hits.flatMap((h) => [h, ...flat(h.children)]);
const sectionsOf = (slug: string) => [...walk(site.bySlug.get(slug)!.doc.sections as Section[])];

describe('buildThemes', () => {
  it('puts every section tagged with a battle, and only those, in that battle\'s view', () => {
    const battles = site.themes.filter((v) => v.theme.battle);
    expect(battles.length).toBeGreaterThan(0);
    for (const view of battles) {
      const tagged = site.plans.flatMap((p) => sectionsOf(p.slug).filter(({ section: s }) => isPlanText(s) && s.themes.includes(view.theme.id)).map(({ section: s }) => `${p.slug}#${s.id}`));
      expect(tagged.length, view.theme.id).toBeGreaterThan(0);
      const shown = view.plans.flatMap((m) => flat(m.hits).map((h) => `${m.plan.slug}#${h.sectionId}`));
      expect(shown.sort(), view.theme.id).toEqual(tagged.sort());
      expect(view.sectionCount).toBe(tagged.length);
    }
  });

  it('nests each hit under the nearest tagged section above it in the plan', () => {
    let nested = 0;
    for (const view of site.themes) {
      for (const m of view.plans) {
        const ancestors = new Map(sectionsOf(m.plan.slug).map((v) => [v.section.id, v.ancestors.map((a) => a.id)]));
        for (const top of m.hits) expect(ancestors.get(top.sectionId)!.some((id) => flat(m.hits).some((h) => h.sectionId === id))).toBe(false);
        for (const parent of flat(m.hits)) {
          for (const child of parent.children) {
            nested++;
            expect(ancestors.get(child.sectionId)).toContain(parent.sectionId);
            expect(child.path.slice(0, parent.path.length)).toEqual(parent.path);
          }
        }
      }
    }
    expect(nested).toBeGreaterThan(0);
  });

  it('groups each plan under its own place, in place-tree order, unknown place last', () => {
    for (const view of site.themes) {
      expect(view.groups.flatMap((g) => g.plans).length).toBe(view.plans.length);
      for (const g of view.groups) {
        expect(g.plans.length).toBeGreaterThan(0);
        for (const m of g.plans) expect(site.places.byPlan.get(m.plan.slug) ?? null).toBe(g.place);
        expect(g.label).toBe(g.place ? g.place.path.join(' › ') : '地区不详');
      }
      const unknown = view.groups.findIndex((g) => g.place === null);
      if (unknown >= 0) expect(unknown).toBe(view.groups.length - 1);
    }
    expect(site.themes.some((v) => v.groups.some((g) => g.place === null))).toBe(true);
  });

  it('sends cross-links to a hit named by its heading when the plan has one', () => {
    const named = site.themes.flatMap((v) => v.plans).filter((m) => m.hits.some((h) => h.namedByHeading));
    expect(named.length).toBeGreaterThan(0);
    for (const m of named) expect(m.best.namedByHeading).toBe(true);
    for (const m of site.themes.flatMap((v) => v.plans)) expect(m.hits).toContain(m.best);
  });
});

describe('themeRoots', () => {
  it('picks the top-most sections carrying a theme, not the sub-sections inheriting it', () => {
    let roots = 0;
    for (const plan of site.plans) {
      const found = themeRoots(plan.doc.sections as Section[]);
      for (const { section: s, ancestors } of sectionsOf(plan.slug)) {
        const fresh = found.get(s.id) ?? [];
        roots += fresh.length;
        for (const t of s.themes) {
          if (!isPlanText(s)) continue;
          const parent = ancestors.at(-1);
          expect(fresh.includes(t), `${plan.slug} ${s.id} ${t}`).toBe(!(parent && isPlanText(parent) && parent.themes.includes(t)));
        }
        for (const t of fresh) expect(s.themes).toContain(t);
      }
    }
    expect(roots).toBeGreaterThan(0);
  });

  it('lands the tag in the plan text when the section above is a notice the theme pages leave out', () => {
    // A real plan's first section with sub-sections, made a notice that carries its child's theme.
    const plan = site.plans.find((p) => (p.doc.sections as Section[]).some((s) => isPlanText(s) && s.children.some((c) => c.themes.length)))!;
    expect(plan).toBeDefined();
    const sections = structuredClone(plan.doc.sections as Section[]);
    const parent = sections.find((s) => isPlanText(s) && s.children.some((c) => c.themes.length))!;
    const child = parent.children.find((c) => c.themes.length)!;
    parent.role = 'notice';
    parent.themes = [...child.themes];
    const roots = themeRoots(sections);
    expect(roots.has(parent.id)).toBe(false);
    expect(roots.get(child.id)).toEqual(expect.arrayContaining(child.themes));
  });
});

describe('crossLinks', () => {
  it('never links a plan to itself, and lists the nearest places first', () => {
    const pairs = site.themes.flatMap((v) => v.plans.map((m) => [v, m.plan] as const));
    expect(pairs.length).toBeGreaterThan(0);
    let links = 0;
    for (const [view, plan] of pairs) {
      const c = crossLinks(view, plan);
      expect(c.links.map((l) => l.plan.slug)).not.toContain(plan.slug);
      expect(c.total).toBe(view.plans.length - 1);
      const shared = c.links.map((l) => l.plan.placePath.findIndex((p, i) => p !== plan.placePath[i]));
      const depth = shared.map((n, i) => (n < 0 ? c.links[i]!.plan.placePath.length : n));
      expect([...depth].sort((a, b) => b - a)).toEqual(depth);
      for (const l of c.links) expect(view.plans.find((m) => m.plan === l.plan)!.best).toBe(l.target);
      links += c.links.length;
    }
    expect(links).toBeGreaterThan(0);
  });

  it(`stops at CROSS_LINK_LIMIT (${CROSS_LINK_LIMIT}) links but counts them all`, () => {
    const many = Array.from({ length: 2 }, (_, n) => seedPlans().map((p) => ({ ...p, slug: `${p.slug}-copy${n}` }))).flat();
    const view = buildThemes(many, [site.themes.find((v) => v.theme.id === 'governance')!.theme], seedSite(many).places)[0]!;
    expect(view.plans.length).toBeGreaterThan(CROSS_LINK_LIMIT + 1);
    const c = crossLinks(view, view.plans[0]!.plan);
    expect(c.links.length).toBe(CROSS_LINK_LIMIT);
    expect(c.total).toBe(view.plans.length - 1);
  });

  it('picks what sorting all the plans by shared place path, then newest first, would pick', () => {
    // Three copies of the seeds, so that lists are cut at the limit and many plans share a place.
    const many = Array.from({ length: 3 }, (_, n) => seedPlans().map((p) => ({ ...p, slug: `${p.slug}-copy${n}` }))).flat();
    const manySite = seedSite(many);
    for (const view of buildThemes(many, site.themes.map((v) => v.theme), manySite.places)) {
      for (const { plan } of view.plans) {
        const shared = (p: typeof plan) => {
          let n = 0;
          while (n < p.placePath.length && p.placePath[n] === plan.placePath[n]) n++;
          return n;
        };
        const expected = view.plans
          .filter((m) => m.plan.slug !== plan.slug)
          .sort((a, b) => shared(b.plan) - shared(a.plan) || byNewest(a.plan, b.plan))
          .slice(0, CROSS_LINK_LIMIT)
          .map((m) => m.plan.slug);
        expect(crossLinks(view, plan).links.map((l) => l.plan.slug), `${view.theme.id} ${plan.slug}`).toEqual(expected);
      }
    }
  });
});

describe('themesOfPlace and whyText', () => {
  it('counts the plans of a province and its cities that carry each theme', () => {
    const shanghai = site.places.bySlug.get('shanghai')!;
    expect(allPlans(shanghai).length).toBeGreaterThan(shanghai.plans.length);
    const counts = themesOfPlace(shanghai, site.themes);
    expect(counts.length).toBeGreaterThan(0);
    for (const { theme, plans } of counts) {
      expect(plans).toBe(site.themeById.get(theme.id)!.plans.filter((m) => m.plan.placePath[0] === '上海市').length);
    }
  });

  it('says whether a heading or the words of the text gave the theme', () => {
    const reasons = site.plans.flatMap((p) => sectionsOf(p.slug).flatMap(({ section: s }) => s.themeWhy ?? []));
    const byHeading = reasons.find((r) => r.by === 'heading');
    const byText = reasons.find((r) => r.by !== 'heading' && r.evidence.length > 6);
    expect(byHeading).toBeDefined();
    expect(byText).toBeDefined();
    expect(whyText(byHeading)).toBe(`标题点明：“${byHeading!.evidence[0]}”`);
    expect(whyText(byText)!.startsWith('正文用词：')).toBe(true);
    expect(whyText(byText)!.split('、')).toHaveLength(6);
    expect(whyText(null)).toBeNull();
  });
});

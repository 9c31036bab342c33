/**
 * Lists that grow with the corpus are cut into pages (src/views/paging.ts), so that no page does:
 * the theme pages' sections, the plan list in each order and under each filter, the goals a theme
 * page lists per indicator. Tested on a corpus of 40 copies of every seed (1,000 plans, as the
 * build benchmark makes): every item is on exactly one page, in order, and each page keeps to its
 * budget; the seeds alone still fit on one page, so today's pages do not change.
 */
import { describe, expect, it } from 'vitest';
import { pageHref, pagerNumbers, pagesByWeight } from '../../src/views/paging.ts';
import { PLAN_LIST_PAGE, planListings, type PlanRecord } from '../../src/views/plans.ts';
import { THEME_PAGE_SECTIONS } from '../../src/views/themes.ts';
import { seedPlans, seedSite } from './site.ts';

/** 40 copies of each seed, each under its own slug. */
function nationalCorpus(): PlanRecord[] {
  return Array.from({ length: 40 }, (_, i) => seedPlans().map((p) => ({ ...p, slug: `${p.slug}-${i}`, page: { ...p.page, slug: `${p.slug}-${i}` } }))).flat();
}

describe('pagesByWeight', () => {
  it('keeps every item once, in order, and each page within its budget unless one item alone is heavier', () => {
    const items = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5];
    const pages = pagesByWeight(items, (n) => n, 10);
    expect(pages.flatMap((p) => p.items)).toEqual(items);
    expect(pages.map((p) => p.items)).toEqual([[3, 1, 4, 1], [5], [9], [2, 6], [5, 3], [5]]);
    for (const p of pages) expect(p.items.reduce((a, b) => a + b, 0) <= 10 || p.items.length === 1).toBe(true);
    expect(pages.map((p) => [p.number, p.total])).toEqual(pages.map((_, i) => [i + 1, 6]));
    expect(pagesByWeight([12], (n) => n, 10).map((p) => p.items)).toEqual([[12]]);
  });

  it('gives an empty list its one page, and refuses a budget of nothing', () => {
    expect(pagesByWeight([], () => 1, 5)).toEqual([{ items: [], number: 1, total: 1 }]);
    expect(() => pagesByWeight([1], () => 1, 0)).toThrow(/分页的容量/);
  });

  it('links page 1 to the list itself and the others below it', () => {
    expect(pageHref('/themes/ecology/', 1)).toBe('/themes/ecology/');
    expect(pageHref('/themes/ecology/', 3)).toBe('/themes/ecology/3/');
    expect(pageHref('/plans/sort/newest/', 1, '/plans/')).toBe('/plans/');
    expect(pageHref('/plans/sort/newest/', 2, '/plans/')).toBe('/plans/sort/newest/2/');
  });

  it('shows the first, the last and the pages around the current one', () => {
    expect(pagerNumbers(1, 1)).toEqual([1]);
    expect(pagerNumbers(1, 3)).toEqual([1, 2, 3]);
    expect(pagerNumbers(5, 40)).toEqual([1, null, 4, 5, 6, null, 40]);
    // A gap of one page shows the page rather than "…".
    expect(pagerNumbers(4, 40)).toEqual([1, 2, 3, 4, 5, null, 40]);
    expect(pagerNumbers(40, 40)).toEqual([1, null, 39, 40]);
  });
});

describe('theme pages at 1,000 plans', () => {
  const site = seedSite(nationalCorpus());

  it('list every plan with the theme exactly once across the pages, grouped by place in order', () => {
    const paged = site.themes.filter((v) => v.pages.length > 1);
    expect(paged.length).toBeGreaterThan(0);
    for (const view of site.themes) {
      const onPages = view.pages.flatMap((p) => p.items.flatMap((g) => g.plans.map((m) => m.plan.slug)));
      expect(onPages, view.theme.id).toEqual(view.groups.flatMap((g) => g.plans.map((m) => m.plan.slug)));
    }
  });

  it('keep each page to about THEME_PAGE_SECTIONS sections, and mark a place that goes on from the page before', () => {
    let continued = 0;
    for (const view of site.themes) {
      for (const page of view.pages) {
        const plans = page.items.flatMap((g) => g.plans);
        const weight = plans.reduce((n, m) => n + m.count + 1, 0);
        expect(weight <= THEME_PAGE_SECTIONS || plans.length === 1, `${view.theme.id} 第 ${page.number} 页`).toBe(true);
        const first = page.items[0];
        if (page.number > 1 && first) {
          const before = view.pages[page.number - 2]!.items.at(-1)!;
          expect(Boolean(first.continued), `${view.theme.id} 第 ${page.number} 页`).toBe(before.place === first.place);
          if (first.continued) continued++;
        }
        for (const g of page.items.slice(1)) expect(g.continued).toBeUndefined();
      }
    }
    expect(continued).toBeGreaterThan(0);
  });

  it('the seeds alone fit on one page per theme', () => {
    for (const view of seedSite().themes) expect(view.pages.length, view.theme.id).toBe(1);
  });
});

describe('plan lists at 1,000 plans', () => {
  const corpus = nationalCorpus();
  const listings = planListings(corpus);

  it('every order and filter lists each of its plans once, in its order, PLAN_LIST_PAGE to a page', () => {
    expect(listings.some((l) => l.pages.length > 1)).toBe(true);
    for (const l of listings) {
      expect(l.pages.flatMap((p) => p.items)).toEqual(l.plans);
      for (const p of l.pages) expect(p.items.length).toBeLessThanOrEqual(PLAN_LIST_PAGE);
      expect(l.pages.slice(0, -1).every((p) => p.items.length === PLAN_LIST_PAGE)).toBe(true);
    }
    const newest = listings.find((l) => l.facet === 'sort' && l.value === 'newest')!;
    expect(newest.plans).toHaveLength(corpus.length);
    expect(newest.first).toBe('/plans/');
    expect(pageHref(newest.base, 2, newest.first)).toBe('/plans/sort/newest/2/');
  });

  it('the seeds alone fit on one page per list', () => {
    for (const l of planListings(seedPlans())) expect(l.pages, `${l.facet}/${l.value}`).toHaveLength(1);
  });
});

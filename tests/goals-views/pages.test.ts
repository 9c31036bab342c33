/**
 * The goals pages stay small however many plans the site holds: the place × indicator comparison is
 * one page per province (goalRegions), and an indicator's goals are cut into pages of
 * INDICATOR_PAGE_GOALS (indicatorPages). Tested on the real plans, and on 40 copies of them under
 * other slugs and provinces, as a national corpus would give.
 */
import { describe, expect, it } from 'vitest';
import { buildGoals, goalRegions, indicatorPages, INDICATOR_PAGE_GOALS, type PlanInput } from '../../src/views/goals.ts';
import { catalogue, planInput } from './helpers.ts';

const SEEDS = ['xuchang-2018-yijian', 'xx-touziqu-gongjianzhan-fangan', 'shanghai-putuo-haimian-chengshi-2025', 'shanghai-putuo-shuiwu-shiwuwu-guihua', 'shanghai-chongming-shuiwu-shisiwu-guihua'];
const PROVINCES = ['河北省', '江苏省', '四川省', '甘肃省'];
const slugOf = (name: string) => ({ 上海市: 'shanghai', 河南省: 'henan', 河北省: 'hebei', 江苏省: 'jiangsu', 四川省: 'sichuan', 甘肃省: 'gansu' } as Record<string, string>)[name] ?? null;

/** The seeds, and 40 copies of each moved to a city of one of four provinces. */
function national(): PlanInput[] {
  const seeds = SEEDS.map(planInput);
  const copies = Array.from({ length: 40 }, (_, i) => seeds.map((p) => ({
    ...p, slug: `${p.slug}-${i}`, placePath: [PROVINCES[i % PROVINCES.length]!, `测试${i}市`],
  }))).flat();
  return [...seeds, ...copies];
}

describe('goalRegions', () => {
  const index = buildGoals(SEEDS.map(planInput), { catalogue: catalogue(), actuals: [], asOfYear: 2026 });
  const regions = goalRegions(index, slugOf);

  it('puts every place with goals in the region of its province, once, with its goals counted', () => {
    expect(regions.length).toBeGreaterThan(1);
    expect(regions.flatMap((r) => r.places)).toHaveLength(index.places.length);
    expect(new Set(regions.flatMap((r) => r.places))).toEqual(new Set(index.places));
    for (const r of regions) {
      expect(r.places.length, r.name).toBeGreaterThan(0);
      for (const p of r.places) expect(p.key.split('/')[0] || '地区不详').toBe(r.name);
      expect(r.goals).toBe(r.places.reduce((n, p) => n + p.rows.length, 0));
    }
    expect(regions.map((r) => r.slug)).toContain('shanghai');
    expect(new Set(regions.map((r) => r.slug)).size).toBe(regions.length);
  });

  it('splits a national corpus by province, so that no region holds every place', () => {
    const big = buildGoals(national(), { catalogue: catalogue(), actuals: [], asOfYear: 2026 });
    const split = goalRegions(big, slugOf);
    expect(split.map((r) => r.slug)).toEqual(expect.arrayContaining(['hebei', 'jiangsu', 'sichuan', 'gansu', 'shanghai']));
    const largest = Math.max(...split.map((r) => r.places.length));
    expect(largest).toBeLessThan(big.places.length / 2);
  });
});

describe('indicatorPages', () => {
  const big = buildGoals(national(), { catalogue: catalogue(), actuals: [], asOfYear: 2026 });

  it('keeps every goal of an indicator once, strictest first, INDICATOR_PAGE_GOALS to a page', () => {
    const paged = big.indicators.filter((v) => v.rows.length > INDICATOR_PAGE_GOALS);
    expect(paged.length).toBeGreaterThan(0);
    for (const view of big.indicators) {
      const pages = indicatorPages(view);
      expect(pages.flatMap((p) => p.items)).toEqual(view.rows);
      for (const p of pages) expect(p.items.length).toBeLessThanOrEqual(INDICATOR_PAGE_GOALS);
      expect(pages).toHaveLength(Math.max(1, Math.ceil(view.rows.length / INDICATOR_PAGE_GOALS)));
    }
  });

  it('leaves the real plans\' indicators on one page each', () => {
    const index = buildGoals(SEEDS.map(planInput), { catalogue: catalogue(), actuals: [], asOfYear: 2026 });
    expect(index.indicators.length).toBeGreaterThan(0);
    for (const view of index.indicators) expect(indicatorPages(view), view.entry.id).toHaveLength(1);
  });
});

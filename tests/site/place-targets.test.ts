/**
 * A plan of a higher place that sets targets for the places under it, as a new user would publish
 * it (issue 14): the test site carries a real city-level plan of Shanghai, a province-level city,
 * never written for (tests/site/plans/shanghai-jiaotong-guangfu.txt: 上海交通领域光伏推广应用实施方案,
 * whose attachment table gives each of the 16 districts its new solar capacity, demonstration
 * projects and typical scenes). Its headline targets are on its page; each district's row is on
 * that district's place page under 上级规划下达的目标, linked to the clause; the city's own total row
 * binds the city and is not set for any district; the downloads hold every row with its place.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PlanDocument } from '../../src/pipeline/index.ts';
import { $, $$, attr, page, text } from '../helpers/html.ts';

const slug = 'test-shanghai-jiaotong-guangfu';
const doc = JSON.parse(readFileSync(`content/plan-data/${slug}.json`, 'utf8')) as PlanDocument;
const planPage = page(`/plans/${slug}/`);
const rows = doc.goals.filter((g) => g.place && !g.requirement);
const districts = [...new Set(rows.map((g) => g.place!))];
/** A place's page, as the plan page links it from its row. */
const placeLink = (name: string) => $$(planPage, '.plan-goals a[href^="/places/"]').find((a) => text(a) === name);

describe('a city plan that sets targets for its districts', () => {
  it('reads one row per district from its table, three targets each, due in 2025', () => {
    expect(districts).toHaveLength(16);
    expect(districts).toContain('浦东新区');
    for (const d of districts) expect(rows.filter((g) => g.place === d).map((g) => [g.indicator, g.year])).toEqual([['新增装机容量', 2025], ['新增示范工程', 2025], ['新增典型场景', 2025]]);
    // The 合计 row is the city's own: no place.
    expect(doc.goals.filter((g) => g.value === 38 && g.unit === '兆瓦').map((g) => g.place)).toEqual([null]);
  });

  it('shows its headline targets on its page: 确保 120 兆瓦, 力争 180 兆瓦 by 2025', () => {
    const goals = text($(planPage, '.plan-goals')!);
    expect(goals).toContain('交通领域新增光伏装机容量：达到120兆瓦（2025年）');
    expect(goals).toContain('交通领域新增光伏装机容量：达到180兆瓦（2025年）');
  });

  it('puts each district’s targets on the district’s page, linked to the clause of the plan', () => {
    for (const d of districts) {
      const href = attr(placeLink(d), 'href');
      expect(href, `the plan page links ${d} to its place page`).toMatch(/^\/places\/shanghai-[a-z]+\/$/);
      const place = page(href!);
      expect(text($(place, 'h1')!)).toContain(d);
      const section = $$(place, 'section').find((s) => $(s, 'h2#set-by-others'));
      expect(section, `${d}: 上级规划下达的目标`).toBeDefined();
      expect(text($(section!, 'h3')!)).toBe(doc.meta.title);
      const listed = $$(section!, 'li').map(text);
      for (const g of rows.filter((r) => r.place === d)) {
        expect(listed.some((l) => l.startsWith(`${g.indicator}：`) && l.includes(String(g.value)) && l.includes('2025年')), `${d}: ${g.indicator} ${g.value}`).toBe(true);
      }
      for (const a of $$(section!, 'li a[href^="/plans/"]')) expect(attr(a, 'href')).toMatch(new RegExp(`^/plans/${slug}/#b-`));
    }
  });

  it('sets no target for the city itself on the city’s page', () => {
    const city = page('/places/shanghai/');
    const section = $$(city, 'section').find((s) => $(s, 'h2#set-by-others'));
    expect(section ? $$(section, 'h3').map(text) : []).not.toContain(doc.meta.title);
  });

  it('lists every district row with its place in the goals download', () => {
    const csv = readFileSync('dist/data/goals.csv', 'utf8');
    const lines = csv.split('\n').filter((l) => l.includes(slug));
    for (const d of districts) expect(lines.filter((l) => l.includes(`上海市/${d}`)).length, d).toBe(3);
  });
});

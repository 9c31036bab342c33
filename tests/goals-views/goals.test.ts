/**
 * Goals across plans (src/views/goals.ts): how a goal whose year has passed is judged against the
 * reported values, on the real plans (seeds 02 and 16: 普陀区's 海绵城市 goal for 2025 and the 现状值
 * its 水务“十五五”规划 reports for 2025) and on the rules the pages promise (direction, scope,
 * change goals, open years).
 */
import { describe, expect, it } from 'vitest';
import type { IndicatorEntry } from '../../src/schemas/indicators.ts';
import { assessGoal, buildGoals, goalShort, goalTarget, meets, relatedIndicators, scopeKey, type ActualRecord, type GoalInput } from '../../src/views/goals.ts';
import { catalogue, planInput, projectActuals } from './helpers.ts';

const SEEDS = ['xuchang-2018-yijian', 'xx-touziqu-gongjianzhan-fangan', 'shanghai-putuo-haimian-chengshi-2025', 'shanghai-putuo-shuiwu-shiwuwu-guihua', 'shanghai-chongming-shuiwu-shisiwu-guihua'];

describe('the goals index on the real plans', () => {
  const { actuals, problems } = projectActuals();
  const index = buildGoals(SEEDS.map(planInput), { catalogue: catalogue(), actuals, asOfYear: 2026 });

  it('loads the values the updates in content/updates/ report, without problems', () => {
    expect(problems).toEqual([]);
    expect(actuals.length).toBeGreaterThan(0);
  });

  it('judges 普陀区’s 2025 sponge-city goal (seed 02) against the 2025 value its water plan reports (seed 16)', () => {
    const goal = index.byPlan.get('shanghai-putuo-haimian-chengshi-2025')!.find((r) => r.indicatorId === 'sponge.area-share' && r.year === 2025)!;
    expect(goal.quote).toContain('2025');
    const actual = actuals.find((a) => a.indicator === 'sponge.area-share' && a.place === '上海市/普陀区' && a.year === 2025)!;
    expect(goal.status.actual).toBe(actual);
    // The plan says "40%以上"; the value decides, read with the goal's own comparator.
    expect(goal.status.state).toBe(actual.value >= goal.value ? 'met' : 'not-met');
    expect(goal.status.reason).toContain(actual.source.title);
  });

  it('leaves goals of years not yet over open, and has no actual for 2030', () => {
    const later = index.rows.filter((r) => r.year !== null && r.year >= 2026);
    expect(later.length).toBeGreaterThan(0);
    for (const r of later) expect(r.status.state).toBe('open');
  });

  it('never judges a change goal ("比2015年下降25%") or a goal outside the catalogue', () => {
    const judged = index.rows.filter((r) => r.status.state === 'met' || r.status.state === 'not-met');
    expect(judged.length).toBeGreaterThan(0);
    for (const r of judged) {
      expect(r.change).toBeNull();
      expect(r.indicatorId).not.toBeNull();
      expect(r.status.actual!.place).toBe(r.placeKey);
      expect(r.status.actual!.year).toBe(r.year);
    }
    const changes = index.rows.filter((r) => r.change && r.year !== null && r.year < 2026);
    expect(changes.length).toBeGreaterThan(0);
    for (const r of changes) expect(r.status.state).toBe('no-data');
  });

  it('compares PM2.5, 优良天数比率, 饮用水水源达标率 and 受污染耕地安全利用率 across the plans that state them', () => {
    for (const id of ['air.pm25', 'air.good-days', 'water.drinking-source', 'soil.farmland-safe-use']) {
      const view = index.byIndicator.get(id);
      expect(view, id).toBeDefined();
      expect(view!.rows.length, id).toBeGreaterThan(0);
      expect(view!.rows.every((r) => r.indicatorId === id)).toBe(true);
    }
    expect(index.byIndicator.get('air.pm25')!.places).toBeGreaterThanOrEqual(2);
  });

  it('orders an indicator’s goals strictest first (PM2.5: lowest concentration first)', () => {
    const values = index.byIndicator.get('air.pm25')!.rows.filter((r) => !r.change).map((r) => r.value);
    expect(values.length).toBeGreaterThan(1);
    expect(values).toEqual([...values].sort((a, b) => a - b));
  });

  it('links 优良天数比率 (seed 001, in %) and 优良天数 (seed 004, in 天) as the same matter in two units', () => {
    const rate = index.byIndicator.get('air.good-days')!;
    const days = index.byIndicator.get('air.good-days-count')!;
    expect(relatedIndicators(rate.entry, index.indicators)).toEqual([days]);
    expect(relatedIndicators(index.byIndicator.get('air.pm25')!.entry, index.indicators)).toEqual([]);
  });

  it('gives each place its goals by indicator, linking every goal to its clause', () => {
    const xuchang = index.places.find((p) => p.key === '河南省/许昌市')!;
    expect(xuchang.byIndicator.get('air.pm25')!.map((r) => r.year)).toEqual([2021, 2020]);
    expect(index.rows.length).toBeGreaterThan(0);
    for (const r of index.rows) expect(r.href).toBe(`/plans/${r.planSlug}/#${r.blockId}`);
  });
});

const entry = (better: 'higher' | 'lower'): IndicatorEntry => ({ id: 'x.test', name: '测试指标', theme: 'blue-sky', unit: '%', better, synonyms: ['测试'], patterns: [], exclude: [], units: [] });
const goal = (over: Partial<GoalInput> = {}): GoalInput => ({
  id: 'g', indicator: '测试指标', indicatorId: 'x.test', comparator: '=', value: 90, unit: '%', year: 2020, baselineYear: null,
  change: null, scope: null, place: null, theme: 'blue-sky', quote: '到2020年测试指标达到90%', sectionId: 's', blockId: 'b', ...over,
});
const actual = (over: Partial<ActualRecord> = {}): ActualRecord => ({
  indicator: 'x.test', place: '某省/某市', year: 2020, value: 92, unit: '%', source: { title: '某市2020年环境状况公报', url: 'https://example.gov.cn/a' }, file: 'content/updates/2021-01-01-t.md', ...over,
});

describe('assessGoal', () => {
  it('reads "达到" in the indicator’s direction', () => {
    expect(assessGoal(goal(), '某省/某市', entry('higher'), [actual({ value: 92 })], 2026).state).toBe('met');
    expect(assessGoal(goal(), '某省/某市', entry('lower'), [actual({ value: 92 })], 2026).state).toBe('not-met');
    expect(assessGoal(goal({ comparator: '<' }), '某省/某市', entry('lower'), [actual({ value: 90 })], 2026).state).toBe('not-met');
    expect(assessGoal(goal({ comparator: '<=' }), '某省/某市', entry('lower'), [actual({ value: 90 })], 2026).state).toBe('met');
  });

  it('is open until the goal’s year is over, and without a year', () => {
    expect(assessGoal(goal({ year: 2026 }), '某省/某市', entry('higher'), [actual({ year: 2026 })], 2026).state).toBe('open');
    expect(assessGoal(goal({ year: null }), '某省/某市', entry('higher'), [], 2026).label).toBe('未写年份');
  });

  it('compares a scoped goal only with a value of the same scope; 全市 is no scope', () => {
    const scoped = goal({ scope: '本区建成区' });
    expect(assessGoal(scoped, '某省/某市', entry('higher'), [actual()], 2026).state).toBe('no-data');
    expect(assessGoal(scoped, '某省/某市', entry('higher'), [actual({ scope: '建成区' })], 2026).state).toBe('met');
    expect(assessGoal(goal({ scope: '全市' }), '某省/某市', entry('higher'), [actual()], 2026).state).toBe('met');
    expect(scopeKey('全区农村')).toBe('农村');
  });

  it('never compares a change goal with a level, another place, year or unit', () => {
    expect(assessGoal(goal({ change: 'decrease', baselineYear: 2015 }), '某省/某市', entry('lower'), [actual()], 2026).state).toBe('no-data');
    expect(assessGoal(goal(), '某省/他市', entry('higher'), [actual()], 2026).state).toBe('no-data');
    expect(assessGoal(goal(), '某省/某市', entry('higher'), [actual({ year: 2019 })], 2026).state).toBe('no-data');
    expect(assessGoal(goal(), '某省/某市', entry('higher'), [actual({ unit: '天' })], 2026).state).toBe('no-data');
  });

  it('says the targets in words and symbols', () => {
    expect(goalTarget({ comparator: '>=', value: 25, unit: '%', change: 'decrease', baselineYear: 2015 })).toBe('比2015年下降25%以上');
    expect(goalTarget({ comparator: '<', value: 19.2, unit: 'μg/m³', change: null, baselineYear: null })).toBe('低于19.2μg/m³');
    expect(goalShort({ comparator: '<=', value: 40, unit: 'μg/m³', change: null, baselineYear: null })).toBe('≤40μg/m³');
    expect(goalTarget({ comparator: '=', value: 37.5, unit: '平方公里', change: 'increase', baselineYear: 2015 })).toBe('比2015年增加37.5平方公里');
    expect(meets(0.1 + 0.2, '<=', 0.3, 'lower')).toBe(true);
  });
});

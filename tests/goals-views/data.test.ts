/**
 * The downloadable goals data (src/views/goals-data.ts) and the chart layout (goals-chart.ts), on
 * the real plans: the CSV opens with a UTF-8 byte-order mark and the field names, each goal is one
 * row whose fields match the document, and cells that spreadsheets would read as formulas stay text.
 */
import { describe, expect, it } from 'vitest';
import { chartLayout } from '../../src/views/goals-chart.ts';
import { GOAL_FIELDS, goalRecords, goalsCsv, spreadsheetSafe } from '../../src/views/goals-data.ts';
import { buildGoals } from '../../src/views/goals.ts';
import { catalogue, planInput, projectActuals, seedBySlug } from './helpers.ts';

const SEEDS = ['xuchang-2018-yijian', 'xx-touziqu-gongjianzhan-fangan', 'shanghai-putuo-haimian-chengshi-2025', 'shanghai-putuo-shuiwu-shiwuwu-guihua'];
const index = buildGoals(SEEDS.map(planInput), { catalogue: catalogue(), actuals: projectActuals().actuals, asOfYear: 2026 });
const base = new URL('https://plans.example.cn');

describe('goals data', () => {
  const records = goalRecords(index, base);
  const csv = goalsCsv(records);

  it('writes the CSV as UTF-8 with a BOM and a header of the documented fields', () => {
    const bytes = Buffer.from(csv, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.slice(1).split('\r\n')[0]).toBe(GOAL_FIELDS.map((f) => f.name).join(','));
  });

  it('has one record per goal of every plan, with the document’s values and clause', () => {
    const total = SEEDS.reduce((n, s) => n + seedBySlug(s).goals.length, 0);
    expect(records).toHaveLength(total);
    const doc = seedBySlug('xx-touziqu-gongjianzhan-fangan');
    const pm = doc.goals.find((g) => g.indicatorId === 'air.pm25')!;
    const rec = records.find((r) => r.id === pm.id && r.planSlug === 'xx-touziqu-gongjianzhan-fangan')!;
    expect(rec).toMatchObject({ indicatorId: 'air.pm25', value: pm.value, unit: pm.unit, year: pm.year, quote: pm.quote, comparator: pm.comparator });
    expect(rec.clauseUrl).toBe(`https://plans.example.cn/plans/xx-touziqu-gongjianzhan-fangan/#${pm.blockId}`);
    expect(csv).toContain(`,${pm.quote},`);
  });

  it('keeps cells that open with = + - @ as text in the CSV only', () => {
    expect(spreadsheetSafe('=')).toBe("'=");
    expect(spreadsheetSafe('-5')).toBe("'-5");
    expect(spreadsheetSafe('≤40')).toBe('≤40');
    expect(records.some((r) => r.comparator === '=')).toBe(true);
    expect(csv).not.toMatch(/,=,/);
  });
});

describe('chart layout', () => {
  it('puts every PM2.5 target on one axis, strictest first, inside the plot', () => {
    const view = index.byIndicator.get('air.pm25')!;
    const layout = chartLayout(view.rows, view.entry.unit, view.entry.better)!;
    expect(layout.mode).toBe('level');
    expect(layout.rows.map((r) => r.target.value)).toEqual(view.rows.filter((r) => !r.change).map((r) => r.value));
    expect(layout.rows.length).toBeGreaterThan(0);
    for (const r of layout.rows) {
      expect(r.target.x).toBeGreaterThanOrEqual(0);
      expect(r.target.x).toBeLessThanOrEqual(100);
    }
    expect(layout.summary).toContain('最严格的是');
    expect(layout.ticks.length).toBeGreaterThan(1);
  });

  it('draws the actual beside the target when the goal was judged', () => {
    const view = index.byIndicator.get('sponge.area-share')!;
    const layout = chartLayout(view.rows, view.entry.unit, view.entry.better)!;
    const judged = layout.rows.filter((r) => r.actual);
    expect(judged.length).toBeGreaterThan(0);
    for (const r of judged) expect(r.values).toContain(r.goal.status.label);
    // Shares stay between 0 and 100.
    expect(Number(layout.ticks.at(-1)!.label)).toBeLessThanOrEqual(100);
  });

  it('charts change goals on their own axis when an indicator has no levels', () => {
    const view = index.byIndicator.get('emission.cod')!;
    expect(chartLayout(view.rows, view.entry.unit, view.entry.better)!.mode).toBe('change');
  });
});

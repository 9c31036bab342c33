/**
 * The layout of an indicator's chart (issue 7), computed at build time with d3-scale: one row per
 * goal, the target as a dot on a shared value axis, the plan's starting value (基准值) as a ring
 * joined to it, and the reported value (实际值) as a diamond when the goal's year has passed and an
 * actual is recorded. The component (GoalChart.astro) draws it as SVG whose horizontal positions
 * are percentages and whose text keeps its size, so that it reads the same at 375 px and 1280 px
 * and needs no JavaScript.
 */
import { scaleLinear } from 'd3-scale';
import { formatNumber, type GoalRow } from './goals.ts';

export interface ChartPoint {
  /** Position across the plot, in percent of the chart's width. */
  x: number;
  value: number;
}

export interface ChartRow {
  goal: GoalRow;
  /** "许昌市 2020年 全市" */
  label: string;
  /** "目标 ≤40μg/m³；实际 38μg/m³，已达到" */
  values: string;
  target: ChartPoint;
  baseline: ChartPoint | null;
  actual: ChartPoint | null;
}

export interface ChartLayout {
  /** What the axis measures: levels in the indicator's unit, or changes against a base year. */
  mode: 'level' | 'change';
  unit: string;
  rows: ChartRow[];
  ticks: { x: number; label: string }[];
  /** Goals left out of the chart (changes among levels, other units), for a note under it. */
  omitted: number;
  /** One-sentence summary for the SVG's <desc>. */
  summary: string;
}

const LEFT = 4;
const RIGHT = 96;

/** The chart of an indicator's goals, or null when none can be drawn on one axis. */
export function chartLayout(rows: readonly GoalRow[], unit: string, better: 'higher' | 'lower'): ChartLayout | null {
  const levels = rows.filter((r) => !r.change && r.unit === unit);
  const changes = rows.filter((r) => r.change && r.unit === '%');
  const mode: 'level' | 'change' = levels.length ? 'level' : 'change';
  const drawn = mode === 'level' ? levels : changes;
  if (!drawn.length) return null;
  const axisUnit = mode === 'level' ? unit : '%';

  const values: number[] = [];
  for (const r of drawn) {
    values.push(r.value);
    if (mode === 'level' && r.baselineValue !== null) values.push(r.baselineValue);
    if (mode === 'level' && r.status.actual && r.status.actual.unit === unit) values.push(r.status.actual.value);
  }
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (lo === hi) {
    const pad = Math.max(1, Math.abs(lo) * 0.1);
    lo -= pad;
    hi += pad;
  }
  const scale = scaleLinear().domain([lo, hi]).nice(5);
  let [d0, d1] = scale.domain() as [number, number];
  // Shares and counts cannot go below 0, shares not above 100.
  if (Math.min(...values) >= 0 && d0 < 0) d0 = 0;
  if (axisUnit === '%' && Math.max(...values) <= 100 && d1 > 100) d1 = 100;
  scale.domain([d0, d1]).range([LEFT, RIGHT]);
  const at = (value: number): ChartPoint => ({ x: Number(scale(value).toFixed(2)), value });
  const format = scale.tickFormat(5);

  const chartRows = drawn.map((goal): ChartRow => {
    const actual = mode === 'level' && goal.status.actual && goal.status.actual.unit === unit ? at(goal.status.actual.value) : null;
    const baseline = mode === 'level' && goal.baselineValue !== null ? at(goal.baselineValue) : null;
    const place = goal.placePath.at(-1) ?? '地区不详';
    const scope = goal.scope ? ` ${goal.scope.length > 12 ? `${goal.scope.slice(0, 11)}…` : goal.scope}` : '';
    const parts = [`目标 ${goal.short}`];
    if (baseline) parts.push(`基准 ${formatNumber(baseline.value)}${unit}${goal.baselineValueYear ? `（${goal.baselineValueYear}年）` : ''}`);
    if (actual) parts.push(`实际 ${formatNumber(actual.value)}${unit}，${goal.status.label}`);
    return {
      goal,
      label: `${place} ${goal.year ? `${goal.year}年` : '未写年份'}${scope}`,
      values: parts.join('；'),
      target: at(goal.value),
      baseline,
      actual,
    };
  });

  const strict = drawn[0]!;
  const loose = drawn.at(-1)!;
  const direction = mode === 'change' ? '图中是相对基准年的变化幅度。' : better === 'lower' ? '数值越低越好。' : '数值越高越好。';
  const summary = drawn.length === 1
    ? `只有一个目标：${strict.placeLabel}${strict.year ? `${strict.year}年` : ''}${strict.target}。${direction}`
    : `${drawn.length} 个目标，来自 ${new Set(drawn.map((r) => r.planSlug)).size} 份规划。${direction}最严格的是${strict.placeLabel}${strict.year ? `${strict.year}年` : ''}${strict.target}，最宽松的是${loose.placeLabel}${loose.year ? `${loose.year}年` : ''}${loose.target}。${chartRows.some((r) => r.actual) ? '有实际值的目标用菱形标出实际值。' : ''}各项数值见图下的表格。`;

  return {
    mode,
    unit: axisUnit,
    rows: chartRows,
    ticks: scale.ticks(5).map((t) => ({ x: Number(scale(t).toFixed(2)), label: format(t) })),
    omitted: rows.length - drawn.length,
    summary,
  };
}

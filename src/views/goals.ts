/**
 * Goals across plans, computed once per build (issue 7): every numeric goal of every plan as a row
 * with its place, its indicator from the catalogue (content/indicators.yaml), its target in words and
 * — when its year has passed — whether it was met, judged against the values staff report in
 * progress updates (content/updates/, views/updates.ts). Pages and data files only render what `buildGoals` returns.
 *
 * How a goal is judged (`assessGoal`):
 *   - a goal without a year, or whose year has not ended yet, is "open";
 *   - otherwise it is "met" or "not met" only against an actual of the same indicator, place, year,
 *     unit and scope ("本区建成区" and "建成区" are the same scope; "全市" is no scope), read in the
 *     catalogue's direction (`better`) when the goal says only "达到";
 *   - a change goal ("比2015年下降25%") is never compared with a level, a goal outside the catalogue
 *     has no actuals: both are "no data", with the reason.
 */
import { formatNumber, goalShort, goalTarget, scopeKey } from '../pipeline/lexicon.ts';
import type { Comparator, Goal, Milestone } from '../pipeline/types.ts';
import type { Actual } from '../schemas/actuals.ts';
import type { IndicatorEntry } from '../schemas/indicators.ts';
import { pagesByWeight, type ListPage } from './paging.ts';

/** A plan's goal as the pipeline writes it (the PlanDocument's Goal). */
export type GoalInput = Goal;

export type MilestoneInput = Milestone;

export interface PlanInput {
  slug: string;
  title: string;
  /** Place names outermost first (["上海市", "普陀区"]); [] when the plan names none. */
  placePath: string[];
  /** Slug of the place page, when the plan has a place. */
  placeSlug: string | null;
  /** The place a goal names (a row of a per-city table), as a path and page: from the place index. */
  placeOf?: (name: string) => { path: string[]; slug: string } | null;
  goals: readonly GoalInput[];
  milestones: readonly MilestoneInput[];
}

/** A reported value with the file it came from and the update (its id) that reported it. */
/** A reported value with the file it was written in and, when it came in an update, that update's id (its page /updates/<id>/). */
export type ActualRecord = Actual & { file: string; update?: string };

export type GoalState = 'met' | 'not-met' | 'no-data' | 'open';

export interface GoalStatus {
  state: GoalState;
  /** "已达到", "未达到", "暂无数据", "未到期", "未写年份". */
  label: string;
  /** Why, in a sentence, for the page and the data. */
  reason: string;
  /** The actual the goal was judged against. */
  actual: ActualRecord | null;
}

export interface GoalRow {
  id: string;
  planSlug: string;
  planTitle: string;
  placePath: string[];
  /** "上海市/普陀区" ("" when the plan names no place): the key actuals use. */
  placeKey: string;
  /** "普陀区（上海市）", "地区不详". */
  placeLabel: string;
  placeSlug: string | null;
  /** The place the target binds when it is not the plan's own ("石家庄市" in a provincial plan's table). */
  place: string | null;
  /** A limit the plan sets for firms, sites or facilities: listed with its plan, never compared. */
  requirement: boolean;
  /** Where the year came from, when the sentence does not say it: "section", "table", "document". */
  yearFrom: GoalInput['yearFrom'];
  indicatorId: string | null;
  /** The catalogue's name, else the plan's own wording. */
  indicatorName: string;
  /** The plan's own wording. */
  indicatorText: string;
  theme: string | null;
  better: 'higher' | 'lower' | null;
  comparator: Comparator;
  value: number;
  unit: string;
  year: number | null;
  /** Base year of a change goal ("比2015年下降25%" → 2015), as the document gives it. */
  baselineYear: number | null;
  /** The starting value the plan gives (基准值/现状值 column, "由95％提高至99％"), and its year. */
  baselineValue: number | null;
  baselineValueYear: number | null;
  change: 'decrease' | 'increase' | null;
  scope: string | null;
  /** 约束性 / 预期性 as printed, or null. */
  attribute: string | null;
  source: 'text' | 'table';
  quote: string;
  sectionId: string;
  blockId: string;
  /** The clause on this site: /plans/<slug>/#<blockId>. */
  href: string;
  /** The target in words: "不高于40μg/m³", "比2015年下降25%以上". */
  target: string;
  /** The target in symbols, for the matrix: "≤40μg/m³", "↓25%（比2015年）". */
  short: string;
  status: GoalStatus;
}

export interface MilestoneRow extends MilestoneInput { href: string }

export interface IndicatorView {
  entry: IndicatorEntry;
  /** Strictest target first (lowest for `better: lower`), then by place and year. */
  rows: GoalRow[];
  plans: number;
  places: number;
  /** Reported values recorded for this indicator, newest first. */
  actuals: ActualRecord[];
}

export interface PlaceGoals {
  key: string;
  label: string;
  slug: string | null;
  rows: GoalRow[];
  /** Indicator id → this place's goals for it, latest year first. */
  byIndicator: Map<string, GoalRow[]>;
}

export interface GoalsIndex {
  /** Goals whose year is before this one have passed. */
  asOfYear: number;
  rows: GoalRow[];
  byPlan: Map<string, GoalRow[]>;
  milestonesByPlan: Map<string, MilestoneRow[]>;
  /** Indicators that have goals, in catalogue order. */
  indicators: IndicatorView[];
  byIndicator: Map<string, IndicatorView>;
  /** Places with at least one catalogued goal, by label. */
  places: PlaceGoals[];
  actuals: ActualRecord[];
  counts: Record<GoalState, number>;
}

export { formatNumber, goalShort, goalTarget, scopeKey } from '../pipeline/lexicon.ts';

/** Whether a reported value meets a target, read in the indicator's direction when the goal says only "达到". */
export function meets(actual: number, comparator: Comparator, target: number, better: 'higher' | 'lower'): boolean {
  const eps = 1e-9 * Math.max(1, Math.abs(target));
  switch (comparator) {
    case '<': return actual < target - eps;
    case '<=': return actual <= target + eps;
    case '>': return actual > target + eps;
    case '>=': return actual >= target - eps;
    default: return better === 'higher' ? actual >= target - eps : actual <= target + eps;
  }
}

/** Judges one goal; see the module comment. */
export function assessGoal(
  goal: Pick<GoalInput, 'indicatorId' | 'comparator' | 'value' | 'unit' | 'year' | 'change' | 'scope'>,
  placeKey: string,
  entry: IndicatorEntry | undefined,
  actuals: readonly ActualRecord[],
  asOfYear: number,
): GoalStatus {
  if (goal.year === null) return { state: 'open', label: '未写年份', reason: '原文没有写明期限。', actual: null };
  if (goal.year >= asOfYear) return { state: 'open', label: '未到期', reason: `${goal.year}年还没有结束。`, actual: null };
  const noData = (reason: string): GoalStatus => ({ state: 'no-data', label: '暂无数据', reason, actual: null });
  if (!goal.indicatorId || !entry) return noData('这个目标没有归入指标目录，无法对照实际值。');
  if (goal.change) return noData('这是相对变化目标（比某年提高或下降），要有同一口径两个年份的数值才能判断，本站暂不比较。');
  if (!placeKey) return noData('规划没有写明地区，无法对照实际值。');
  const same = actuals.filter((a) => a.indicator === goal.indicatorId && a.place === placeKey);
  const match = same.find((a) => a.year === goal.year && a.unit === goal.unit && scopeKey(a.scope) === scopeKey(goal.scope));
  if (!match) {
    return noData(same.length
      ? `已记录的${placeKey.split('/').at(-1)}实际值不是${goal.year}年${goal.scope ? `“${goal.scope}”范围` : '全域'}的同一单位数值。`
      : `还没有记录${placeKey.split('/').at(-1)}${goal.year}年的实际值。`);
  }
  const ok = meets(match.value, goal.comparator, goal.value, entry.better);
  return {
    state: ok ? 'met' : 'not-met',
    label: ok ? '已达到' : '未达到',
    reason: `${match.year}年实际值${formatNumber(match.value)}${match.unit}（${match.source.title}）。`,
    actual: match,
  };
}

/** "普陀区（上海市）" */
export function placeLabel(path: readonly string[]): string {
  if (!path.length) return '地区不详';
  const own = path.at(-1)!;
  return path.length > 1 ? `${own}（${path.slice(0, -1).join(' ')}）` : own;
}

export interface BuildOptions {
  catalogue: readonly IndicatorEntry[];
  actuals: readonly ActualRecord[];
  asOfYear: number;
}

export function buildGoals(plans: readonly PlanInput[], opts: BuildOptions): GoalsIndex {
  const entries = new Map(opts.catalogue.map((e) => [e.id, e]));
  const rows: GoalRow[] = [];
  const byPlan = new Map<string, GoalRow[]>();
  const milestonesByPlan = new Map<string, MilestoneRow[]>();
  for (const plan of plans) {
    const own: GoalRow[] = plan.goals.map((g) => {
      const entry = g.indicatorId ? entries.get(g.indicatorId) : undefined;
      // A target set for another place (a provincial plan's row for a city) is that place's.
      const there = g.place ? plan.placeOf?.(g.place) ?? null : null;
      const placePath = there ? there.path : g.place ? [...plan.placePath, g.place] : plan.placePath;
      const placeKey = placePath.join('/');
      return {
        id: g.id,
        planSlug: plan.slug,
        planTitle: plan.title,
        placePath,
        placeKey,
        placeLabel: placeLabel(placePath),
        placeSlug: there ? there.slug : g.place ? null : plan.placeSlug,
        place: g.place ?? null,
        requirement: g.requirement ?? false,
        yearFrom: g.yearFrom ?? null,
        indicatorId: entry ? entry.id : null,
        indicatorName: entry?.name ?? g.indicator,
        indicatorText: g.indicator,
        theme: entry?.theme ?? g.theme,
        better: entry?.better ?? null,
        comparator: g.comparator,
        value: g.value,
        unit: g.unit,
        year: g.year,
        baselineYear: g.baselineYear,
        baselineValue: g.baseline?.value ?? null,
        baselineValueYear: g.baseline?.year ?? null,
        change: g.change,
        scope: g.scope,
        attribute: g.attribute ?? null,
        source: g.kind ?? 'text',
        quote: g.quote,
        sectionId: g.sectionId,
        blockId: g.blockId,
        href: `/plans/${plan.slug}/#${g.blockId}`,
        target: goalTarget(g),
        short: goalShort(g),
        status: g.requirement ? { state: 'open', label: '对企业的要求', reason: '这是规划对企业、工地或设施提出的要求，不是本地的目标，不作比较。', actual: null }
          : assessGoal(g, placeKey, entry, opts.actuals, opts.asOfYear),
      };
    });
    rows.push(...own);
    byPlan.set(plan.slug, own);
    milestonesByPlan.set(plan.slug, [...plan.milestones]
      .sort((a, b) => a.year - b.year)
      .map((m) => ({ ...m, href: `/plans/${plan.slug}/#${m.blockId}` })));
  }

  // A firm's limit is never compared with a place's targets.
  const targets = rows.filter((r) => !r.requirement);
  const indicators: IndicatorView[] = [];
  for (const entry of opts.catalogue) {
    const mine = targets.filter((r) => r.indicatorId === entry.id);
    if (!mine.length) continue;
    indicators.push({
      entry,
      rows: mine.sort(strictestFirst(entry.better)),
      plans: new Set(mine.map((r) => r.planSlug)).size,
      places: new Set(mine.map((r) => r.placeKey)).size,
      actuals: opts.actuals.filter((a) => a.indicator === entry.id).sort((a, b) => b.year - a.year || a.place.localeCompare(b.place, 'zh-CN')),
    });
  }

  const placeMap = new Map<string, PlaceGoals>();
  for (const r of targets) {
    if (!r.indicatorId) continue;
    let p = placeMap.get(r.placeKey);
    if (!p) placeMap.set(r.placeKey, (p = { key: r.placeKey, label: r.placeLabel, slug: r.placeSlug, rows: [], byIndicator: new Map() }));
    p.rows.push(r);
    const list = p.byIndicator.get(r.indicatorId) ?? [];
    list.push(r);
    p.byIndicator.set(r.indicatorId, list);
  }
  const order = new Map(opts.catalogue.map((e, i) => [e.id, i]));
  for (const p of placeMap.values()) {
    for (const list of p.byIndicator.values()) list.sort(latestFirst);
    p.rows.sort((a, b) => order.get(a.indicatorId!)! - order.get(b.indicatorId!)! || latestFirst(a, b));
  }
  const places = [...placeMap.values()].sort((a, b) => (a.key ? 0 : 1) - (b.key ? 0 : 1) || a.key.localeCompare(b.key, 'zh-CN'));

  const counts: Record<GoalState, number> = { met: 0, 'not-met': 0, 'no-data': 0, open: 0 };
  for (const r of targets) counts[r.status.state]++;

  return {
    asOfYear: opts.asOfYear,
    rows,
    byPlan,
    milestonesByPlan,
    indicators,
    byIndicator: new Map(indicators.map((v) => [v.entry.id, v])),
    places,
    actuals: [...opts.actuals],
    counts,
  };
}

/**
 * A goal's year as a page shows it, saying when the year was inferred rather than printed with the
 * target: "2025年（按所在章节）" for a heading or lead clause, "2025年（按全文推定）" for an annual
 * plan's year or a five-year plan's end.
 */
export function yearLabel(r: Pick<GoalRow, 'year' | 'yearFrom'>): string {
  if (r.year === null) return '未写年份';
  if (r.yearFrom === 'section') return `${r.year}年（按所在章节）`;
  if (r.yearFrom === 'document') return `${r.year}年（按全文推定）`;
  return `${r.year}年`;
}

/** Latest year first (no year last), then unscoped before scoped. */
export function latestFirst(a: GoalRow, b: GoalRow): number {
  return (b.year ?? -1) - (a.year ?? -1) || Number(Boolean(a.scope)) - Number(Boolean(b.scope)) || a.planTitle.localeCompare(b.planTitle, 'zh-CN');
}

/** Levels before changes; the strictest target first in the indicator's direction; then place and year. */
function strictestFirst(better: 'higher' | 'lower') {
  // How ambitious a target is: a higher level, or a bigger move in the good direction, scores higher.
  const score = (r: GoalRow) => (better === 'higher' ? 1 : -1) * (r.change === 'decrease' ? -1 : 1) * r.value;
  return (a: GoalRow, b: GoalRow): number =>
    Number(Boolean(a.change)) - Number(Boolean(b.change))
    || a.unit.localeCompare(b.unit)
    || score(b) - score(a)
    || a.placeKey.localeCompare(b.placeKey, 'zh-CN')
    || (b.year ?? 0) - (a.year ?? 0);
}

/**
 * Goals listed per indicator on a theme page: the theme page is no place for every goal of a
 * national corpus (the indicator's own page compares them all), so it shows this many and counts the rest.
 */
export const THEME_GOALS_PER_INDICATOR = 12;

/**
 * The goals of one theme (by the indicator's theme, else the goal's own), grouped by indicator in
 * catalogue order: at most THEME_GOALS_PER_INDICATOR rows each, in the indicator's order, and the total.
 */
export function themeGoals(index: GoalsIndex, themeId: string): { view: IndicatorView; rows: GoalRow[]; total: number }[] {
  return index.indicators
    .filter((v) => v.entry.theme === themeId)
    .map((view) => ({ view, rows: view.rows.slice(0, THEME_GOALS_PER_INDICATOR), total: view.rows.length }));
}

/** Goals of a theme that the catalogue does not know, by plan (they cannot be compared). */
export function unindexedThemeGoals(index: GoalsIndex, themeId: string): GoalRow[] {
  return index.rows.filter((r) => !r.indicatorId && r.theme === themeId);
}

/** The headline goal of a matrix cell: the latest year, the whole place before a part of it. */
export function headline(list: readonly GoalRow[]): GoalRow {
  return [...list].sort(latestFirst)[0]!;
}

/**
 * Indicators measuring the same thing in another unit or form, which the catalogue keeps apart
 * because their numbers cannot be compared: 空气质量优良天数比率 (%) and 空气质量优良天数 (天) share
 * the synonym "优良天数". Two entries are related when a synonym of one contains a synonym of the other.
 */
export function relatedIndicators(entry: IndicatorEntry, views: readonly IndicatorView[]): IndicatorView[] {
  const mine = entry.synonyms;
  return views.filter((v) => v.entry.id !== entry.id
    && v.entry.synonyms.some((s) => mine.some((m) => s.includes(m) || m.includes(s))));
}

/** The places of one province (or of no known province) with catalogued goals: one /goals/places/<slug>/ page. */
export interface GoalRegion {
  /** The province as the plans name it ("上海市"), or "地区不详". */
  name: string;
  /** Its place page's segment ("shanghai"), or "unknown". */
  slug: string;
  places: PlaceGoals[];
  goals: number;
}

/**
 * The place × indicator comparison cut by province: one matrix of every place would grow with the
 * corpus (1.1 MB of HTML at 1,000 plans, of 3,000 counties at national scale); a province's places
 * make a table a reader can scan. Provinces in the order of the places (pinyin), unknown last.
 */
export function goalRegions(index: GoalsIndex, slugOf: (province: string) => string | null): GoalRegion[] {
  const regions = new Map<string, GoalRegion>();
  for (const p of index.places) {
    const name = p.key.split('/')[0] || '地区不详';
    let region = regions.get(name);
    if (!region) regions.set(name, (region = { name, slug: (p.key && slugOf(name)) || 'unknown', places: [], goals: 0 }));
    region.places.push(p);
    region.goals += p.rows.length;
  }
  return [...regions.values()];
}

/**
 * Goals on one page of an indicator's comparison: a goal costs about 1.6 KB of HTML (its chart row
 * and its table row, measured at 1,000 plans), so a page stays near 200 KB.
 */
export const INDICATOR_PAGE_GOALS = 120;

/** An indicator's goals, strictest first, cut into pages (page 1 is /goals/<id>/). */
export function indicatorPages(view: IndicatorView): ListPage<GoalRow>[] {
  return pagesByWeight(view.rows, () => 1, INDICATOR_PAGE_GOALS);
}

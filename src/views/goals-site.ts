/**
 * The goals index for the pages and the data files, built once per site build from the plans
 * (loadSite), the indicator catalogue and the values the updates in content/updates/ report. The computing
 * is in goals.ts; this module only gathers its inputs.
 *
 * The build date decides which goals have passed; set SITE_BUILD_DATE=YYYY-MM-DD to build as of
 * another day (the same variable the participation pages read).
 */
import indicatorsText from '../../content/indicators.yaml?raw';
import { compileCatalogue, parseIndicators } from '../pipeline/enrich/goals-indicators.ts';
import type { IndicatorEntry } from '../schemas/indicators.ts';
import { actualsOf, parseUpdates, type UpdateRecord } from './updates.ts';
import { DataFileError } from '../data/problem.ts';
import { buildGoals, goalRegions, type GoalRegion, type GoalsIndex, type IndicatorView } from './goals.ts';
import { loadSite, type Site } from './site.ts';
import { buildDay } from '../utils/dates.ts';
import { goalPlaceKey } from './places.ts';

const updateFiles = import.meta.glob('../../content/updates/*.md', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export interface GoalsSite {
  index: GoalsIndex;
  site: Site;
  /** Progress updates, newest first (content/updates/). */
  updates: UpdateRecord[];
  catalogue: IndicatorEntry[];
  /** Build day, YYYY-MM-DD (China time). */
  asOf: string;
  themeName: Map<string, string>;
  /** Every catalogue indicator's name by id (an update may report one no plan sets a target for). */
  indicatorName: Map<string, string>;
  /** The place × indicator comparison by province (/goals/places/<slug>/). */
  regions: GoalRegion[];
}

export { buildDay } from '../utils/dates.ts';

let pending: Promise<GoalsSite> | undefined;

export function loadGoals(): Promise<GoalsSite> {
  pending ??= build();
  return pending;
}

async function build(): Promise<GoalsSite> {
  const site = await loadSite();
  const catalogue = parseIndicators(indicatorsText, 'content/indicators.yaml').entries;
  const files = Object.fromEntries(Object.entries(updateFiles).map(([path, text]) => [`content/updates/${path.split('/').at(-1)}`, text]));
  const { updates, problems } = parseUpdates(files, { planSlugs: new Set(site.plans.map((p) => p.slug)), catalogue: compileCatalogue(catalogue) });
  if (problems.some((p) => p.severity === 'error')) throw new DataFileError(problems);
  const actuals = actualsOf(updates);
  const asOf = buildDay();
  const index = buildGoals(site.plans.map((p) => ({
    slug: p.slug,
    title: p.title,
    placePath: p.placePath,
    placeSlug: site.places.byPlan.get(p.slug)?.slug ?? null,
    placeOf: (name: string) => {
      const node = site.places.byGoalPlace.get(goalPlaceKey(p.slug, name));
      return node ? { path: node.path, slug: node.slug } : null;
    },
    goals: p.doc.goals,
    milestones: p.doc.milestones,
  })), { catalogue, actuals, asOfYear: Number(asOf.slice(0, 4)) });
  const known = new Set(site.plans.map((p) => p.placePath.join('/')));
  for (const a of actuals) {
    if (!known.has(a.place)) console.warn(`${a.file}：地区“${a.place}”没有收录的规划，这个实际值暂时不会显示。请核对地区的写法（从上级写到本级，用“/”隔开）。`);
  }
  return {
    index,
    site,
    updates,
    catalogue,
    asOf,
    themeName: new Map(site.themes.map((t) => [t.theme.id, t.theme.name])),
    indicatorName: new Map(catalogue.map((e) => [e.id, e.name])),
    regions: goalRegions(index, (name) => site.places.roots.find((n) => n.name === name)?.slug ?? null),
  };
}

/**
 * The indicators with goals grouped by theme, in the themes file's order (themes without any left
 * out), for /goals/ and the province pages; `keep` narrows them (a province's indicators).
 */
export function indicatorsByTheme(goals: GoalsSite, keep: (view: IndicatorView) => boolean = () => true): { id: string; name: string; indicators: IndicatorView[] }[] {
  return goals.site.themes
    .map(({ theme: { id } }) => ({ id, name: goals.themeName.get(id) ?? id, indicators: goals.index.indicators.filter((v) => v.entry.theme === id && keep(v)) }))
    .filter((t) => t.indicators.length > 0);
}

/** /goals/<indicator id>/ */
export const indicatorHref = (id: string): string => `/goals/${id}/`;
/** /goals/places/<province slug>/ */
export const regionHref = (slug: string): string => `/goals/places/${slug}/`;

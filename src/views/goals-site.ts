/**
 * The goals index for the pages and the data files, built once per site build from the plans
 * (loadSite), the indicator catalogue and the reported values in content/actuals/. The computing
 * is in goals.ts; this module only gathers its inputs.
 *
 * The build date decides which goals have passed; set SITE_BUILD_DATE=YYYY-MM-DD to build as of
 * another day (the same variable the participation pages read).
 */
import indicatorsText from '../../content/indicators.yaml?raw';
import { parseIndicators } from '../pipeline/enrich/goals-indicators.ts';
import type { IndicatorEntry } from '../schemas/indicators.ts';
import { parseActuals } from './actuals.ts';
import { DataFileError } from '../data/problem.ts';
import { buildGoals, type GoalsIndex } from './goals.ts';
import { loadSite, type Site } from './site.ts';
import { goalPlaceKey } from './places.ts';

const actualFiles = import.meta.glob('../../content/actuals/*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export interface GoalsSite {
  index: GoalsIndex;
  site: Site;
  catalogue: IndicatorEntry[];
  /** Build day, YYYY-MM-DD (China time). */
  asOf: string;
  themeName: Map<string, string>;
}

/** Today in China (UTC+8), or SITE_BUILD_DATE. */
export function buildDay(): string {
  const fixed = process.env.SITE_BUILD_DATE;
  if (fixed && /^\d{4}-\d{2}-\d{2}$/.test(fixed)) return fixed;
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

let pending: Promise<GoalsSite> | undefined;

export function loadGoals(): Promise<GoalsSite> {
  pending ??= build();
  return pending;
}

async function build(): Promise<GoalsSite> {
  const site = await loadSite();
  const catalogue = parseIndicators(indicatorsText, 'content/indicators.yaml').entries;
  const files = Object.fromEntries(Object.entries(actualFiles).map(([path, text]) => [`content/actuals/${path.split('/').at(-1)}`, text]));
  const { actuals, problems } = parseActuals(files, catalogue);
  if (problems.length) throw new DataFileError(problems);
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
    catalogue,
    asOf,
    themeName: new Map(site.themes.map((t) => [t.theme.id, t.theme.name])),
  };
}

/** /goals/<indicator id>/ */
export const indicatorHref = (id: string): string => `/goals/${id}/`;

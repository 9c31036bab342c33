/**
 * The main goals of a place, for its participation page and its printable card (issue 8): the
 * goals of its plans that the indicator catalogue (content/indicators.yaml) recognises, one per
 * indicator, taken theme by theme (one air goal, one water goal, one soil goal … then a second
 * round), so that a short list covers the place's main commitments rather than five air figures.
 *
 * Inside a theme, indicators that more plans of the whole site set come first (PM2.5 and surface
 * water quality before a single plan's chemical-oxygen-demand cut): what many plans commit to is
 * what readers compare. Then the catalogue's order.
 *
 * When a place's plans set the same indicator more than once, the latest deadline inside the plan's
 * period wins ("到2020年…40微克/立方米以下" and "到2021年…35微克/立方米" → 2021); a 2035 vision
 * beyond a 2021–2025 plan's period counts only when the period sets none. Every goal keeps its verbatim quote and
 * the link to its clause.
 */
import { goalTarget } from '../pipeline/lexicon.ts';
import type { Comparator, Goal } from '../pipeline/types.ts';

/** The goal fields the card reads: the PlanDocument's Goal without its id. */
export type GoalLike = Omit<Goal, 'id'>;

/** What the card needs from the catalogue: the indicator's name and theme, in catalogue order. */
export interface IndicatorInfo { name: string; theme: string; order: number }

export interface GoalItem {
  indicatorId: string;
  /** The catalogue's name ("细颗粒物（PM2.5）浓度"), else the plan's own wording. */
  name: string;
  /** The target in words: "不高于40μg/m³", "比2015年下降25%以上". */
  target: string;
  year: number | null;
  scope: string | null;
  theme: string | null;
  quote: string;
  href: string;
  planSlug: string;
  planTitle: string;
}

export { goalTarget } from '../pipeline/lexicon.ts';

/** For each indicator id, how many plans set a goal on it. */
export function indicatorUse(plans: readonly { doc: { goals: Pick<GoalLike, 'indicatorId'>[] } }[]): Map<string, number> {
  const use = new Map<string, number>();
  for (const plan of plans) {
    for (const id of new Set(plan.doc.goals.map((g) => g.indicatorId).filter((x): x is string => Boolean(x)))) use.set(id, (use.get(id) ?? 0) + 1);
  }
  return use;
}

interface Candidate { goal: GoalLike; plan: { slug: string; title: string }; info: IndicatorInfo | undefined; planIndex: number; rank: number }

/**
 * Up to `limit` goals, one per indicator, round-robin over themes in `themeOrder`. Only goals the
 * catalogue recognises count: an unrecognised number ("106种监测能力") is no "main goal".
 */
/** Higher is better: deadlines inside the plan's period first, then the later one. */
function deadlineRank(year: number | null, periodEnd: number | null): number {
  if (year === null) return 0;
  return periodEnd !== null && year > periodEnd ? year - 10_000 : year;
}

export function mainGoals(
  plans: readonly { slug: string; title: string; doc: { goals: GoalLike[]; meta?: { period: { from: number; to: number } | null } } }[],
  opts: {
    indicators?: ReadonlyMap<string, IndicatorInfo>;
    themeOrder?: readonly string[];
    /** How many plans of the site set each indicator (see indicatorUse). */
    use?: ReadonlyMap<string, number>;
    limit: number;
  },
): GoalItem[] {
  const best = new Map<string, Candidate>();
  plans.forEach((plan, planIndex) => {
    for (const goal of plan.doc.goals) {
      if (!goal.indicatorId) continue;
      const info = opts.indicators?.get(goal.indicatorId);
      const current = best.get(goal.indicatorId);
      const rank = deadlineRank(goal.year, plan.doc.meta?.period?.to ?? null);
      // At equal rank the first goal found (plan order, then text order).
      if (!current || rank > current.rank) best.set(goal.indicatorId, { goal, plan, info, planIndex, rank });
    }
  });
  const themeRank = (t: string | null | undefined) => {
    const i = t ? (opts.themeOrder ?? []).indexOf(t) : -1;
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  const queues = new Map<string, Candidate[]>();
  const used = (c: Candidate) => opts.use?.get(c.goal.indicatorId!) ?? 0;
  const candidates = [...best.values()].sort((a, b) => used(b) - used(a) || (a.info?.order ?? 1e9) - (b.info?.order ?? 1e9) || a.planIndex - b.planIndex);
  for (const c of candidates) {
    const theme = c.info?.theme ?? c.goal.theme ?? '';
    queues.set(theme, [...(queues.get(theme) ?? []), c]);
  }
  const themes = [...queues.keys()].sort((a, b) => themeRank(a) - themeRank(b));
  const picked: Candidate[] = [];
  for (let round = 0; picked.length < opts.limit; round++) {
    const before = picked.length;
    for (const t of themes) {
      const c = queues.get(t)![round];
      if (c && picked.length < opts.limit) picked.push(c);
    }
    if (picked.length === before) break;
  }
  return picked.map(({ goal, plan, info }) => ({
    indicatorId: goal.indicatorId!,
    name: info?.name ?? goal.indicator,
    target: goalTarget(goal),
    year: goal.year,
    scope: goal.scope,
    theme: info?.theme ?? goal.theme,
    quote: goal.quote,
    href: `/plans/${plan.slug}/#${goal.blockId}`,
    planSlug: plan.slug,
    planTitle: plan.title,
  }));
}

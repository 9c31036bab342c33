/**
 * The entries of the site's feeds, gathered once per build from the plans (with their histories)
 * and the updates: all of them for /feed.xml, a place's (its plans and those of the places under
 * it, and the updates about them) and a theme's (the plans carrying it and the updates on them).
 */
import { loadGoals } from './goals-site.ts';
import { allPlans, type PlaceNode } from './places.ts';
import type { ThemeView } from './themes.ts';
import { planEntries, updateEntry, type FeedEntry } from './feeds.ts';

export interface SiteFeeds {
  all: FeedEntry[];
  forPlace: (node: PlaceNode) => FeedEntry[];
  forTheme: (view: ThemeView) => FeedEntry[];
}

let pending: Promise<SiteFeeds> | undefined;

export function loadFeeds(): Promise<SiteFeeds> {
  pending ??= build();
  return pending;
}

async function build(): Promise<SiteFeeds> {
  const { site, updates, indicatorName } = await loadGoals();
  const all = [...site.plans.flatMap(planEntries), ...updates.map((u) => updateEntry(u, indicatorName))];
  const within = (path: readonly string[], place: readonly string[]) => path.length <= place.length && path.every((n, i) => place[i] === n);
  return {
    all,
    forPlace: (node) => {
      const plans = new Set(allPlans(node).map((p) => p.slug));
      // As the place page lists them: its plans' entries, and updates about it or on its plans.
      return all.filter((e) => (e.plan !== null && plans.has(e.plan)) || (e.kind === 'update' && within(node.path, e.place)));
    },
    forTheme: (view) => {
      const plans = new Set(view.plans.map((m) => m.plan.slug));
      return all.filter((e) => e.plan !== null && plans.has(e.plan));
    },
  };
}

/**
 * Themes across plans, computed at build time: for each theme of content/themes.yaml, every
 * section of every plan that carries it (nested as in the plan, grouped by place), and for each
 * themed section of a plan the matching sections of the other plans ("同一主题的其他规划").
 *
 * A section is a theme's *root* in its plan when its parent section does not carry the theme:
 * the plan page shows the theme's tag and the cross-links there, once, not again on each
 * sub-section that inherits the theme from it.
 */
import type { ThemeReason } from '../pipeline/types.ts';
import { blockCount, excerpt, firstText, hasHeading, headingPath, isPlanText, sectionLabel, walk, type Section } from './outline.ts';
import { allPlans, type PlaceIndex, type PlaceNode } from './places.ts';
import { byNewest, type PlanRecord } from './plans.ts';
import { pagesByWeight, type ListPage } from './paging.ts';

export interface ThemeInfo {
  id: string;
  name: string;
  battle: boolean;
  short: string;
  description: string;
}

export interface ThemeHit {
  sectionId: string;
  /** The heading as printed, or a description of an unheaded stretch. */
  label: string;
  /** Headings from the top of the plan down to this section. */
  path: string[];
  excerpt: string | null;
  /** Blocks in the section and below. */
  blocks: number;
  /** The section's own heading names the theme. */
  namedByHeading: boolean;
  /** Why: the reason recorded by the classifier. */
  why: ThemeReason | null;
  /** Sub-sections carrying the same theme, nested as in the plan. */
  children: ThemeHit[];
}

export interface PlanMatches {
  plan: PlanRecord;
  /** Outermost matching sections, each with the matching sections under it. */
  hits: ThemeHit[];
  /** All matching sections, nested ones included. */
  count: number;
  /** Where a cross-link into this plan goes: the hit whose heading names the theme, else the largest. */
  best: ThemeHit;
}

export interface PlaceGroup {
  place: PlaceNode | null;
  /** "上海市 › 崇明区", or "地区不详". */
  label: string;
  plans: PlanMatches[];
  /** The group began on the page before (a place's plans can run over a page break). */
  continued?: boolean;
}

export interface ThemeView {
  theme: ThemeInfo;
  plans: PlanMatches[];
  groups: PlaceGroup[];
  /** The groups cut into pages of about THEME_PAGE_SECTIONS sections (paging.ts); page 1 is /themes/<id>/. */
  pages: ListPage<PlaceGroup>[];
  sectionCount: number;
}

/** At most this many other plans are listed under a section; the theme page lists them all. */
export const CROSS_LINK_LIMIT = 30;

/**
 * Sections listed on one page of a theme. A listed section costs about 420 bytes of HTML
 * (measured at 1,000 plans: 6,700 sections in 2.8 MB), so a page stays near 200 KB however
 * large the corpus; a plan's sections are never split between pages.
 */
export const THEME_PAGE_SECTIONS = 400;

export function buildThemes(plans: PlanRecord[], themes: ThemeInfo[], places: PlaceIndex): ThemeView[] {
  return themes.map((theme) => {
    const matches = plans.map((plan) => matchesIn(plan, theme.id)).filter((m): m is PlanMatches => m !== null);
    const groups = groupByPlace(matches, places);
    return {
      theme,
      plans: matches,
      groups,
      pages: pageGroups(groups),
      sectionCount: matches.reduce((n, m) => n + m.count, 0),
    };
  });
}

function matchesIn(plan: PlanRecord, themeId: string): PlanMatches | null {
  const hits: ThemeHit[] = [];
  const open = new Map<Section, ThemeHit>();
  let count = 0;
  for (const visit of walk(plan.doc.sections)) {
    const s = visit.section;
    if (!isPlanText(s) || !s.themes.includes(themeId)) continue;
    const why = s.themeWhy?.find((w) => w.theme === themeId) ?? null;
    const label = sectionLabel(s) || '（开头部分，无标题）';
    const hit: ThemeHit = {
      sectionId: s.id,
      label,
      path: headingPath(visit),
      excerpt: excerpt(firstText(s), 60, s.heading),
      blocks: blockCount(s),
      namedByHeading: hasHeading(s) && why?.by === 'heading' && why.evidence.includes(sectionLabel(s)),
      why,
      children: [],
    };
    count++;
    const holder = [...visit.ancestors].reverse().find((a) => open.has(a));
    (holder ? open.get(holder)!.children : hits).push(hit);
    open.set(s, hit);
  }
  if (!hits.length) return null;
  const best = [...hits].sort((a, b) => Number(b.namedByHeading) - Number(a.namedByHeading) || b.blocks - a.blocks)[0]!;
  return { plan, hits, count, best };
}

function groupByPlace(matches: PlanMatches[], places: PlaceIndex): PlaceGroup[] {
  const groups = new Map<PlaceNode | null, PlanMatches[]>();
  for (const m of matches) {
    const place = places.byPlan.get(m.plan.slug) ?? null;
    groups.set(place, [...(groups.get(place) ?? []), m]);
  }
  // Places in the order of the place tree (largest first), unknown last.
  const order: (PlaceNode | null)[] = [];
  const visit = (nodes: PlaceNode[]) => nodes.forEach((n) => { order.push(n); visit(n.children); });
  visit(places.roots);
  order.push(null);
  return order.filter((p) => groups.has(p)).map((place) => ({
    place,
    label: place ? place.path.join(' › ') : '地区不详',
    plans: groups.get(place)!.sort((a, b) => byNewest(a.plan, b.plan)),
  }));
}

/** Place groups cut into pages by the sections they list; a group cut by a page break goes on, marked, on the next. */
function pageGroups(groups: PlaceGroup[]): ListPage<PlaceGroup>[] {
  const entries = groups.flatMap((group) => group.plans.map((plan) => ({ group, plan })));
  return pagesByWeight(entries, (e) => e.plan.count + 1, THEME_PAGE_SECTIONS).map((page) => {
    const out: PlaceGroup[] = [];
    for (const [i, { group, plan }] of page.items.entries()) {
      const last = out.at(-1);
      if (last && i > 0 && page.items[i - 1]!.group === group) last.plans.push(plan);
      else out.push({ place: group.place, label: group.label, plans: [plan], ...(plan !== group.plans[0] ? { continued: true } : {}) });
    }
    return { ...page, items: out };
  });
}

/** A theme as pages name it: a battle with 保卫战 ("蓝天保卫战"), other themes by their name. */
export const themeTitle = (theme: Pick<ThemeInfo, 'name' | 'battle'>): string => (theme.battle ? `${theme.name}保卫战` : theme.name);

/** The sections where a plan shows a theme's tag and cross-links: section id → theme ids. */
export function themeRoots(sections: Section[]): Map<string, string[]> {
  const roots = new Map<string, string[]>();
  for (const { section, ancestors } of walk(sections)) {
    if (!isPlanText(section)) continue;
    // A notice or signature above is not shown on the theme pages (buildThemes skips it), so its
    // themes do not count as inherited: the plan text below it is where the tag must land.
    const parent = ancestors.at(-1);
    const inherited = parent && isPlanText(parent) ? parent.themes : [];
    const fresh = section.themes.filter((t) => !inherited.includes(t));
    if (fresh.length) roots.set(section.id, fresh);
  }
  return roots;
}

export interface CrossLink {
  plan: PlanRecord;
  target: ThemeHit;
  /** How many sections of that plan carry the theme. */
  count: number;
}

export interface CrossLinks {
  theme: ThemeInfo;
  links: CrossLink[];
  /** Other plans with the theme (links may stop at CROSS_LINK_LIMIT). */
  total: number;
}

/**
 * The other plans that carry the view's theme, nearest place first (same place, then same city,
 * same province …), newer plans first within the same distance.
 */
export function crossLinks(view: ThemeView, from: PlanRecord): CrossLinks {
  // Nearest first: the plans sharing all of `from`'s place path, then all but its last place, and
  // so on up to the whole country; each group newest first (its index list is). A plan sharing
  // more was taken at an earlier depth, so it is skipped when a shorter prefix lists it again.
  const index = crossIndex(view);
  const taken = new Set([from.slug]);
  const links: CrossLink[] = [];
  for (let depth = from.placePath.length; depth >= 0 && links.length < CROSS_LINK_LIMIT; depth--) {
    for (const m of index.byPrefix.get(prefixKey(from.placePath, depth)) ?? []) {
      if (taken.has(m.plan.slug)) continue;
      taken.add(m.plan.slug);
      links.push({ plan: m.plan, target: m.best, count: m.count });
      if (links.length === CROSS_LINK_LIMIT) break;
    }
  }
  return { theme: view.theme, links, total: view.plans.length - (index.bySlug.has(from.slug) ? 1 : 0) };
}

/** The match of one plan in a theme view, if the plan carries the theme. */
export function themeMatchOf(view: ThemeView, slug: string): PlanMatches | undefined {
  return crossIndex(view).bySlug.get(slug);
}

/**
 * A view's plans by slug and by every prefix of their place path (newest first), built once per
 * view: every plan page asks for the nearest plans of each of its themes, and sorting all of a
 * theme's plans for each page made the build grow with the square of the plans: Astro's step took
 * 111 ms per plan at 10,000 plans against 29 ms at 1,000, and 29 ms again with this index.
 */
interface CrossIndex {
  bySlug: Map<string, PlanMatches>;
  byPrefix: Map<string, PlanMatches[]>;
}

const crossIndexes = new WeakMap<ThemeView, CrossIndex>();
const prefixKey = (path: string[], depth: number) => path.slice(0, depth).join('\u0000');

function crossIndex(view: ThemeView): CrossIndex {
  let index = crossIndexes.get(view);
  if (index) return index;
  index = { bySlug: new Map(), byPrefix: new Map() };
  for (const m of [...view.plans].sort((a, b) => byNewest(a.plan, b.plan))) {
    index.bySlug.set(m.plan.slug, m);
    for (let depth = 0; depth <= m.plan.placePath.length; depth++) {
      const key = prefixKey(m.plan.placePath, depth);
      const list = index.byPrefix.get(key);
      if (list) list.push(m);
      else index.byPrefix.set(key, [m]);
    }
  }
  crossIndexes.set(view, index);
  return index;
}

/** Plans of a place (and below) that carry each theme: for the place pages. */
export function themesOfPlace(node: PlaceNode, views: ThemeView[]): { theme: ThemeInfo; plans: number }[] {
  const slugs = new Set(allPlans(node).map((p) => p.slug));
  return views
    .map((v) => ({ theme: v.theme, plans: v.plans.filter((m) => slugs.has(m.plan.slug)).length }))
    .filter((x) => x.plans > 0);
}

/** A reader's sentence for why a section carries a theme. */
export function whyText(why: ThemeReason | null | undefined): string | null {
  if (!why) return null;
  const words = why.evidence.slice(0, 6);
  return why.by === 'heading'
    ? `标题点明：${words.map((w) => `“${w}”`).join('、')}`
    : `正文用词：${words.join('、')}`;
}

/**
 * The plan index at build time: one record per published plan (its page front matter and its
 * document), the facets the plan list filters by (level, kind, year) and the orders it sorts by.
 * Filters are pre-rendered pages, one per value (/plans/kind/规划/), so the list works without
 * JavaScript on a static host.
 */
import type { PlanDocument } from '../schemas/plan-document.ts';
import type { PlanHistory } from '../schemas/plan-history.ts';
import type { PlanPage } from '../schemas/plan-page.ts';
import { displayTitle } from '../utils/plan-labels.ts';
import { comparePlacePaths, placePath } from '../pipeline/text/place-names.ts';
import { pagesByWeight, type ListPage } from './paging.ts';

export interface PlanRecord {
  slug: string;
  page: PlanPage;
  doc: PlanDocument;
  /** The title to show (a fragment without title gets a plain description). */
  title: string;
  /** Place names outermost first: ["上海市", "宝山区", "友谊路街道"]; [] when the text names none. */
  placePath: string[];
  year: number | null;
  level: string | null;
  kind: string | null;
  /** The versions of its text and what the newest changed (content/plan-history/<slug>.json). */
  history: PlanHistory;
}

export function planRecord(page: PlanPage, doc: PlanDocument, history: PlanHistory): PlanRecord {
  const j = page.jurisdiction;
  return {
    slug: page.slug,
    page,
    doc,
    title: displayTitle(page),
    placePath: placePath(j),
    year: page.issued ? Number(page.issued.slice(0, 4)) : null,
    level: j?.level ?? null,
    kind: page.kind,
    history,
  };
}

/**
 * The title without its issuer, for lists where the place is already named: "上海市人民政府办公厅
 * 关于全面加强建筑垃圾管理的实施意见" → "全面加强建筑垃圾管理的实施意见". A substring of the title,
 * never a rewording; the whole title when "关于" is not followed by enough words.
 */
export function shortTitle(p: PlanRecord): string {
  const at = p.title.indexOf('关于');
  const rest = at >= 0 ? p.title.slice(at + 2) : '';
  return rest.length >= 6 ? rest : p.title;
}

/** Newest first; undated plans last, then by title. */
export function byNewest(a: PlanRecord, b: PlanRecord): number {
  return (b.page.issued ?? '').localeCompare(a.page.issued ?? '') || a.title.localeCompare(b.title, 'zh-CN');
}

export function byOldest(a: PlanRecord, b: PlanRecord): number {
  if (!a.page.issued !== !b.page.issued) return a.page.issued ? -1 : 1;
  return (a.page.issued ?? '').localeCompare(b.page.issued ?? '') || a.title.localeCompare(b.title, 'zh-CN');
}

export function byTitle(a: PlanRecord, b: PlanRecord): number {
  return a.title.localeCompare(b.title, 'zh-CN');
}

/** By place path (province, city, …), plans without a place last; newest first within a place. */
export function byPlace(a: PlanRecord, b: PlanRecord): number {
  if (!a.placePath.length !== !b.placePath.length) return a.placePath.length ? -1 : 1;
  return comparePlacePaths(a.placePath, b.placePath) || byNewest(a, b);
}

/** The orders the list offers, each a pre-rendered page; the first is /plans/ itself. */
export const ORDERS = [
  { id: 'newest', label: '最新发布在前', compare: byNewest },
  { id: 'oldest', label: '最早发布在前', compare: byOldest },
  { id: 'place', label: '按地区', compare: byPlace },
  { id: 'title', label: '按标题', compare: byTitle },
] as const;

export type FacetId = 'level' | 'kind' | 'year';

export const FACETS: { id: FacetId; label: string; valueOf: (p: PlanRecord) => string | null }[] = [
  { id: 'level', label: '级别', valueOf: (p) => p.level },
  { id: 'kind', label: '文件类型', valueOf: (p) => p.kind },
  { id: 'year', label: '发布年份', valueOf: (p) => (p.year ? String(p.year) : null) },
];

export interface FacetValue { value: string; count: number }

/** Each facet's values with how many plans have them; years newest first, others by count. */
export function facetValues(plans: PlanRecord[]): Record<FacetId, FacetValue[]> {
  const out = {} as Record<FacetId, FacetValue[]>;
  for (const facet of FACETS) {
    const counts = new Map<string, number>();
    for (const p of plans) {
      const v = facet.valueOf(p);
      if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    const values = [...counts].map(([value, count]) => ({ value, count }));
    values.sort(facet.id === 'year'
      ? (a, b) => b.value.localeCompare(a.value)
      : (a, b) => b.count - a.count || a.value.localeCompare(b.value, 'zh-CN'));
    out[facet.id] = values;
  }
  return out;
}

/** URL of a facet value's page; values are written as printed (Chinese is fine in a path). */
export const facetHref = (facet: FacetId, value: string): string => `/plans/${facet}/${encodeURIComponent(value)}/`;
export const orderHref = (order: string): string => (order === 'newest' ? '/plans/' : `/plans/sort/${order}/`);

/**
 * Plans on one page of /plans/ and of its sort and filter pages: an entry is about 220 bytes of
 * HTML, so a page stays near 110 KB; at 10,000 plans the list has 20 pages, not one of 2 MB.
 */
export const PLAN_LIST_PAGE = 500;

/** One of the plan list's pre-rendered views: an order ("sort", "oldest") or a filter ("kind", "规划"). */
export interface PlanListing {
  facet: 'sort' | FacetId;
  value: string;
  order: (typeof ORDERS)[number];
  filter: (typeof FACETS)[number] | undefined;
  plans: PlanRecord[];
  pages: ListPage<PlanRecord>[];
  /** The list's name: 全部规划, 全部规划（最早发布在前）, 文件类型：规划. */
  title: string;
  /** Page 1's address (/plans/, /plans/sort/oldest/, /plans/kind/规划/). */
  first: string;
  /** Where pages 2, 3 … live: <base><n>/ (page 2 of /plans/ is /plans/sort/newest/2/). */
  base: string;
}

export function planListing(all: readonly PlanRecord[], facet: 'sort' | FacetId, value: string): PlanListing {
  const order = facet === 'sort' ? ORDERS.find((o) => o.id === value) ?? ORDERS[0] : ORDERS[0];
  const filter = FACETS.find((f) => f.id === facet);
  const plans = (filter ? all.filter((p) => filter.valueOf(p) === value) : [...all]).sort(order.compare);
  return {
    facet, value, order, filter, plans,
    title: filter ? `${filter.label}：${value}` : order.id === 'newest' ? '全部规划' : `全部规划（${order.label}）`,
    pages: pagesByWeight(plans, () => 1, PLAN_LIST_PAGE),
    first: filter ? facetHref(filter.id, value) : orderHref(order.id),
    base: `/plans/${facet}/${encodeURIComponent(value)}/`,
  };
}

/** Every listing the site pre-renders: the orders (newest is /plans/ itself) and each facet value. */
export function planListings(all: readonly PlanRecord[]): PlanListing[] {
  const values = facetValues([...all]);
  return [
    ...ORDERS.map((o) => planListing(all, 'sort', o.id)),
    ...FACETS.flatMap((f) => values[f.id].map((v) => planListing(all, f.id, v.value))),
  ];
}

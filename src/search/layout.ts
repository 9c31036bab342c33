/**
 * Where the search files live in the built site, shared by the indexer and the browser.
 *
 *   /pagefind/                  router bundle 0 (with pagefind.js and the WebAssembly)
 *   /pagefind/r/<r>/            router bundles 1…: one record per plan, merged at start
 *   /pagefind/s/<g>/            section bundles: one record per section of the plans in group g
 *   /search-data/manifest.json  sizes and version (below)
 *   /search-data/p/<n>.json     plan card: title, place, its sections' anchors and heading paths
 *   /search-data/t/<g>.bin      the text packs (sections' texts, for excerpts) of the plans in group
 *                               g, each gzipped, one after the other; a plan's card says where each
 *                               of its packs lies (read by range)
 *   /search-data/slug/<h>.json  { slug: n }: plan numbers, for links that name a plan, in 256
 *                               shards by a hash of the slug (slugShard), so the file count does not
 *                               grow with the corpus
 *
 * Why two kinds of bundle: every Pagefind bundle loads a metadata file of about 7 bytes per
 * record before it can search, so one bundle of all sections (about 25 per plan) costs ~180 KB
 * at 1,000 plans before the first result. The routers hold one light record per plan (each
 * distinct bigram once, no positions) and tell which plans can contain the query; only the
 * section bundles of the plans on the page being shown are then fetched and merged.
 */

export const ROUTER_BASE = '/pagefind/';
export const routerPath = (r: number): string => (r === 0 ? ROUTER_BASE : `${ROUTER_BASE}r/${r}/`);
export const groupBundlePath = (g: number): string => `${ROUTER_BASE}s/${g}/`;
export const DATA_BASE = '/search-data/';
export const manifestPath = `${DATA_BASE}manifest.json`;
export const planCardPath = (n: number): string => `${DATA_BASE}p/${n}.json`;
export const textFilePath = (group: number): string => `${DATA_BASE}t/${group}.bin`;
export const slugPath = (slug: string): string => `${DATA_BASE}slug/${slugShard(slug)}.json`;

/** The shard of a slug: FNV-1a of its UTF-16 code units, low byte, as two hex digits. */
export function slugShard(slug: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < slug.length; i++) {
    h ^= slug.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return (h & 0xff).toString(16).padStart(2, '0');
}

/** Filter names in the bundles. `p` and `s` identify records; the others are the reader's. */
export const FILTER_PLAN = 'p';
export const FILTER_SECTION = 's';
export const READER_FILTERS = ['place', 'level', 'kind', 'year', 'theme'] as const;
export type ReaderFilter = (typeof READER_FILTERS)[number];

export interface Manifest {
  /** Changes whenever the index changes; appended to data URLs so caches never mix builds. */
  version: string;
  plans: number;
  sections: number;
  /** Number of router bundles (plans n belong to router floor(n / routerPlans)). */
  routers: number;
  routerPlans: number;
  /** Plans per section bundle: plan n is in group floor(n / groupPlans). */
  groupPlans: number;
}

/**
 * A plan card. Sections are in document order as [anchor, keep, headings, text pack]: the
 * section's heading path is the previous section's path cut to `keep` headings, then `headings`
 * (front coding: paths repeat their parents' headings, the card would be three times larger).
 */
export interface PlanCard {
  slug: string;
  title: string;
  place: string[];
  secs: [id: string, keep: number, headings: string[], pack: number][];
  /** Where text pack k lies in its group's text file: [offset, length] of its gzipped JSON. */
  texts: [offset: number, length: number][];
}

/** Heading paths of a card's sections, decoded. */
export function cardPaths(card: PlanCard): string[][] {
  const out: string[][] = [];
  let path: string[] = [];
  for (const [, keep, headings] of card.secs) {
    path = [...path.slice(0, keep), ...headings];
    out.push(path);
  }
  return out;
}

/** Front-codes heading paths for a card (inverse of cardPaths). */
export function encodePaths(paths: readonly (readonly string[])[]): [keep: number, headings: string[]][] {
  let prev: readonly string[] = [];
  return paths.map((path) => {
    let keep = 0;
    while (keep < prev.length && keep < path.length && prev[keep] === path[keep]) keep++;
    prev = path;
    return [keep, path.slice(keep)];
  });
}

/** A text pack: section key (`<n>.<i>`) → the section's texts (heading line, then blocks). */
export type TextPack = Record<string, string[]>;

export const sectionKey = (n: number, i: number): string => `${n}.${i}`;

/**
 * The search in the browser: asks Pagefind's routers which plans can contain the query, merges the
 * section bundles of the plans on the page being shown, asks them which sections contain it, and
 * reads the clauses' texts for excerpts. Loaded by the search page only when a search starts.
 *
 * Pagefind is driven through its JavaScript API (/pagefind/pagefind.js): options, init,
 * mergeIndex, filters, search. Every query is a quoted phrase of bigrams (tokens.ts), so results
 * come back unranked; they are identified by their filter values (p = plan, s = section) and
 * ordered by plan (place, newest first) and by position in the plan.
 */
import type { Term } from './query.ts';
import { isExact, matchesAll } from './query.ts';
import { fold } from './fold.ts';
import {
  cardPaths, FILTER_PLAN, FILTER_SECTION, groupBundlePath, manifestPath, planCardPath, ROUTER_BASE,
  routerPath, sectionKey, slugPath, textFilePath,
  type Manifest, type PlanCard, type ReaderFilter, type TextPack,
} from './layout.ts';
import { FetchStatusError, packedFetch, rangeReader } from './pack.ts';

type Counts = Record<string, Record<string, number>>;
interface PagefindResponse { results: unknown[]; filters: Counts }
interface PagefindApi {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(path: string, o?: Record<string, unknown>): Promise<void>;
  search(term: string, o?: { filters?: Record<string, unknown> }): Promise<PagefindResponse | null>;
}

export const PLANS_PER_PAGE = 10;
/** Section bundles merged at a time when many are needed (&all=1). */
const MERGE_BATCH = 16;
/** Beyond this many merged section bundles, a new search starts with a fresh Pagefind. */
const MAX_MERGED = 40;

/** Downloads of index files that failed, counted so that a search can tell (see `step`). */
let fetchFailures = 0;
let watching = false;
function watchFetches(): void {
  if (watching || typeof globalThis.fetch !== 'function') return;
  watching = true;
  // Chunk files are packed one file per bundle and read by range (pack.ts).
  const original = packedFetch(globalThis.fetch.bind(globalThis));
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const ours = url.includes(ROUTER_BASE);
    try {
      const res = await original(input, init);
      if (ours && !res.ok) fetchFailures++;
      return res;
    } catch (error) {
      if (ours) fetchFailures++;
      throw error;
    }
  };
}

export interface SectionHit {
  key: string;
  id: string;
  path: string[];
  url: string;
  /** The section's texts, loaded for the clauses shown with an excerpt. */
  texts?: string[];
}

export interface PlanHit {
  n: number;
  slug: string;
  title: string;
  place: string[];
  sections: SectionHit[];
}

export interface SearchOptions {
  filters: Partial<Record<ReaderFilter, string>>;
  /** 1-based page of plans; ignored when `all`. */
  page: number;
  all: boolean;
  /** Only this plan (its slug). */
  plan?: string;
  /** Clauses per plan that get an excerpt (the others are listed as links); Infinity for all. */
  excerpts: number;
}

export interface SearchOutcome {
  /** Plans the routers found (every word's bigrams occur in them). */
  candidates: number;
  /** True when `candidates` is exactly the number of plans with a matching clause. */
  candidatesExact: boolean;
  page: number;
  pages: number;
  plans: PlanHit[];
  /** Matching clauses in the plans of this page (all plans when `all`). */
  sections: number;
}

/** Where the files are: '' in the page (same origin); a server's origin in Node tests. */
export interface EngineEnv {
  origin?: string;
  /** Loads Pagefind's API; the page imports /pagefind/pagefind.js. */
  loadPagefind?: (url: string) => Promise<PagefindApi>;
}

export class SearchEngine {
  private readonly origin: string;
  private readonly loadPagefind: (url: string) => Promise<PagefindApi>;
  private api?: PagefindApi;
  private manifest?: Manifest;
  private starting?: Promise<void>;
  private readonly merged = new Map<number, Promise<void>>();
  private readonly cards = new Map<number, Promise<PlanCard>>();
  private readonly packs = new Map<string, Promise<TextPack>>();

  constructor(env: EngineEnv = {}) {
    this.origin = env.origin ?? '';
    this.loadPagefind = env.loadPagefind ?? ((url) => import(/* @vite-ignore */ url) as Promise<PagefindApi>);
    watchFetches();
  }

  /** Loads pagefind.js, the routers and their filters; safe to call more than once. */
  start(): Promise<void> {
    this.starting ??= this.load();
    return this.starting;
  }

  private async load(): Promise<void> {
    // The manifest is revalidated every time: it names the build the other files belong to.
    const [manifest, api] = await Promise.all([
      getJson<Manifest>(this.origin + manifestPath, { cache: 'no-cache' }),
      this.loadPagefind(`${this.origin}${ROUTER_BASE}pagefind.js`),
    ]);
    this.manifest = manifest;
    // No worker: measured faster for these small indexes, and one less file to fetch.
    await api.options({ noWorker: true, basePath: this.origin + ROUTER_BASE, excerptLength: 0 });
    // Pagefind takes the query's language from <html lang> when it starts. With "zh-CN" it would
    // cut the query into words with Intl.Segmenter and break the bigram phrases; the index is
    // language-neutral ("und"), so it starts under "und" and the page's language is put back.
    const html = typeof document === 'undefined' ? null : document.documentElement;
    const lang = html?.getAttribute('lang');
    html?.setAttribute('lang', 'und');
    let started: Promise<void>;
    try {
      started = api.init();
    } finally {
      if (html && lang) html.setAttribute('lang', lang);
    }
    await started;
    await Promise.all(Array.from({ length: manifest.routers - 1 }, (_, i) => api.mergeIndex(this.origin + routerPath(i + 1))));
    this.api = api;
  }

  async search(terms: readonly Term[], options: SearchOptions): Promise<SearchOutcome> {
    try {
      return await this.run(terms, options);
    } catch (error) {
      // A bundle that failed to load stays broken inside Pagefind: start afresh next time.
      await this.reset();
      throw error;
    }
  }

  private async reset(): Promise<void> {
    const api = this.api as (PagefindApi & { destroy?: () => Promise<void> }) | undefined;
    this.api = undefined;
    this.starting = undefined;
    this.merged.clear();
    await api?.destroy?.().catch(() => undefined);
  }

  /**
   * Runs one step of the search; Pagefind swallows a failed index download (that word is then
   * simply not found), so a step during which a download failed is run again (Pagefind fetches
   * the file anew), and fails loudly the second time rather than return incomplete results.
   */
  private async step<T>(run: () => Promise<T>): Promise<T> {
    const before = fetchFailures;
    const first = await run();
    if (fetchFailures === before) return first;
    const again = fetchFailures;
    const second = await run();
    if (fetchFailures !== again) throw new Error('部分索引文件没有下载成功');
    return second;
  }

  private async run(terms: readonly Term[], options: SearchOptions): Promise<SearchOutcome> {
    // After a long listing (&all=1) every bundle it merged would be searched again for each new
    // query; starting afresh is faster than that.
    if (this.merged.size > MAX_MERGED) await this.reset();
    await this.start();
    mark('search-ready');
    const filters = readerFilters(options.filters);
    // Results are told apart by their p (plan) or s (section) filter value. Naming the filter in
    // the query makes Pagefind load just that filter's file; "none of '-'" keeps every record.
    const routerFilters = { ...filters, [FILTER_PLAN]: { none: '-' } };
    const sectionFilters = { ...filters, [FILTER_SECTION]: { none: '-' } };

    // 1. Plans that can contain the words. The routers hold each plan's bigrams once, so a plan
    //    is a candidate when it has every bigram of a word. One plain (unquoted) query of a
    //    word's bigrams asks for all of them at once, but Pagefind silently drops a word that no
    //    plan has; so when the plans found hold no clause, the bigrams are asked one by one
    //    (quoted), which is exact, to tell "no result" from a page of near misses.
    let candidates = await this.candidates(terms, routerFilters, false);
    mark('search-routed');
    let resolved = await this.resolve(terms, candidates, options, sectionFilters);
    if (resolved.keys.size === 0 && candidates.length > 0) {
      const exact = await this.candidates(terms, routerFilters, true);
      if (exact.length !== candidates.length) {
        candidates = exact;
        resolved = await this.resolve(terms, candidates, options, sectionFilters);
      }
    }
    mark('search-sections');
    const { keys, shown, page, pages } = resolved;
    const candidatesExact = terms.length === 1 && terms[0]!.variants.every((v) => v.exact && v.phrases.length === 1 && v.phrases[0]!.length === 1);

    // 3. Cards (titles, anchors, heading paths) of the plans with clauses, in order.
    const withHits = shown.filter((n) => [...keys].some((k) => k.startsWith(`${n}.`)));
    const cards = await Promise.all(withHits.map((n) => this.card(n)));
    const plans: PlanHit[] = [];
    withHits.forEach((n, j) => {
      const card = cards[j]!;
      const paths = cardPaths(card);
      const sections: SectionHit[] = [];
      card.secs.forEach(([id], i) => {
        const key = sectionKey(n, i);
        if (keys.has(key)) sections.push({ key, id, path: paths[i]!, url: `/plans/${card.slug}/#${id}` });
      });
      if (sections.length) plans.push({ n, slug: card.slug, title: card.title, place: card.place, sections });
    });

    // 4. Words with punctuation inside ("（一）", a quoted phrase with a space) are checked on the
    //    text itself; then the excerpts' texts.
    if (!isExact(terms)) {
      for (const p of plans) {
        await this.loadTexts(p, Infinity);
        p.sections = p.sections.filter((s) => s.texts && matchesAll(fold(s.texts.join('\n')), terms));
      }
      const kept = plans.filter((p) => p.sections.length > 0);
      plans.splice(0, plans.length, ...kept);
    }
    if (options.excerpts > 0) await Promise.all(plans.map((p) => this.loadTexts(p, options.excerpts)));
    const sections = plans.reduce((sum, p) => sum + p.sections.length, 0);
    return { candidates: candidates.length, candidatesExact, page, pages, plans, sections };
  }

  /** Plan numbers that can hold the query, in order; see `run`. */
  private async candidates(terms: readonly Term[], filters: Record<string, unknown>, exact: boolean): Promise<number[]> {
    const api = this.api!;
    const plansOf = (q: string): Promise<Set<string>> =>
      api.search(q, { filters }).then((r) => positive(r, FILTER_PLAN));
    const sets = await this.step(async () => {
      const asked = new Map<string, Promise<Set<string>>>();
      const ask = (q: string) => {
        if (!asked.has(q)) asked.set(q, plansOf(q));
        return asked.get(q)!;
      };
      return Promise.all(terms.map(async (t) => union(await Promise.all(t.variants.map(async (v) => {
        const tokens = [...new Set(v.phrases.flat())];
        return exact ? intersect(await Promise.all(tokens.map((tok) => ask(`"${tok}"`)))) : ask(tokens.join(' '));
      })))));
    });
    return [...intersect(sets)].map(Number).sort((a, b) => a - b);
  }

  /**
   * The page of candidate plans to show and, in them, the sections holding every word: their
   * groups' bundles are merged (a batch at a time when many are needed, so the browser is never
   * asked for thousands of files at once), then each run of each word is one phrase query.
   */
  private async resolve(terms: readonly Term[], all: number[], options: SearchOptions, filters: Record<string, unknown>):
    Promise<{ keys: Set<string>; shown: number[]; page: number; pages: number }> {
    const api = this.api!;
    let candidates = all;
    if (options.plan !== undefined) {
      const shard = await getJson<Record<string, number>>(`${this.origin}${slugPath(options.plan)}?v=${this.manifest!.version}`).catch(() => null);
      const only = shard?.[options.plan];
      candidates = only !== undefined ? all.filter((n) => n === only) : [];
    }
    const pages = Math.max(1, Math.ceil(candidates.length / PLANS_PER_PAGE));
    const page = Math.min(Math.max(1, options.page), pages);
    const shown = options.all ? candidates : candidates.slice((page - 1) * PLANS_PER_PAGE, page * PLANS_PER_PAGE);
    const groups = [...new Set(shown.map((n) => Math.floor(n / this.manifest!.groupPlans)))];
    // The plans' cards are fetched meanwhile (they do not depend on the sections found).
    for (const n of shown.slice(0, PLANS_PER_PAGE)) void this.card(n).catch(() => undefined);
    const inShown = new Set(shown.map(String));
    const phrases = [...new Set(terms.flatMap((t) => t.variants.flatMap((v) => v.phrases.map((ph) => ph.join(' ')))))];
    const found = new Map(phrases.map((q) => [q, new Set<string>()]));
    for (let i = 0; i < groups.length; i += MERGE_BATCH) {
      await Promise.all(groups.slice(i, i + MERGE_BATCH).map((g) => this.merge(g)));
      await this.step(() => Promise.all(phrases.map(async (q) => {
        const r = await api.search(`"${q}"`, { filters });
        for (const k of positive(r, FILTER_SECTION)) if (inShown.has(k.slice(0, k.indexOf('.')))) found.get(q)!.add(k);
      })));
    }
    const sectionsOf = (ph: string[]): Set<string> => found.get(ph.join(' ')) ?? new Set();
    const keys = shown.length === 0 ? new Set<string>()
      : intersect(terms.map((t) => union(t.variants.map((v) => intersect(v.phrases.map(sectionsOf))))));
    return { keys, shown, page, pages: options.plan !== undefined ? 1 : pages };
  }

  /** Loads the texts of the first `limit` clauses of a plan hit (for excerpts or checks). */
  async loadTexts(p: PlanHit, limit: number): Promise<void> {
    const card = await this.card(p.n);
    const packOf = new Map(card.secs.map(([id, , , pack]) => [id, pack]));
    await Promise.all(p.sections.slice(0, limit).map(async (s) => {
      if (s.texts) return;
      const pack = await this.pack(p.n, card, packOf.get(s.id) ?? 0);
      s.texts = pack[s.key] ?? [];
    }));
  }

  private merge(g: number): Promise<void> {
    let p = this.merged.get(g);
    if (!p) {
      p = this.api!.mergeIndex(this.origin + groupBundlePath(g));
      this.merged.set(g, p);
    }
    return p;
  }


  private card(n: number): Promise<PlanCard> {
    let p = this.cards.get(n);
    if (!p) {
      p = getJson<PlanCard>(`${this.origin}${planCardPath(n)}?v=${this.manifest!.version}`);
      this.cards.set(n, p);
    }
    return p;
  }

  /** Text pack k of plan n: a range of its group's text file, gzipped (layout.ts). */
  private pack(n: number, card: PlanCard, k: number): Promise<TextPack> {
    const key = `${n}/${k}`;
    let p = this.packs.get(key);
    if (!p) {
      const [offset, length] = card.texts[k] ?? [0, 0];
      const group = Math.floor(n / this.manifest!.groupPlans);
      p = readRange(`${this.origin}${textFilePath(group)}?v=${this.manifest!.version}`, offset, length)
        .then((bytes) => new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).json() as Promise<TextPack>);
      this.packs.set(key, p);
    }
    return p;
  }
}

/** Text packs are byte ranges of their group's file (layout.ts); fetch is looked up at each call. */
const readRange = rangeReader((input, init) => fetch(input, init));

async function getJson<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, init);
  if (!res.ok) throw new FetchStatusError(res.status, url);
  return (await res.json()) as T;
}

/** Timing marks for the benchmark (search-start and search-done are set by the page). */
function mark(name: string): void {
  if (typeof performance !== 'undefined') performance.mark(name);
}

function readerFilters(f: SearchOptions['filters']): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(f)) if (v) out[k] = v;
  return out;
}

/** Values of one filter that occur in a response's results. */
function positive(r: PagefindResponse | null, filter: string): Set<string> {
  const counts = r?.filters?.[filter] ?? {};
  return new Set(Object.keys(counts).filter((k) => (counts[k] ?? 0) > 0));
}

function intersect(sets: Set<string>[]): Set<string> {
  if (sets.length === 0) return new Set();
  const [first, ...rest] = [...sets].sort((a, b) => a.size - b.size);
  return new Set([...first!].filter((x) => rest.every((s) => s.has(x))));
}

function union(sets: Set<string>[]): Set<string> {
  const out = new Set<string>();
  for (const s of sets) for (const x of s) out.add(x);
  return out;
}

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
  routerPath, sectionKey, slugPath, textPackPath,
  type Manifest, type PlanCard, type ReaderFilter, type TextPack,
} from './layout.ts';

type Counts = Record<string, Record<string, number>>;
interface PagefindResponse { results: unknown[]; filters: Counts }
interface PagefindApi {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(path: string, o?: Record<string, unknown>): Promise<void>;
  search(term: string, o?: { filters?: Record<string, unknown> }): Promise<PagefindResponse | null>;
}

export const PLANS_PER_PAGE = 10;

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
    await this.start();
    const api = this.api!;
    const manifest = this.manifest!;
    const filters = readerFilters(options.filters);
    // Results are told apart by their p (plan) or s (section) filter value. Naming the filter in
    // the query makes Pagefind load just that filter's file; "none of '-'" keeps every record.
    const routerFilters = { ...filters, [FILTER_PLAN]: { none: '-' } };
    const sectionFilters = { ...filters, [FILTER_SECTION]: { none: '-' } };

    // 1. Plans: every bigram of a variant in the plan (routers hold each plan's bigrams once).
    const tokenPlans = new Map<string, Promise<Set<string>>>();
    const plansOf = (token: string): Promise<Set<string>> => {
      let p = tokenPlans.get(token);
      if (!p) {
        p = api.search(`"${token}"`, { filters: routerFilters }).then((r) => positive(r, FILTER_PLAN));
        tokenPlans.set(token, p);
      }
      return p;
    };
    const termPlans = await Promise.all(terms.map(async (t) => union(await Promise.all(t.variants.map(async (v) =>
      intersect(await Promise.all(v.phrases.flat().map(plansOf))))))));
    let candidates = [...intersect(termPlans)].map(Number).sort((a, b) => a - b);
    if (options.plan !== undefined) {
      const only = await getJson<{ n: number }>(this.origin + slugPath(options.plan)).catch(() => null);
      candidates = only ? candidates.filter((n) => n === only.n) : [];
    }
    const candidatesExact = terms.length === 1 && terms[0]!.variants.every((v) => v.exact && v.phrases.length === 1 && v.phrases[0]!.length === 1);
    const pages = Math.max(1, Math.ceil(candidates.length / PLANS_PER_PAGE));
    const page = Math.min(Math.max(1, options.page), pages);
    const shown = options.all ? candidates : candidates.slice((page - 1) * PLANS_PER_PAGE, page * PLANS_PER_PAGE);

    // 2. Sections of those plans: merge their groups' bundles, then one phrase query per run.
    const groups = [...new Set(shown.map((n) => Math.floor(n / manifest.groupPlans)))];
    // The plans' cards are fetched meanwhile (they do not depend on the sections found).
    for (const n of shown.slice(0, PLANS_PER_PAGE)) void this.card(n).catch(() => undefined);
    await Promise.all(groups.map((g) => this.merge(g)));
    const inShown = new Set(shown.map(String));
    const phraseSections = new Map<string, Promise<Set<string>>>();
    const sectionsOf = (phrase: string[]): Promise<Set<string>> => {
      const q = phrase.join(' ');
      let p = phraseSections.get(q);
      if (!p) {
        p = api.search(`"${q}"`, { filters: sectionFilters }).then((r) => {
          const keys = positive(r, FILTER_SECTION);
          for (const k of keys) if (!inShown.has(k.slice(0, k.indexOf('.')))) keys.delete(k);
          return keys;
        });
        phraseSections.set(q, p);
      }
      return p;
    };
    const termSections = shown.length === 0 ? [] : await Promise.all(terms.map(async (t) =>
      union(await Promise.all(t.variants.map(async (v) => intersect(await Promise.all(v.phrases.map(sectionsOf))))))));
    const keys = termSections.length ? intersect(termSections) : new Set<string>();

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

  /** Loads the texts of the first `limit` clauses of a plan hit (for excerpts or checks). */
  async loadTexts(p: PlanHit, limit: number): Promise<void> {
    const card = await this.card(p.n);
    const packOf = new Map(card.secs.map(([id, , , pack]) => [id, pack]));
    await Promise.all(p.sections.slice(0, limit).map(async (s) => {
      if (s.texts) return;
      const pack = await this.pack(p.n, packOf.get(s.id) ?? 0);
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

  private pack(n: number, k: number): Promise<TextPack> {
    const key = `${n}/${k}`;
    let p = this.packs.get(key);
    if (!p) {
      p = getJson<TextPack>(`${this.origin}${textPackPath(n, k)}?v=${this.manifest!.version}`);
      this.packs.set(key, p);
    }
    return p;
  }
}

async function getJson<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, init);
  if (!res.ok) throw new Error(`${res.status} ${url}`);
  return (await res.json()) as T;
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

// The whole search without a browser: the published documents (content/plan-data/, built by the
// site project's globalSetup with the same commands as `npm run build`) indexed into dist/ by
// scripts/build-search.ts with Pagefind's Node API, searched by the engine the page uses, running
// Pagefind's own pagefind.js and WebAssembly in Node over a local server. Every query of the query
// set must find exactly the clauses whose text contains it (the browser tests,
// tests/e2e/search.test.ts, check one query of each kind the same way in Chromium).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchEngine } from '../../src/search/engine.ts';
import { parseQuery } from '../../src/search/query.ts';
import { parseSynonyms } from '../../src/schemas/synonyms.ts';
import { FIXED_QUERIES, groundTruth, loadSections, sampledQueries } from '../../scripts/lib/search-queries.ts';
import { startServer, type StaticServer } from '../../scripts/lib/static-server.ts';

const DIST = 'dist';
const groups = parseSynonyms(readFileSync('content/synonyms.yaml', 'utf8'));
const { sections, texts } = loadSections(join('content', 'plan-data'));
let server: StaticServer;
let count = 0;

function engine(): SearchEngine {
  // A fresh copy of pagefind.js per engine: its state is per module.
  const script = pathToFileURL(join(DIST, 'pagefind', 'pagefind.js')).href;
  return new SearchEngine({ origin: server.url, loadPagefind: async () => (await import(`${script}?copy=${count++}`)) as never });
}

const urls = (o: Awaited<ReturnType<SearchEngine['search']>>): string[] =>
  o.plans.flatMap((p) => p.sections.map((s) => s.url)).sort();

beforeAll(async () => {
  server = await startServer(DIST);
});

afterAll(async () => {
  await server?.close();
});

describe('search over the published plans, in Node', () => {
  it('finds exactly the clauses containing each word of the query set, cold and warm', async () => {
    const queries = [...FIXED_QUERIES, ...sampledQueries(texts, 30)];
    const warm = engine();
    let nonEmpty = 0;
    for (const { q } of queries) {
      const { terms } = parseQuery(q, { groups });
      const truth = [...groundTruth(sections, q, groups)].sort();
      if (truth.length) nonEmpty++;
      const cold = await engine().search(terms, { filters: {}, page: 1, all: true, excerpts: 0 });
      expect(urls(cold), `${q} (cold)`).toEqual(truth);
      const again = await warm.search(terms, { filters: {}, page: 1, all: true, excerpts: 0 });
      expect(urls(again), `${q} (warm)`).toEqual(truth);
    }
    expect(nonEmpty).toBeGreaterThan(40);
  });

  it('pages by ten plans, in order, and the pages together are the whole result', async () => {
    const e = engine();
    const { terms } = parseQuery('生态环境');
    const all = urls(await e.search(terms, { filters: {}, page: 1, all: true, excerpts: 0 }));
    const first = await e.search(terms, { filters: {}, page: 1, all: false, excerpts: 3 });
    expect(first.pages).toBeGreaterThan(1);
    expect(first.plans.length).toBeLessThanOrEqual(10);
    const seen: string[] = [];
    for (let page = 1; page <= first.pages; page++) {
      const o = await e.search(terms, { filters: {}, page, all: false, excerpts: 3 });
      seen.push(...o.plans.flatMap((p) => p.sections.map((s) => s.url)));
      // Excerpts come with the first three clauses of each plan.
      for (const p of o.plans) expect(p.sections.slice(0, 3).every((s) => s.texts && s.texts.length > 0)).toBe(true);
    }
    expect(seen.sort()).toEqual(all);
  });

  it('restricts to one plan when the address names it', async () => {
    const { terms } = parseQuery('生态环境');
    const slug = sections.find((s) => s.folded.includes('生态环境'))!.url.split('/')[2]!;
    const o = await engine().search(terms, { filters: {}, page: 1, all: false, plan: slug, excerpts: 0 });
    expect(o.plans.map((p) => p.slug)).toEqual([slug]);
    expect(urls(o)).toEqual([...groundTruth(sections.filter((s) => s.url.startsWith(`/plans/${slug}/`)), '生态环境')].sort());
  });
});

// The search page in Debian's Chromium (issue 9), on the site the `site` project built (dist/, with
// the search index scripts/build-search.ts writes, as `npm run build` does):
//   - one query of each kind in the query set (two-character word, number, Latin, mixed, synonym,
//     absent word, random excerpt …; E2E_ALL_PAGES=1 runs them all) finds exactly the clauses whose
//     text contains it (ground truth computed by substring over the sections' texts), with a cold
//     and a warm search; the whole query set runs through the same engine in Node
//     (tests/site/search-engine.test.ts), so the browser proves the page's wiring, not each word;
//   - the search-page contract (shared/CONTRACT.md): one [data-search-results] element, one <a>
//     per clause with the clause's URL, data-search-state="done", pages and &all=1;
//   - filters in the address, one-character words, nothing loaded before a search, no JavaScript,
//     keyboard and screen-reader status, axe and 375 px, and arrival at the clause.
// Skipped like the other browser tests when Chromium is missing (a failure on CI).

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { parseSynonyms } from '../../src/schemas/synonyms.ts';
import { ids } from '../helpers/html.ts';
import { FIXED_QUERIES, groundTruth, loadSections, sampledQueries } from '../../scripts/lib/search-queries.ts';
import { CHROMIUM_PATH, chromiumAvailable, findOverflowingElements, formatViolations, launchBrowser, runAxe, type BrowserSession, SCREENSHOTS } from './browser.ts';
import { startServer, type StaticServer } from '../../scripts/lib/static-server.ts';
import { ALL_PAGES } from './sample.ts';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = path.resolve(REPO_ROOT, process.env.E2E_DIST_DIR ?? 'dist');
const DATA = path.join(REPO_ROOT, 'content', 'plan-data');
const skip = process.env.SKIP_BROWSER_TESTS === '1' || !chromiumAvailable();
const onCI = /^(true|1)$/i.test(process.env.CI ?? '');

const { sections, texts } = skip ? { sections: [], texts: [] } : loadSections(DATA);
const groups = parseSynonyms(readFileSync(path.join(REPO_ROOT, 'content', 'synonyms.yaml'), 'utf8'));
const querySet = skip ? [] : [...FIXED_QUERIES, ...sampledQueries(texts, 8)];
/** The first query of each kind, or all of them with E2E_ALL_PAGES=1. */
const queries = ALL_PAGES ? querySet : querySet.filter((q, i) => querySet.findIndex((o) => o.kind === q.kind) === i);

const done = '[data-search-results][data-search-state="done"]';

async function waitDone(page: Page): Promise<void> {
  await page.waitForSelector(done, { state: 'attached', timeout: 60_000 });
}

const hrefs = (page: Page): Promise<string[]> =>
  page.locator('[data-search-results] a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));

/** Runs the page's search again for the address it shows (what the back button does). */
async function searchAgain(page: Page): Promise<void> {
  const before = await page.evaluate(() => performance.getEntriesByName('search-done').length);
  await page.evaluate(() => window.dispatchEvent(new PopStateEvent('popstate')));
  await page.waitForFunction((n) => performance.getEntriesByName('search-done').length > n, before, { timeout: 60_000 });
}

const sorted = (xs: Iterable<string>): string[] => [...xs].sort();

describe.runIf(!skip || onCI)('search page in Chromium', () => {
  let server: StaticServer;
  let session: BrowserSession;
  const url = (q: string, extra = ''): string => `${server.url}/search/?q=${encodeURIComponent(q)}${extra}`;

  beforeAll(async () => {
    if (skip) throw new Error(`Chromium is required on CI but ${CHROMIUM_PATH} is missing.`);
    server = await startServer(DIST);
    session = await launchBrowser();
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  describe('finds exactly the clauses that contain the words (cold, then warm)', () => {
    for (const { q, kind } of queries) {
      it(`${q}（${kind}）`, async () => {
        const truth = sorted(groundTruth(sections, q, groups));
        const page = await session.newPage();
        try {
          await page.goto(url(q, '&all=1'));
          await waitDone(page);
          const cold = await hrefs(page);
          expect(new Set(cold).size, 'a clause is listed once').toBe(cold.length);
          expect(sorted(cold)).toEqual(truth);
          await searchAgain(page);
          expect(sorted(await hrefs(page))).toEqual(truth);
        } finally {
          await page.close();
        }
      });
    }

    it('has queries that find many clauses, few, and none', () => {
      const sizes = querySet.map(({ q }) => groundTruth(sections, q, groups).size);
      expect(Math.max(...sizes)).toBeGreaterThan(50);
      expect(sizes.filter((n) => n > 0 && n < 10).length).toBeGreaterThan(3);
    });
  });

  it('follows the contract: results in one element, a link per clause, pages and &all=1', async () => {
    const q = '生态环境';
    const truth = groundTruth(sections, q, groups);
    const page = await session.newPage();
    try {
      await page.goto(url(q));
      await waitDone(page);
      expect(await page.locator('[data-search-results]').count()).toBe(1);
      const first = await hrefs(page);
      expect(first.length).toBeGreaterThan(0);
      for (const h of first) {
        expect(h).toMatch(/^\/plans\/[^/]+\/#[^#\s]+$/);
        expect(truth.has(h), `${h} contains ${q}`).toBe(true);
      }
      // The first clause shows an excerpt of its own text with the word marked.
      await page.locator('[data-search-results] .search-excerpt mark').first().waitFor();
      expect(await page.locator('[data-search-results] .search-hit').first().locator('mark').first().innerText()).toBe(q);
      // Grouped by plan: each group's links point into one plan.
      const grouped = await page.locator('[data-search-results] .search-plan').evaluateAll((ps) =>
        ps.map((p) => new Set([...p.querySelectorAll('a')].map((a) => a.getAttribute('href')!.split('#')[0])).size));
      expect(grouped.every((n) => n === 1)).toBe(true);
      // More than one page of plans: page 2 continues, searched in place, the address follows.
      const next = page.locator('#search-pages a', { hasText: '下一页' });
      expect(await next.count()).toBe(1);
      const before = await page.evaluate(() => performance.getEntriesByName('search-done').length);
      await next.click();
      await page.waitForFunction((n) => performance.getEntriesByName('search-done').length > n, before);
      expect(new URL(page.url()).searchParams.get('page')).toBe('2');
      const second = await hrefs(page);
      expect(second.length).toBeGreaterThan(0);
      expect(second.filter((h) => first.includes(h))).toEqual([]);
      // &all=1 lists every result on one page.
      await page.goto(url(q, '&all=1'));
      await waitDone(page);
      const all = await hrefs(page);
      expect(sorted(all)).toEqual(sorted(truth));
      expect(all).toEqual(expect.arrayContaining([...first, ...second]));
    } finally {
      await page.close();
    }
  });

  it('searches one plan with &plan=<slug> (the slug looked up in its shard), and names an unknown plan as none', async () => {
    const q = '生态环境';
    const truth = [...groundTruth(sections, q, groups)];
    const slug = truth[0]!.split('/')[2]!;
    const page = await session.newPage();
    try {
      await page.goto(url(q, `&plan=${encodeURIComponent(slug)}&all=1`));
      await waitDone(page);
      const found = await hrefs(page);
      expect(sorted(found)).toEqual(sorted(truth.filter((h) => h.startsWith(`/plans/${slug}/#`))));
      await page.goto(url(q, '&plan=no-such-plan'));
      await waitDone(page);
      expect(await hrefs(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('links each result to a clause that exists on the plan page, marked on arrival', async () => {
    const page = await session.newPage();
    try {
      await page.goto(url('黑臭水体'));
      await waitDone(page);
      const list = await hrefs(page);
      expect(list.length).toBeGreaterThan(0);
      for (const h of list) {
        const [pathname, id] = h.split('#') as [string, string];
        const plan = fromHtml(await (await fetch(`${server.url}${pathname}`)).text());
        expect(ids(plan).has(id), `${h}: the plan page has an element with id ${id}`).toBe(true);
      }
      await page.locator('[data-search-results] a').first().click();
      await page.waitForURL(/\/plans\/[^/]+\/#/);
      const target = await page.evaluate(() => document.querySelector(':target')?.id ?? null);
      expect(target).toBe(decodeURIComponent(new URL(page.url()).hash.slice(1)));
      // The searched words are marked inside that clause (the plan page script, src/client/search-arrival.ts).
      await page.waitForSelector('mark.search-hl', { timeout: 5000 });
      const marked = await page.evaluate(() => [...document.querySelectorAll('mark.search-hl')].map((m) => ({
        text: m.textContent,
        inTarget: Boolean(document.querySelector(':target')?.closest('section, aside, .block')?.contains(m)),
      })));
      expect(marked.length).toBeGreaterThan(0);
      expect(marked.every((m) => m.text === '黑臭水体' && m.inTarget)).toBe(true);
    } finally {
      await page.close();
    }
  });

  it('keeps filters in the address and applies them (place, theme)', async () => {
    const page = await session.newPage();
    try {
      const place = '上海市';
      await page.goto(url('建设', `&place=${encodeURIComponent(place)}&all=1`));
      await waitDone(page);
      const expected = sorted(groundTruth(sections.filter((s) => s.place.includes(place)), '建设', groups));
      expect(expected.length).toBeGreaterThan(0);
      expect(sorted(await hrefs(page))).toEqual(expected);
      expect(await page.locator('#f-place').inputValue()).toBe(place);

      await page.goto(url('水体', '&theme=clear-water&all=1'));
      await waitDone(page);
      const water = sorted(groundTruth(sections.filter((s) => s.themes.includes('clear-water')), '水体', groups));
      expect(water.length).toBeGreaterThan(0);
      expect(sorted(await hrefs(page))).toEqual(water);
    } finally {
      await page.close();
    }
  });

  it('says plainly that a one-character word is too short', async () => {
    const page = await session.newPage();
    try {
      await page.goto(url('水'));
      await waitDone(page);
      expect(await hrefs(page)).toEqual([]);
      expect(await page.locator('#search-status').innerText()).toMatch(/“水”不足两个字.*至少输入两个/);
    } finally {
      await page.close();
    }
  });

  it('loads nothing of the search until the reader searches, then works from the keyboard', async () => {
    const page = await session.newPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    try {
      await page.goto(`${server.url}/search/`);
      await page.waitForLoadState('networkidle');
      expect(requested).toContain('/search/');
      expect(requested.filter((p) => p.startsWith('/pagefind/') || p.startsWith('/search-data/'))).toEqual([]);
      expect(requested.some((p) => /\/_astro\/run\./.test(p))).toBe(false);
      expect(await page.locator('[data-search-results]').getAttribute('data-search-state')).toBe('idle');

      await page.locator('#q').focus();
      await page.keyboard.type('12369');
      await page.keyboard.press('Enter');
      await waitDone(page);
      expect(new URL(page.url()).searchParams.get('q')).toBe('12369');
      expect(sorted(await hrefs(page))).toEqual(sorted(groundTruth(sections, '12369', groups)));
      const status = page.locator('#search-status');
      expect(await status.getAttribute('role')).toBe('status');
      expect(await status.getAttribute('aria-live')).toBe('polite');
      expect(await status.innerText()).toMatch(/12369/);
    } finally {
      await page.close();
    }
  });

  it('tells readers without JavaScript how to find plans', async () => {
    const noJs = await launchBrowser({ javaScriptEnabled: false });
    try {
      const page = await noJs.newPage();
      await page.goto(url('水源'));
      const notice = page.locator('.search-nojs');
      expect(await notice.isVisible()).toBe(true);
      expect(await notice.innerText()).toMatch(/需要浏览器启用 JavaScript/);
      expect(await page.locator('#search-form').getAttribute('method')).toBe('get');
    } finally {
      await noJs.close();
    }
  });

  for (const width of [375, 1280]) {
    it(`results page passes axe and fits ${width} px`, async () => {
      const page = await session.newPage();
      try {
        await page.setViewportSize({ width, height: 800 });
        await page.goto(url('PM2.5 浓度'));
        await waitDone(page);
        const violations = await runAxe(page);
        expect(violations.map((v) => v.id), formatViolations(violations)).toEqual([]);
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(scrollWidth, (await findOverflowingElements(page, width)).join('\n')).toBeLessThanOrEqual(width + 1);
        expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
        if (SCREENSHOTS) await page.screenshot({ path: path.join(REPO_ROOT, 'tests', '.tmp', 'screens', `search-results-${width}.png`), fullPage: true });
      } finally {
        await page.close();
      }
    });
  }
});

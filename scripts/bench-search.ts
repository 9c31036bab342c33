/**
 * `npm run bench:search`: measures the search as a reader meets it, in this machine's Chromium,
 * on the built site (run `npm run build` first) and on a generated corpus of 1,000 plans:
 *
 *   precision and recall   over the query set (scripts/lib/search-queries.ts), against the
 *                          substring ground truth, with &all=1, for a cold and a warm search
 *   cold                   a fresh page at /search/?q=…: time until the results are shown, and
 *                          the bytes transferred for the search, excerpts in view included
 *                          (everything but the HTML page and its stylesheet; text files
 *                          gzip-compressed as a static host does; HTTP/1.1 headers included)
 *   warm                   the same search again in that page (index files already loaded),
 *                          the median of three runs
 *   indexing               time and peak memory of scripts/build-search.ts
 *
 * Options: --plans N (default 1000; 0 skips the large corpus), --sampled N (random words, default
 * 20), --keep (keep the generated corpus's temporary directory). The large corpus is written to a
 * temporary directory and deleted afterwards.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { chromiumAvailable, launchBrowser, type BrowserSession } from './lib/browser.ts';
import { startServer } from './lib/static-server.ts';
import { measureNode } from './lib/measure.ts';
import { generateCorpus } from './lib/search-corpus.ts';
import { FIXED_QUERIES, groundTruth, loadSections, sampledQueries, type PublishedSection } from './lib/search-queries.ts';
import { parseSynonyms } from '../src/schemas/synonyms.ts';
import { parseArgs } from 'node:util';

const { values: flags } = parseArgs({ options: { plans: { type: 'string', default: '1000' }, sampled: { type: 'string', default: '20' }, keep: { type: 'boolean', default: false } } });
const largePlans = Number(flags.plans);
const sampled = Number(flags.sampled);
const keep = flags.keep;

if (!existsSync('dist/search/index.html')) {
  console.error('✗ 找不到 dist/search/index.html：请先运行 npm run build，再运行本基准。');
  process.exit(1);
}
if (!chromiumAvailable()) {
  console.error('✗ 找不到 Chromium（/usr/bin/chromium）：sudo apt-get install -y chromium');
  process.exit(1);
}
const groups = parseSynonyms(readFileSync('content/synonyms.yaml', 'utf8'));

interface Row {
  q: string;
  kind: string;
  truth: number;
  precisionCold: number;
  recallCold: number;
  precisionWarm: number;
  recallWarm: number;
  coldMs: number;
  searchMs: number;
  warmMs: number;
  coldKB: number;
  pageKB: number;
  requests: number;
}

interface Indexing {
  seconds: number;
  peakMB: number;
  plans: number;
  sections: number;
}

/** The indexer's counts (its --stats line), with wall time and peak memory measured from outside. */
function buildIndex(data: string, out: string): Indexing {
  const { seconds, peakMB, stdout } = measureNode(['scripts/build-search.ts', '--data', data, '--out', out, '--stats']);
  const counts = JSON.parse(stdout.trim().split('\n').at(-1)!) as Pick<Indexing, 'plans' | 'sections'>;
  return { ...counts, seconds, peakMB };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2 : NaN;
};

const doneCount = (page: Page): Promise<number> => page.evaluate(() => performance.getEntriesByName('search-done').length);

/** Waits for the page to finish one more search than `before`; returns its duration in ms. */
async function nextDone(page: Page, before: number): Promise<number> {
  await page.waitForFunction((n) => performance.getEntriesByName('search-done').length > n, before, { timeout: 120_000 });
  return page.evaluate(() => {
    const done = performance.getEntriesByName('search-done').at(-1)!;
    const start = performance.getEntriesByName('search-start').at(-1)!;
    return done.startTime - start.startTime;
  });
}

const hrefs = (page: Page): Promise<string[]> =>
  page.locator('[data-search-results] a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));

function score(got: string[], truth: Set<string>): { precision: number; recall: number } {
  const set = new Set(got);
  const hit = [...set].filter((u) => truth.has(u)).length;
  return { precision: set.size ? hit / set.size : truth.size ? 0 : 1, recall: truth.size ? hit / truth.size : 1 };
}

async function measure(session: BrowserSession, base: string, sections: PublishedSection[], queries: { q: string; kind: string }[]): Promise<Row[]> {
  const rows: Row[] = [];
  for (const { q, kind } of queries) {
    const truth = groundTruth(sections, q, groups);
    const url = `${base}/search/?q=${encodeURIComponent(q)}`;

    // Cold: a fresh page (no file is cached: the server says no-store).
    const page = await session.newPage();
    const sizes: Promise<{ kind: string; bytes: number }>[] = [];
    page.on('requestfinished', (req) => {
      sizes.push(req.sizes().then((s) => ({
        kind: req.resourceType(),
        bytes: s.responseBodySize + s.responseHeadersSize,
      })));
    });
    await page.goto(url);
    await page.waitForSelector('[data-search-results][data-search-state="done"]', { state: 'attached', timeout: 120_000 });
    const coldMs = await page.evaluate(() => performance.getEntriesByName('search-done')[0]!.startTime);
    const searchMs = await page.evaluate(() => performance.getEntriesByName('search-done')[0]!.startTime - performance.getEntriesByName('search-start')[0]!.startTime);
    // What loads without scrolling (the excerpts in view) counts too: wait for the network to rest.
    for (let seen = -1; seen !== sizes.length;) {
      seen = sizes.length;
      await page.waitForTimeout(300);
    }
    const all = await Promise.all(sizes);
    const searchBytes = all.filter((s) => s.kind !== 'document' && s.kind !== 'stylesheet').reduce((n, s) => n + s.bytes, 0);
    const pageBytes = all.reduce((n, s) => n + s.bytes, 0);
    const requests = all.length;

    // Warm: the same search again in the same page, three times (the median is kept: this
    // machine is shared, and one run can be slowed by another process).
    const warmRuns: number[] = [];
    for (let i = 0; i < 3; i++) {
      const before = await doneCount(page);
      await page.evaluate(() => document.querySelector<HTMLFormElement>('#search-form')!.requestSubmit());
      warmRuns.push(await nextDone(page, before));
    }
    const warmMs = median(warmRuns);
    await page.close();

    // Precision and recall with every result listed (&all=1): cold, then warm in the same page.
    const listing = await session.newPage();
    await listing.goto(`${url}&all=1`);
    await listing.waitForSelector('[data-search-results][data-search-state="done"]', { state: 'attached', timeout: 120_000 });
    const cold = score(await hrefs(listing), truth);
    const again = await doneCount(listing);
    await listing.evaluate(() => window.dispatchEvent(new PopStateEvent('popstate')));
    await nextDone(listing, again);
    const warm = score(await hrefs(listing), truth);
    await listing.close();

    rows.push({
      q, kind, truth: truth.size,
      precisionCold: cold.precision, recallCold: cold.recall, precisionWarm: warm.precision, recallWarm: warm.recall,
      coldMs, searchMs, warmMs, coldKB: searchBytes / 1024, pageKB: pageBytes / 1024, requests,
    });
  }
  return rows;
}

const pad = (s: string | number, n: number): string => String(s).padStart(n);

function report(title: string, rows: Row[], indexing: Indexing): void {
  console.log(`\n## ${title}：${indexing.plans} 份规划，${indexing.sections} 个章节；建索引 ${indexing.seconds.toFixed(1)} 秒，内存峰值（最大的进程）${indexing.peakMB} MB`);
  console.log(`${'检索词'.padEnd(14)}${pad('应有', 6)}${pad('P冷', 6)}${pad('R冷', 6)}${pad('P热', 6)}${pad('R热', 6)}${pad('冷ms', 7)}${pad('搜索ms', 8)}${pad('热ms', 6)}${pad('冷KB', 7)}${pad('请求', 5)}  类别`);
  for (const r of rows) {
    console.log(`${r.q.padEnd(14)}${pad(r.truth, 6)}${pad(r.precisionCold.toFixed(2), 6)}${pad(r.recallCold.toFixed(2), 6)}${pad(r.precisionWarm.toFixed(2), 6)}${pad(r.recallWarm.toFixed(2), 6)}${pad(r.coldMs.toFixed(0), 7)}${pad(r.searchMs.toFixed(0), 8)}${pad(r.warmMs.toFixed(0), 6)}${pad(r.coldKB.toFixed(0), 7)}${pad(r.requests, 5)}  ${r.kind}`);
  }
  const min = (f: (r: Row) => number): string => Math.min(...rows.map(f)).toFixed(3);
  const micro = (cold: boolean): { p: string; r: string } => {
    let tp = 0, got = 0, truth = 0;
    for (const r of rows) {
      const g = r.truth * (cold ? r.recallCold : r.recallWarm);
      tp += g;
      got += (cold ? r.precisionCold : r.precisionWarm) > 0 ? g / (cold ? r.precisionCold : r.precisionWarm) : 0;
      truth += r.truth;
    }
    return { p: got ? (tp / got).toFixed(3) : '1.000', r: truth ? (tp / truth).toFixed(3) : '1.000' };
  };
  const mc = micro(true);
  const mw = micro(false);
  console.log(`精确率：冷 ${mc.p}（最低 ${min((r) => r.precisionCold)}），热 ${mw.p}（最低 ${min((r) => r.precisionWarm)}）`);
  console.log(`召回率：冷 ${mc.r}（最低 ${min((r) => r.recallCold)}），热 ${mw.r}（最低 ${min((r) => r.recallWarm)}）`);
  console.log(`冷搜索到出结果：中位 ${median(rows.map((r) => r.coldMs)).toFixed(0)} ms（其中搜索 ${median(rows.map((r) => r.searchMs)).toFixed(0)} ms），最慢 ${Math.max(...rows.map((r) => r.coldMs)).toFixed(0)} ms`);
  console.log(`热搜索：中位 ${median(rows.map((r) => r.warmMs)).toFixed(0)} ms，最慢 ${Math.max(...rows.map((r) => r.warmMs)).toFixed(0)} ms`);
  console.log(`冷搜索传输：中位 ${median(rows.map((r) => r.coldKB)).toFixed(0)} KB，最多 ${Math.max(...rows.map((r) => r.coldKB)).toFixed(0)} KB（含页面本身：中位 ${median(rows.map((r) => r.pageKB)).toFixed(0)} KB）`);
}

const session = await launchBrowser();
try {
  // The published plans: the index `npm run build` wrote, rebuilt here so it matches content/.
  const real = loadSections('content/plan-data');
  const queries = [...FIXED_QUERIES, ...sampledQueries(real.texts, sampled)];
  const realIndexing = buildIndex('content/plan-data', 'dist');
  const server = await startServer('dist', { gzip: true });
  try {
    report('已发布的规划', await measure(session, server.url, real.sections, queries), realIndexing);
  } finally {
    await server.close();
  }

  if (largePlans > 0) {
    const tmp = mkdtempSync(join(tmpdir(), 'plans-search-bench-'));
    try {
      const gen = generateCorpus('content/plan-data', join(tmp, 'plan-data'), largePlans);
      console.log(`\n（生成 ${gen.plans} 份规划到临时目录 ${tmp}）`);
      const indexing = buildIndex(join(tmp, 'plan-data'), join(tmp, 'site'));
      const large = loadSections(join(tmp, 'plan-data'));
      const big = await startServer('dist', { gzip: true, searchRoot: join(tmp, 'site') });
      try {
        report(`生成的 ${largePlans} 份规划`, await measure(session, big.url, large.sections, queries), indexing);
      } finally {
        await big.close();
      }
    } finally {
      if (keep) console.log(`保留了临时目录 ${tmp}`);
      else rmSync(tmp, { recursive: true, force: true });
    }
  }
} finally {
  await session.close();
}

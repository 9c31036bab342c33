/**
 * Writes the search index of the site (issue 9) through Pagefind's Node API, from the plan
 * documents in content/plan-data/*.json, after `astro build` (see package.json "build"):
 *
 *   node scripts/build-search.ts [--data content/plan-data] [--out dist] [--stats] [--no-cache]
 *
 * Layout and reasons: src/search/layout.ts. Tokens: src/search/tokens.ts. In short:
 *   - routers (/pagefind/, /pagefind/r/<r>/): one record per plan, its distinct bigrams, with
 *     the filters p (plan number), place, level, kind, year, theme (union of its sections');
 *   - section bundles (/pagefind/s/<g>/): one record per section of a group of plans, its own
 *     text as bigrams in order (phrase queries are exact), with the filters s (section key),
 *     place, level, kind, year, theme; URL /plans/<slug>/#<section-id>;
 *   - /search-data/: plan cards (titles, places, heading paths) and text packs (the sections'
 *     texts as printed, for excerpts), so no Pagefind meta field is used: Pagefind indexes meta
 *     values as words and its exact search falls back to them, which would return a subsection
 *     for words in its parent's heading.
 * Indexes are built one at a time and the Pagefind service is restarted between routers, so
 * memory stays bounded by the largest single index (a router of at most SEARCH_ROUTER_PLANS
 * plans), not by the corpus: measured 1.2–1.3 GB peak at 1,000 and at 2,000 plans (`npm run
 * bench:search` measures it from outside). --stats prints the counts as one JSON line.
 * Section bundles whose plans did not change come from a cache (lib/bundle-cache.ts; --no-cache
 * indexes everything again). The others are built by this process and by worker threads beside it
 * (lib/search-group-worker.ts), each with its indexing service, one fewer than the machine's cores
 * (SEARCH_WORKERS sets the number; 0 builds everything here): the bundles are independent, and
 * their files do not depend on which thread wrote them.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import { comparePlans, planInfo, sectionRecords, type SearchableDoc } from '../src/search/records.ts';
import { recordWords, SEPARATOR } from '../src/search/tokens.ts';
import { FILTER_PLAN, manifestPath, routerPath, slugPath, type Manifest } from '../src/search/layout.ts';
import { BundleCache } from './lib/bundle-cache.ts';
import {
  add, GROUP_CHUNK, GROUP_PLANS, GroupBuilder, LANGUAGE, newIndex, outPath as outUnder, PACK_CHARS, planFilters,
  restartService, ROUTER_CHUNK, ROUTER_PLANS, stats, writeBundle, writeJson as writeJsonUnder, type Plan,
} from './lib/search-index.ts';
import type { GroupJob, WorkerReply } from './lib/search-group-worker.ts';

const { values: flags } = parseArgs({ options: { data: { type: 'string', default: 'content/plan-data' }, out: { type: 'string', default: 'dist' }, stats: { type: 'boolean', default: false }, 'no-cache': { type: 'boolean', default: false } } });
const dataDir = flags.data;
const outDir = flags.out;
const showStats = flags.stats;
/** Worker threads beside this one: one fewer than the cores, or SEARCH_WORKERS. */
const WORKERS = Number(process.env.SEARCH_WORKERS ?? Math.max(0, availableParallelism() - 1));
/** A thread (half a second to start, and a service of its own) is not worth it for fewer bundles to index than this. */
const BUNDLES_PER_WORKER = 8;

const outPath = (urlPath: string): string => outUnder(urlPath, outDir);
const writeJson = (urlPath: string, value: unknown): void => writeJsonUnder(urlPath, value, outDir);

function readPlans(): Plan[] {
  if (!existsSync(dataDir)) {
    console.error(`✗ 找不到 ${dataDir}：请先运行 npm run content（由 seeds/ 生成规划数据），再建立搜索索引。`);
    process.exit(1);
  }
  const plans: Omit<Plan, 'n'>[] = [];
  for (const file of readdirSync(dataDir).filter((f) => f.endsWith('.json')).sort()) {
    const slug = file.slice(0, -'.json'.length);
    let doc: SearchableDoc;
    try {
      doc = JSON.parse(readFileSync(join(dataDir, file), 'utf8')) as SearchableDoc;
    } catch (error) {
      console.error(`✗ ${join(dataDir, file)} 不是有效的 JSON（${(error as Error).message}），这份规划不进搜索索引。请重新运行 npm run content。`);
      continue;
    }
    plans.push({ info: planInfo(slug, doc), records: sectionRecords(doc) });
  }
  return plans.sort((a, b) => comparePlans(a.info, b.info)).map((p, n) => ({ ...p, n }));
}

async function buildRouters(plans: Plan[]): Promise<number> {
  const count = Math.max(1, Math.ceil(plans.length / ROUTER_PLANS));
  for (let r = 0; r < count; r++) {
    await restartService(ROUTER_CHUNK);
    const index = await newIndex();
    for (const p of plans.slice(r * ROUTER_PLANS, (r + 1) * ROUTER_PLANS)) {
      const words = new Set<string>();
      for (const rec of p.records) for (const t of rec.texts) for (const w of recordWords(t)) words.add(w);
      words.delete(SEPARATOR);
      const themes = [...new Set(p.records.flatMap((rec) => rec.themes))];
      await add(index, `/plans/${p.info.slug}/`, [...words].join(' '), {
        [FILTER_PLAN]: [String(p.n)], ...planFilters(p), ...(themes.length ? { theme: themes } : {}),
      });
    }
    await writeBundle(index, outPath(routerPath(r)), r === 0);
  }
  return count;
}

/** A worker thread that builds the bundles it is sent, one at a time (lib/search-group-worker.ts). */
class GroupThread {
  private readonly worker = new Worker(new URL('./lib/search-group-worker.ts', import.meta.url));
  private waiting: { resolve: (reply: WorkerReply) => void; reject: (error: Error) => void } | null = null;
  /** Why the thread can take no more work: it failed or ended. A message to it then fails at once, never waits. */
  private dead: Error | null = null;

  constructor() {
    this.worker.on('message', (reply: WorkerReply) => this.settle((w) => w.resolve(reply)));
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`建索引的工作线程意外退出（退出码 ${code}）`)));
  }

  private fail(error: Error): void {
    this.dead ??= error;
    this.settle((w) => w.reject(error));
  }

  private settle(how: (w: NonNullable<GroupThread['waiting']>) => void): void {
    const w = this.waiting;
    this.waiting = null;
    if (w) how(w);
  }

  private send(message: GroupJob | null): Promise<WorkerReply> {
    if (this.dead) return Promise.reject(this.dead);
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.worker.postMessage(message);
    });
  }

  async build(job: GroupJob): Promise<void> {
    const reply = await this.send(job);
    if (reply.type === 'error') throw new Error(reply.message);
  }

  /** Stops its indexing service and the thread; adds its counts to this thread's. */
  async close(): Promise<void> {
    const reply = await this.send(null);
    if (reply.type === 'closed') {
      stats.indexes += reply.stats.indexes;
      stats.records += reply.stats.records;
    }
    await this.worker.terminate();
  }

  terminate(): Promise<number> {
    return this.worker.terminate();
  }
}

interface GroupTask { g: number; members: Plan[]; key: string }

/**
 * One section bundle per group of GROUP_PLANS plans. A group whose input is unchanged since the
 * last build is copied from the bundle cache (lib/bundle-cache.ts); the others are shared out, as
 * each builder becomes free, between worker threads started at once and this thread once its
 * `first` work (the routers) is done. Returns how many worker threads it started.
 */
async function buildGroups(plans: Plan[], cache: BundleCache, first: () => Promise<void>): Promise<number> {
  const tasks: GroupTask[] = [];
  for (let g = 0; g * GROUP_PLANS < plans.length; g++) {
    const members = plans.slice(g * GROUP_PLANS, (g + 1) * GROUP_PLANS);
    tasks.push({ g, members, key: cache.key({ g, members: members.map((p) => [p.n, p.info, p.records]), GROUP_CHUNK, PACK_CHARS, LANGUAGE }) });
  }
  const misses = tasks.filter((t) => !cache.has(t.key)).length;
  const threads = Array.from({ length: Math.min(WORKERS, Math.floor(misses / BUNDLES_PER_WORKER)) }, () => new GroupThread());
  const queue = [...tasks];
  // Once one builder fails the others stop taking bundles: the build has failed.
  let failed = false;
  const drain = async (build: (task: GroupTask, root: string) => Promise<void>) => {
    for (let task = queue.shift(); task && !failed; task = queue.shift()) {
      const t = task;
      await cache.fill(t.key, outDir, (root) => build(t, root));
    }
  };
  const here = new GroupBuilder();
  try {
    await Promise.all([
      ...threads.map((thread) => drain((t, root) => thread.build({ g: t.g, members: t.members, root }))),
      first().then(() => drain((t, root) => here.build(t.g, t.members, root))),
    ]);
    await Promise.all(threads.map((thread) => thread.close()));
    return threads.length;
  } catch (error) {
    failed = true;
    await Promise.all(threads.map((thread) => thread.terminate()));
    throw error;
  }
}

const started = Date.now();
const plans = readPlans();
rmSync(outPath('/pagefind/'), { recursive: true, force: true });
rmSync(outPath('/search-data/'), { recursive: true, force: true });
const sections = plans.reduce((sum, p) => sum + p.records.length, 0);
try {
  const cache = new BundleCache('.', !flags['no-cache']);
  let routers = 0;
  const threads = await buildGroups(plans, cache, async () => {
    routers = await buildRouters(plans);
  });
  cache.prune();
  // Slug → plan number, in shards (layout.ts): written from all plans, outside the group cache.
  const shards = new Map<string, Record<string, number>>();
  for (const p of plans) {
    const path = slugPath(p.info.slug);
    const shard = shards.get(path) ?? {};
    shard[p.info.slug] = p.n;
    shards.set(path, shard);
  }
  for (const [path, map] of shards) writeJson(path, map);
  await pagefind.close();
  const version = createHash('sha256')
    .update(JSON.stringify(plans.map((p) => [p.info, p.records])))
    .digest('hex').slice(0, 12);
  const manifest: Manifest = { version, plans: plans.length, sections, routers, routerPlans: ROUTER_PLANS, groupPlans: GROUP_PLANS };
  writeJson(manifestPath, manifest);
  const reused = cache.hits ? `；${cache.hits} 组章节索引未变，沿用缓存，重建 ${cache.misses} 组` : '';
  console.log(`搜索索引：${plans.length} 份规划、${sections} 个章节 → ${outPath('/pagefind/')}、${outPath('/search-data/')}（${((Date.now() - started) / 1000).toFixed(1)} 秒${reused}）`);
  if (showStats) {
    console.log(JSON.stringify({ plans: plans.length, sections, routers, threads, indexes: stats.indexes, records: stats.records, seconds: (Date.now() - started) / 1000 }));
  }
} catch (error) {
  await pagefind.close();
  console.error(`✗ 搜索索引没有建成：${(error as Error).message}`);
  process.exit(1);
}

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
 * indexes everything again).
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as pagefind from 'pagefind';
import type { PagefindIndex } from 'pagefind';
import {
  comparePlans, planInfo, sectionRecords,
  type PlanRecordInfo, type SearchableDoc, type SectionRecord,
} from '../src/search/records.ts';
import { recordContent, recordWords, SEPARATOR } from '../src/search/tokens.ts';
import {
  encodePaths, FILTER_PLAN, FILTER_SECTION, groupBundlePath, manifestPath, planCardPath, routerPath,
  sectionKey, slugPath, textFilePath,
  type Manifest, type PlanCard, type TextPack,
} from '../src/search/layout.ts';
import { parseArgs } from 'node:util';
import { BundleCache } from './lib/bundle-cache.ts';
import { packChunks, packFileName } from '../src/search/pack.ts';

const { values: flags } = parseArgs({ options: { data: { type: 'string', default: 'content/plan-data' }, out: { type: 'string', default: 'dist' }, stats: { type: 'boolean', default: false }, 'no-cache': { type: 'boolean', default: false } } });
const dataDir = flags.data;
const outDir = flags.out;
const showStats = flags.stats;
const num = (name: string, fallback: number): number => Number(process.env[name] ?? fallback);

/**
 * Plans per router bundle. Bounds the indexer's memory (about 1.3 MB per plan in a router,
 * measured); every router is loaded by every search, so more routers cost cold bytes.
 */
const ROUTER_PLANS = num('SEARCH_ROUTER_PLANS', 1000);
/** Plans per section bundle: a cold search fetches one bundle per plan group on the page. */
const GROUP_PLANS = num('SEARCH_GROUP_PLANS', 2);
/**
 * Pagefind splits its word list into chunks of about this many postings and loads the chunks a
 * query's words fall in. Small chunks load fewer bytes per word but add entries to the metadata
 * file every search loads; these sizes were tuned with `npm run bench:search`.
 */
const ROUTER_CHUNK = num('SEARCH_ROUTER_CHUNK', 5000);
const GROUP_CHUNK = num('SEARCH_GROUP_CHUNK', 200);
/** Text packs hold consecutive sections of a plan up to about this many characters. */
const PACK_CHARS = num('SEARCH_PACK_CHARS', 600);
const LANGUAGE = 'und';

interface Plan {
  n: number;
  info: PlanRecordInfo;
  records: SectionRecord[];
}

const stats = { indexes: 0, records: 0 };

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

function planFilters(p: Plan): Record<string, string[]> {
  const f: Record<string, string[]> = { place: p.info.place };
  if (p.info.level) f.level = [p.info.level];
  if (p.info.kind) f.kind = [p.info.kind];
  if (p.info.year) f.year = [String(p.info.year)];
  return f;
}

/** Restarts the service with a chunk size (read by Pagefind from the environment at start). */
async function restartService(chunk: number): Promise<void> {
  await pagefind.close();
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = String(chunk);
}

async function newIndex(): Promise<PagefindIndex> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: LANGUAGE });
  if (!index) throw new Error(`Pagefind 无法建立索引：${errors.join('；')}`);
  stats.indexes++;
  return index;
}

async function add(index: PagefindIndex, url: string, content: string, filters: Record<string, string[]>): Promise<void> {
  const { errors } = await index.addCustomRecord({ url, content, language: LANGUAGE, filters });
  if (errors.length) throw new Error(`Pagefind 拒绝了记录 ${url}：${errors.join('；')}`);
  stats.records++;
}

/**
 * Writes the files a search needs (no fragments: results are told apart by their filters). The
 * index and filter chunks go into one pack file, listed in pagefind-entry.json (src/search/pack.ts).
 */
async function writeBundle(index: PagefindIndex, dir: string, withScript: boolean): Promise<void> {
  const { files, errors } = await index.getFiles();
  if (errors.length) throw new Error(`Pagefind 无法输出索引：${errors.join('；')}`);
  await index.deleteIndex();
  const chunks = files.filter((f) => f.path.startsWith('index/') || f.path.startsWith('filter/'));
  const { pack, list: chunkList } = packChunks(chunks);
  const list = { file: packFileName(createHash('sha256').update(pack).digest('hex').slice(0, 12)), ...chunkList };
  writeAt(join(dir, list.file), pack);
  for (const f of files) {
    if (f.path === 'pagefind-entry.json') {
      writeAt(join(dir, f.path), JSON.stringify({ ...JSON.parse(Buffer.from(f.content).toString('utf8')), pack: list }));
      continue;
    }
    const keep = f.path.endsWith('.pf_meta')
      || (withScript && (f.path === 'pagefind.js' || /^wasm\.[\w-]+\.pagefind$/.test(f.path)));
    if (keep) writeAt(join(dir, f.path), f.content);
  }
}

const outPath = (urlPath: string, root = outDir): string => join(root, ...urlPath.split('/').filter(Boolean));

/** Writes a file, making its folders. */
function writeAt(target: string, content: Uint8Array | string): void {
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, content);
}

function writeJson(urlPath: string, value: unknown, root = outDir): void {
  writeAt(outPath(urlPath, root), JSON.stringify(value));
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

/**
 * One section bundle per group of GROUP_PLANS plans, with the plans' cards and text packs. A group
 * whose input is unchanged since the last build is copied from the bundle cache (lib/bundle-cache.ts).
 */
async function buildGroups(plans: Plan[], cache: BundleCache): Promise<void> {
  let built = 0;
  const groups = Math.ceil(plans.length / GROUP_PLANS);
  for (let g = 0; g < groups; g++) {
    const members = plans.slice(g * GROUP_PLANS, (g + 1) * GROUP_PLANS);
    const key = cache.key({ g, members: members.map((p) => [p.n, p.info, p.records]), GROUP_CHUNK, PACK_CHARS, LANGUAGE });
    await cache.fill(key, outDir, async (root) => {
      // The service reads its chunk size when it starts; restart it now and then to bound its memory.
      if (built % 50 === 0) await restartService(GROUP_CHUNK);
      built++;
      await buildGroup(g, members, root);
    });
  }
}

async function buildGroup(g: number, members: Plan[], root: string): Promise<void> {
  const index = await newIndex();
  // The group's text packs, one file (src/search/layout.ts): each pack gzipped on its own, so a
  // range read of one is as small as the pack compressed.
  const zipped: Buffer[] = [];
  let offset = 0;
  for (const p of members) {
    const packs: TextPack[] = [];
    let pack: TextPack = {};
    let packChars = 0;
    const packOf: number[] = [];
    for (const [i, rec] of p.records.entries()) {
      const key = sectionKey(p.n, i);
      await add(index, `/plans/${p.info.slug}/#${rec.id}`, recordContent(rec.texts), {
        [FILTER_SECTION]: [key], ...planFilters(p), ...(rec.themes.length ? { theme: rec.themes } : {}),
      });
      const chars = rec.texts.reduce((sum, t) => sum + t.length, 0);
      if (packChars > 0 && packChars + chars > PACK_CHARS) {
        packs.push(pack);
        pack = {};
        packChars = 0;
      }
      pack[key] = rec.texts;
      packChars += chars;
      packOf.push(packs.length);
    }
    if (packChars > 0) packs.push(pack);
    const paths = encodePaths(p.records.map((r) => r.path));
    const texts = packs.map((k): [number, number] => {
      const z = gzipSync(JSON.stringify(k), { level: 9 });
      zipped.push(z);
      const at: [number, number] = [offset, z.byteLength];
      offset += z.byteLength;
      return at;
    });
    const card: PlanCard = {
      slug: p.info.slug, title: p.info.title, place: p.info.place,
      secs: p.records.map((r, i) => [r.id, paths[i]![0], paths[i]![1], packOf[i]!]),
      texts,
    };
    writeJson(planCardPath(p.n), card, root);
  }
  writeAt(outPath(textFilePath(g), root), Buffer.concat(zipped));
  await writeBundle(index, outPath(groupBundlePath(g), root), false);
}

const started = Date.now();
const plans = readPlans();
rmSync(outPath('/pagefind/'), { recursive: true, force: true });
rmSync(outPath('/search-data/'), { recursive: true, force: true });
const sections = plans.reduce((sum, p) => sum + p.records.length, 0);
try {
  const cache = new BundleCache('.', !flags['no-cache']);
  const routers = await buildRouters(plans);
  await buildGroups(plans, cache);
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
    console.log(JSON.stringify({ plans: plans.length, sections, routers, indexes: stats.indexes, records: stats.records, seconds: (Date.now() - started) / 1000 }));
  }
} catch (error) {
  await pagefind.close();
  console.error(`✗ 搜索索引没有建成：${(error as Error).message}`);
  process.exit(1);
}

/**
 * Writing Pagefind bundles for the site search (scripts/build-search.ts), shared by the main
 * process and the worker threads that build section bundles beside it (search-group-worker.ts):
 * the index settings, a record, a bundle's files (index and filter chunks packed into one file,
 * src/search/pack.ts) and a whole section bundle with its plans' cards and text packs.
 *
 * Pagefind's Node API runs one indexing service (its own process) per module instance, and a
 * worker thread has a module instance of its own, so each thread indexes with its own service.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import type { PagefindIndex } from 'pagefind';
import type { PlanRecordInfo, SectionRecord } from '../../src/search/records.ts';
import { recordContent } from '../../src/search/tokens.ts';
import {
  encodePaths, FILTER_SECTION, groupBundlePath, planCardPath, sectionKey, textFilePath,
  type PlanCard, type TextPack,
} from '../../src/search/layout.ts';
import { packChunks, packFileName } from '../../src/search/pack.ts';

const num = (name: string, fallback: number): number => Number(process.env[name] ?? fallback);

/**
 * Plans per router bundle. Bounds the indexer's memory (about 1.3 MB per plan in a router,
 * measured); every router is loaded by every search, so more routers cost cold bytes.
 */
export const ROUTER_PLANS = num('SEARCH_ROUTER_PLANS', 1000);
/** Plans per section bundle: a cold search fetches one bundle per plan group on the page. */
export const GROUP_PLANS = num('SEARCH_GROUP_PLANS', 2);
/**
 * Pagefind splits its word list into chunks of about this many postings and loads the chunks a
 * query's words fall in. Small chunks load fewer bytes per word but add entries to the metadata
 * file every search loads; these sizes were tuned with `npm run bench:search`.
 */
export const ROUTER_CHUNK = num('SEARCH_ROUTER_CHUNK', 5000);
export const GROUP_CHUNK = num('SEARCH_GROUP_CHUNK', 200);
/** Text packs hold consecutive sections of a plan up to about this many characters. */
export const PACK_CHARS = num('SEARCH_PACK_CHARS', 600);
export const LANGUAGE = 'und';

export interface Plan {
  n: number;
  info: PlanRecordInfo;
  records: SectionRecord[];
}

/** Indexes and records made by this thread, for --stats. */
export const stats = { indexes: 0, records: 0 };

export function planFilters(p: Plan): Record<string, string[]> {
  const f: Record<string, string[]> = { place: p.info.place };
  if (p.info.level) f.level = [p.info.level];
  if (p.info.kind) f.kind = [p.info.kind];
  if (p.info.year) f.year = [String(p.info.year)];
  return f;
}

/** Restarts the service with a chunk size (read by Pagefind from the environment at start). */
export async function restartService(chunk: number): Promise<void> {
  await pagefind.close();
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = String(chunk);
}

export async function newIndex(): Promise<PagefindIndex> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: LANGUAGE });
  if (!index) throw new Error(`Pagefind 无法建立索引：${errors.join('；')}`);
  stats.indexes++;
  return index;
}

export async function add(index: PagefindIndex, url: string, content: string, filters: Record<string, string[]>): Promise<void> {
  const { errors } = await index.addCustomRecord({ url, content, language: LANGUAGE, filters });
  if (errors.length) throw new Error(`Pagefind 拒绝了记录 ${url}：${errors.join('；')}`);
  stats.records++;
}

export const outPath = (urlPath: string, root: string): string => join(root, ...urlPath.split('/').filter(Boolean));

/** Writes a file, making its folders. */
export function writeAt(target: string, content: Uint8Array | string): void {
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, content);
}

export function writeJson(urlPath: string, value: unknown, root: string): void {
  writeAt(outPath(urlPath, root), JSON.stringify(value));
}

/**
 * Writes the files a search needs (no fragments: results are told apart by their filters). The
 * index and filter chunks go into one pack file, listed in pagefind-entry.json (src/search/pack.ts).
 */
export async function writeBundle(index: PagefindIndex, dir: string, withScript: boolean): Promise<void> {
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

/**
 * Section bundle g: one record per section of its plans, with the plans' cards and the group's
 * text packs, written under `root` (a folder of the bundle cache, copied into dist/ after).
 */
export async function buildGroup(g: number, members: Plan[], root: string): Promise<void> {
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

/** Builds section bundles one after the other, restarting the service now and then to bound its memory. */
export class GroupBuilder {
  private built = 0;

  async build(g: number, members: Plan[], root: string): Promise<void> {
    // The service reads its chunk size when it starts.
    if (this.built % 50 === 0) await restartService(GROUP_CHUNK);
    this.built++;
    await buildGroup(g, members, root);
  }

  async close(): Promise<void> {
    await pagefind.close();
  }
}

/**
 * What `npm run content` generates beside the MDX pages, read by the views at build time:
 * content/plan-data/<slug>.json (the whole document) and content/plan-history/<slug>.json (its
 * versions), each checked against its schema.
 *
 * Why not content collections: Astro keeps a collection's every entry in its data store, in
 * memory while it syncs, and bundles the whole store into the build as one module that the pages
 * then load again. The documents are most of a plan's weight (68 MB of JSON at 1,000 plans; the
 * store was 30 MB, now 0.4 MB). Read here, each document is parsed once and held once. Together
 * with /data/plans/<slug>.json reading its file instead of importing every document, Astro's
 * step at 1,000 plans went from 2.7 GB to 0.94 GB, and Vite's bundling from 7 s to 0.9 s.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { z } from 'zod';
import { planDocumentSchema, type PlanDocument } from '../schemas/plan-document.ts';
import { planHistorySchema, type PlanHistory } from '../schemas/plan-history.ts';

function readAll<T>(dir: string, schema: z.ZodType<T>): Map<string, T> {
  const out = new Map<string, T>();
  const abs = resolve(dir);
  if (!existsSync(abs)) throw new Error(`找不到 ${dir}/：它由 npm run content 生成（npm run build 会先运行它）。请先运行 npm run content。`);
  for (const name of readdirSync(abs).filter((f) => f.endsWith('.json')).sort()) {
    const file = `${dir}/${name}`;
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(join(abs, name), 'utf8'));
    } catch (error) {
      throw new Error(`${file} 不是完整的 JSON（${(error as Error).message}）。这个文件由 npm run content 生成，请重新运行它。`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new Error(`${file} 不符合模式：字段 ${issue.path.join('.') || '（根）'}：${issue.message}。这个文件由 npm run content 生成，请重新运行它；若是改了模式，也要重新生成。`);
    }
    out.set(name.slice(0, -'.json'.length), parsed.data);
  }
  return out;
}

let documents: Map<string, PlanDocument> | undefined;
let histories: Map<string, PlanHistory> | undefined;

/** Every plan's document by slug (the file name), read once per build. */
export function planDocuments(): Map<string, PlanDocument> {
  documents ??= readAll('content/plan-data', planDocumentSchema);
  return documents;
}

/** Every plan's version history by slug, read once per build. */
export function planHistories(): Map<string, PlanHistory> {
  histories ??= readAll('content/plan-history', planHistorySchema);
  return histories;
}

/** content/plan-data/<slug>.json as written, or null when there is none. */
export function planDocumentText(slug: string): string | null {
  const file = resolve('content/plan-data', `${slug}.json`);
  return existsSync(file) ? readFileSync(file, 'utf8') : null;
}

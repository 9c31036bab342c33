/**
 * Build content/ from seeds/: every seeds/<name>.txt (with its optional <name>.yaml sidecar) goes
 * through the same pipeline as `npm run parse` and becomes
 *
 *   content/plans/<slug>.mdx        the page body, an MDX file generated from an mdast tree
 *   content/plan-data/<slug>.json   the whole PlanDocument, for contents, data and later features
 *   content/plan-history/<slug>.json the versions of its text from git and what the newest changed
 *
 * Warnings are not printed here: `npm run check`, which the build runs first, prints each one
 * until a person accepts it in the plan's metadata file.
 *
 * A file that cannot be read is reported with its name and the fix, and skipped: it never stops
 * the other plans from being published. Exit code 1 only when no plan at all could be built.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parsePlan, PlanInputError, type ParseOptions } from '../src/pipeline/index.ts';
import { ParseCache, pipelineVersion } from './lib/parse-cache.ts';
import { warmParseCache } from './lib/parse-pool.ts';
import { toMdx } from '../src/pipeline/emit/to-mdx.ts';
import { readPlanSource } from './lib/read-plan.ts';
import { slugOf } from '../src/check/texts.ts';
import { readGitHistory } from '../src/history/git-log.ts';
import { planHistory } from '../src/history/plan-history.ts';

// node:util parseArgs: the flags below and nothing else; an unknown flag stops with its name.
const { values: flags } = parseArgs({
  options: {
    seeds: { type: 'string', default: 'seeds' },
    out: { type: 'string', default: 'content' },
    /** More folders of texts (the test site's plans), as often as needed. */
    extra: { type: 'string', multiple: true, default: [] },
    /** Parse every plan again, ignoring the cache (the cache can never be stale; this is for measuring). */
    'no-cache': { type: 'boolean', default: false },
  },
});
const seedsDir = flags.seeds;
const plansDir = join(flags.out, 'plans');
const dataDir = join(flags.out, 'plan-data');
const historyDir = join(flags.out, 'plan-history');
for (const dir of [plansDir, dataDir, historyDir]) mkdirSync(dir, { recursive: true });
// Files are rewritten only when their content changed, and those of plans gone are removed, so a
// rebuild after one plan changed touches that plan's files alone.
const written = new Set<string>();
function put(path: string, text: string): void {
  written.add(path);
  if (existsSync(path) && readFileSync(path, 'utf8') === text) return;
  writeFileSync(path, text);
}
// Plans whose text, metadata and pipeline are unchanged are not parsed again (scripts/lib/parse-cache.ts).
const version = pipelineVersion();
const cache = flags['no-cache'] ? null : new ParseCache(version);
const parse = (bytes: Uint8Array, options: ParseOptions) => (cache ? cache.get(bytes, options, () => parsePlan(bytes, options)) : parsePlan(bytes, options));
const dirs = [seedsDir, ...flags.extra];
// Each folder's own history: a folder of extra texts may live in another repository.
// Keyed by absolute path, so that each text finds its folder's history however the folder was written ("plans/", "./plans").
const histories = new Map(dirs.map((dir) => [resolve(dir), readGitHistory(dir)]));
const git = histories.get(resolve(seedsDir))!;
if (!git.available) console.log(`版本记录：${git.reason}`);

const files = dirs.flatMap((dir) =>
  readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => join(dir, f)));
// Every core parses first (lib/parse-pool.ts); the loop below then reads each plan from the cache.
const warmed = cache ? await warmParseCache(files, version) : { threads: 0, parsed: 0 };
const slugs = new Map<string, string>();
let built = 0;
let failed = 0;
for (const file of files) {
  try {
    const source = readPlanSource(file);
    const slug = source.options.sidecar?.slug ?? slugOf(file);
    const clash = slugs.get(slug);
    if (clash) throw new PlanInputError(file, `网址名 ${slug} 已被 ${clash} 使用。请在元数据文件里给它另起一个 slug。`);
    slugs.set(slug, file);
    const doc = parse(source.bytes, source.options);
    put(join(dataDir, `${slug}.json`), `${JSON.stringify(doc, null, 1)}\n`);
    put(join(plansDir, `${slug}.mdx`), toMdx(doc, slug));
    const history = planHistory(histories.get(resolve(dirname(file))) ?? git, file, doc, (bytes) => parse(bytes, source.options));
    put(join(historyDir, `${slug}.json`), `${JSON.stringify(history, null, 1)}\n`);
    built++;
  } catch (error) {
    failed++;
    const message = error instanceof PlanInputError ? error.message : `${file}：处理失败（${(error as Error).message}）`;
    console.error(`✗ ${message} 这一份规划没有发布，其他规划不受影响。`);
  }
}
for (const dir of [plansDir, dataDir, historyDir]) {
  for (const name of readdirSync(dir)) if (!written.has(join(dir, name))) rmSync(join(dir, name), { force: true });
}
console.log(`已生成 ${built} 份规划${failed ? `，${failed} 份失败` : ''}：${plansDir}/, ${dataDir}/${cache ? `（${cache.hits - warmed.parsed} 份未改动，沿用上次的解析结果）` : ''}`);
if (built === 0 && files.length > 0) process.exit(1);

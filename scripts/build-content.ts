/**
 * Build content/ from seeds/: every seeds/<name>.txt (with its optional <name>.yaml sidecar) goes
 * through the same pipeline as `npm run parse` and becomes
 *
 *   content/plans/<slug>.mdx        the page body, an MDX file generated from an mdast tree
 *   content/plan-data/<slug>.json   the whole PlanDocument, for contents, data and later features
 *
 * A file that cannot be read is reported with its name and the fix, and skipped: it never stops
 * the other plans from being published. Exit code 1 only when no plan at all could be built.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parsePlan, PlanInputError } from '../src/pipeline/index.ts';
import { toMdx } from '../src/pipeline/emit/to-mdx.ts';
import { readPlanSource } from './lib/read-plan.ts';

const args = process.argv.slice(2);
const seedsDir = valueOf('--seeds') ?? 'seeds';
const outDir = valueOf('--out') ?? 'content';
const extra = valueOf('--extra');

function valueOf(flag: string): string | undefined {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
}

const plansDir = join(outDir, 'plans');
const dataDir = join(outDir, 'plan-data');
rmSync(plansDir, { recursive: true, force: true });
rmSync(dataDir, { recursive: true, force: true });
mkdirSync(plansDir, { recursive: true });
mkdirSync(dataDir, { recursive: true });

const files = [seedsDir, ...(extra ? [extra] : [])].flatMap((dir) =>
  readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => join(dir, f)));
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
    const doc = parsePlan(source.bytes, source.options);
    writeFileSync(join(dataDir, `${slug}.json`), `${JSON.stringify(doc, null, 1)}\n`);
    writeFileSync(join(plansDir, `${slug}.mdx`), toMdx(doc, slug));
    for (const d of doc.diagnostics.filter((x) => x.severity === 'warning')) {
      console.warn(`${file}${d.line ? `:${d.line}` : ''} 警告 [${d.code}] ${d.message}`);
    }
    built++;
  } catch (error) {
    failed++;
    const message = error instanceof PlanInputError ? error.message : `${file}：处理失败（${(error as Error).message}）`;
    console.error(`✗ ${message} 这一份规划没有发布，其他规划不受影响。`);
  }
}
console.log(`已生成 ${built} 份规划${failed ? `，${failed} 份失败` : ''}：${plansDir}/, ${dataDir}/`);
if (built === 0 && files.length > 0) process.exit(1);

/** A URL-safe slug from a file name: "000_8791d22943014768.txt" → "000-8791d22943014768". */
function slugOf(file: string): string {
  const s = basename(file, '.txt').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return s || `plan-${Buffer.from(basename(file)).toString('hex').slice(0, 12)}`;
}

/**
 * Scaffolds for staff (CONTRIBUTING.md):
 *
 *   npm run new -- plan <file>         copy a plan text into seeds/ and write its metadata file with
 *                                      what the pipeline read, each line marked for a person to confirm
 *   npm run new -- update <plan-slug>  write content/updates/<today>-<slug>.md with the fields to fill
 *
 * Options: --seeds <dir> and --updates <dir> (tests use temporary folders), --date YYYY-MM-DD for an
 * update dated another day. Nothing is overwritten: a name already taken gets -2, -3 …
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { slugOf } from '../src/check/texts.ts';
import { PlanInputError, parsePlan } from '../src/pipeline/index.ts';
import { placePath } from '../src/pipeline/text/place-names.ts';
import { readSidecar } from '../src/pipeline/meta/sidecar.ts';
import { scaffoldPlan } from '../src/scaffold/new-plan.ts';
import { scaffoldUpdate, updateFileName } from '../src/scaffold/new-update.ts';
import { buildDay } from '../src/utils/dates.ts';
import { readPlanSource } from './lib/read-plan.ts';

const USAGE = '用法：npm run new -- plan <文本文件>   或   npm run new -- update <规划网址名>';

function fail(message: string): never {
  console.error(`✗ ${message}`);
  process.exit(1);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      seeds: { type: 'string', default: 'seeds' },
      updates: { type: 'string', default: join('content', 'updates') },
      date: { type: 'string' },
    },
  });
} catch (error) {
  fail(`${(error as Error).message}\n${USAGE}`);
}
const { values: flags, positionals } = parsed;
const [what, target] = positionals;
if (!target || (what !== 'plan' && what !== 'update')) fail(USAGE);

/** Every plan's slug in the texts folder, with its file: the metadata file's, else the file name's. */
function planSlugs(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.txt'))) {
    const sidecar = join(dir, name.replace(/\.txt$/, '.yaml'));
    const read = existsSync(sidecar) ? readSidecar(readFileSync(sidecar, 'utf8')) : null;
    out.set(read?.ok && read.sidecar.slug ? read.sidecar.slug : slugOf(name), join(dir, name));
  }
  return out;
}

if (what === 'plan') {
  if (!existsSync(target)) fail(`找不到文件 ${target}。请检查路径。`);
  const bytes = new Uint8Array(readFileSync(target));
  const name = basename(target);
  let scaffold;
  try {
    scaffold = scaffoldPlan(bytes, name, new Set(planSlugs(flags.seeds).keys()));
  } catch (error) {
    if (error instanceof PlanInputError) fail(`${error.message} 这份文件没有加入。`);
    throw error;
  }
  const textPath = join(flags.seeds, scaffold.textName);
  const sidecarPath = textPath.replace(/\.txt$/, '.yaml');
  if (existsSync(textPath) || existsSync(sidecarPath)) fail(`${textPath} 已经存在。要替换旧文本，请直接覆盖那个文件（它的版本记录会保留）；要新增一份，请先给文件改个名字。`);
  mkdirSync(flags.seeds, { recursive: true });
  copyFileSync(target, textPath);
  writeFileSync(sidecarPath, scaffold.sidecar);
  const d = scaffold.doc;
  console.log(`已加入 ${textPath}，元数据文件 ${sidecarPath}。`);
  console.log(`读出：${d.meta.title ?? '（没有标题）'}；${d.sections.length} 个一级章节，${d.goals.length} 个数量目标，${d.channels.length} 个参与渠道。`);
  console.log('接下来请：');
  scaffold.todo.forEach((t, i) => console.log(`  ${i + 1}. ${t}`));
} else {
  const plans = planSlugs(flags.seeds);
  const file = plans.get(target);
  if (!file) fail(`没有网址名为“${target}”的规划。已有的网址名见各规划元数据文件里的 slug，或规划页网址 /plans/<网址名>/。`);
  const source = readPlanSource(file);
  const doc = parsePlan(source.bytes, source.options);
  const place = placePath(doc.meta.jurisdiction).join('/');
  const date = flags.date ?? buildDay();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) fail(`--date 写成 YYYY-MM-DD（现值：${date}）。`);
  mkdirSync(flags.updates, { recursive: true });
  const name = updateFileName(date, target, new Set(readdirSync(flags.updates)));
  const path = join(flags.updates, name);
  writeFileSync(path, scaffoldUpdate({ slug: target, title: doc.meta.title ?? target, place, goals: doc.goals }, date));
  console.log(`已写出 ${path}。`);
  console.log('接下来请：');
  console.log('  1. 填写 title（标题）和 source（数据出处的名称和网址）。');
  console.log('  2. 在第二个 --- 下面写正文；报告指标实际值的，按文件里的示例填写 values。');
  console.log('  3. 运行 npm run check，改正它指出的每一处，再提交。');
}

/**
 * npm run -s eval:goals [-- --verbose] [-- --check]
 *
 * Scores goal extraction (issue 7) against hand annotations:
 *   - tests/eval/seeds-goals.json  (the team's gold for the five seeds, copied from ../shared/eval/)
 *   - tests/eval/corpus-goals.json (hand-checked annotations of corpus plans with tables)
 * A numeric goal matches when value, unit (both normalised the same way) and year agree; gold items
 * marked optional are neither required nor counted against. Prints precision and recall per text
 * and in total; milestones are scored for information only (year and overlapping quote).
 *
 * Texts are read from seeds/<name> when the project has them, else from ../shared/corpus/<name>.
 * A fresh clone has no ../shared: texts found nowhere are named and skipped, the rest are scored.
 * --verbose lists every missed and every extra goal and milestone; --check exits 1 when a target is not met
 * (seeds P and R ≥ 0.95, corpus annotations ≥ 0.9).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readPlanSource } from './lib/read-plan.ts';
import { parsePlan, type Goal, type Milestone } from '../src/pipeline/index.ts';
import { normaliseUnit } from '../src/pipeline/enrich/goals-quantities.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const shared = join(root, '..', 'shared');
const verbose = process.argv.includes('--verbose') || process.argv.includes('-v');
const check = process.argv.includes('--check');

interface GoldGoal {
  file: string; indicator: string; comparator: string; value: number | null; unit: string | null;
  year: number | null; quote: string; optional?: boolean;
}
interface GoldMilestone { file: string; year: number; action: string; quote: string; optional?: boolean }
interface GoldFile { goals: GoldGoal[]; milestones?: GoldMilestone[]; milestonesComplete?: boolean }

interface Score { tp: number; fp: number; fn: number }
const add = (a: Score, b: Score): Score => ({ tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn });
const precision = (s: Score) => (s.tp + s.fp ? s.tp / (s.tp + s.fp) : 1);
const recall = (s: Score) => (s.tp + s.fn ? s.tp / (s.tp + s.fn) : 1);
const f2 = (x: number) => x.toFixed(2);

const keyOf = (value: number, unit: string | null, year: number | null) => `${Number(value.toFixed(6))}|${normaliseUnit(unit)}|${year ?? '-'}`;

function textPath(name: string): string | null {
  for (const dir of [join(root, 'seeds'), join(shared, 'seeds'), join(shared, 'corpus')]) {
    const p = join(dir, name);
    if (existsSync(p)) return p;
  }
  return null;
}

function scoreGoals(gold: GoldGoal[], found: Goal[], name: string): Score {
  const numeric = gold.filter((g) => typeof g.value === 'number' && g.unit);
  const required = numeric.filter((g) => !g.optional);
  const optional = numeric.filter((g) => g.optional);
  const used = new Set<GoldGoal>();
  const extra: Goal[] = [];
  let tp = 0;
  for (const g of found) {
    const k = keyOf(g.value, g.unit, g.year);
    const hit = required.find((x) => !used.has(x) && keyOf(x.value!, x.unit, x.year) === k);
    if (hit) { used.add(hit); tp++; continue; }
    const soft = optional.find((x) => !used.has(x) && keyOf(x.value!, x.unit, x.year) === k);
    if (soft) { used.add(soft); continue; }
    extra.push(g);
  }
  const missed = required.filter((x) => !used.has(x));
  if (verbose) {
    for (const m of missed) console.log(`    漏  ${name}  ${m.indicator} ${m.comparator} ${m.value}${m.unit} ${m.year ?? '—'}  「${m.quote.replace(/\s+/g, ' ')}」`);
    for (const e of extra) console.log(`    多  ${name}  ${e.indicator} ${e.comparator} ${e.value}${e.unit} ${e.year ?? '—'}  「${e.quote.replace(/\s+/g, ' ').slice(0, 80)}」`);
  }
  return { tp, fp: extra.length, fn: missed.length };
}

const squash = (s: string) => s.replace(/[\s\p{P}]/gu, '');
function overlaps(a: string, b: string): boolean {
  const x = squash(a);
  const y = squash(b);
  if (!x || !y) return false;
  if (x.includes(y) || y.includes(x)) return true;
  for (let i = 0; i + 8 <= y.length; i += 4) if (x.includes(y.slice(i, i + 8))) return true;
  return false;
}

function scoreMilestones(gold: GoldMilestone[], found: Milestone[], name: string): Score {
  const used = new Set<GoldMilestone>();
  let tp = 0;
  let fp = 0;
  for (const m of found) {
    const hit = gold.find((g) => !used.has(g) && g.year === m.year && overlaps(g.quote, m.quote));
    if (hit) { used.add(hit); if (!hit.optional) tp++; } else {
      fp++;
      if (verbose) console.log(`    多里程碑  ${name}  ${m.year} ${m.action}  「${m.quote.replace(/\s+/g, ' ').slice(0, 80)}」`);
    }
  }
  const missed = gold.filter((g) => !g.optional && !used.has(g));
  if (verbose) for (const m of missed) console.log(`    漏里程碑  ${name}  ${m.year} ${m.action}  「${m.quote.replace(/\s+/g, ' ')}」`);
  return { tp, fp, fn: missed.length };
}

const sets = [
  { label: '种子文本（tests/eval/seeds-goals.json）', file: join(root, 'tests/eval/seeds-goals.json'), target: 0.95 },
  { label: '语料标注（tests/eval/corpus-goals.json）', file: join(root, 'tests/eval/corpus-goals.json'), target: 0.9 },
];

let failed = false;
for (const set of sets) {
  if (!existsSync(set.file)) {
    console.log(`${set.label}：找不到标注文件 ${set.file}，跳过。`);
    continue;
  }
  const gold = JSON.parse(readFileSync(set.file, 'utf8')) as GoldFile;
  const names = [...new Set(gold.goals.map((g) => g.file))];
  console.log(`\n${set.label}`);
  console.log('  文本                                                           标注  抽取   命中  多抽  漏抽  精确率 召回率');
  let total: Score = { tp: 0, fp: 0, fn: 0 };
  let ms: Score = { tp: 0, fp: 0, fn: 0 };
  let skipped = 0;
  for (const name of names) {
    const path = textPath(name);
    if (!path) {
      skipped++;
      console.log(`  ${name}：找不到文本（查过 seeds/、${existsSync(shared) ? '../shared/seeds/、../shared/corpus/' : '../shared/（此目录不存在，新克隆的仓库没有它）'}），跳过。`);
      continue;
    }
    const source = readPlanSource(path);
    const doc = parsePlan(source.bytes, source.options);
    const goldHere = gold.goals.filter((g) => g.file === name);
    const s = scoreGoals(goldHere, doc.goals, name.slice(0, 12));
    total = add(total, s);
    ms = add(ms, scoreMilestones((gold.milestones ?? []).filter((m) => m.file === name), doc.milestones, name.slice(0, 12)));
    const required = goldHere.filter((g) => typeof g.value === 'number' && g.unit && !g.optional).length;
    console.log(`  ${name.padEnd(60)} ${String(required).padStart(4)} ${String(doc.goals.length).padStart(5)} ${String(s.tp).padStart(6)} ${String(s.fp).padStart(5)} ${String(s.fn).padStart(5)}   ${f2(precision(s))}   ${f2(recall(s))}`);
  }
  const ok = precision(total) >= set.target && recall(total) >= set.target;
  if (!ok && names.length > skipped) failed = true;
  console.log(`  合计：精确率 ${f2(precision(total))}，召回率 ${f2(recall(total))}（命中 ${total.tp}，多抽 ${total.fp}，漏抽 ${total.fn}）；目标 ≥ ${set.target}：${names.length === skipped ? '没有可评的文本' : ok ? '达到' : '未达到'}${skipped ? `；${skipped} 份文本缺失未评` : ''}`);
  console.log(gold.milestonesComplete === false
    ? `  里程碑（仅供参考；标注只是抽样，只看召回率）：召回率 ${f2(recall(ms))}（命中 ${ms.tp}，漏抽 ${ms.fn}）`
    : `  里程碑（仅供参考，按年份和引文重叠匹配）：精确率 ${f2(precision(ms))}，召回率 ${f2(recall(ms))}（命中 ${ms.tp}，多抽 ${ms.fp}，漏抽 ${ms.fn}）`);
}
if (check && failed) process.exit(1);

/**
 * npm run -s eval:goals [-- --verbose] [-- --check]
 *
 * Scores goal extraction against hand annotations:
 *   - tests/eval/seeds-goals.json   the team's gold for the five seeds (from ../shared/eval/)
 *   - tests/eval/corpus-goals.json  corpus plans with indicator tables, annotated before tuning
 *   - tests/eval/annotations/*.json one file per text, each with its first score (README there)
 * A goal matches when value, unit (both normalised the same way), year and place agree; gold items
 * marked optional are neither required nor counted against; a firm's limit (a gold requirement)
 * reported as a target counts against. Prints precision and recall per text and per set, the
 * comparators that agree among the matches, and the stored first scores: the figure that says how
 * the reader does on a plan nobody had read, which is the one to move.
 *
 * Texts are read from seeds/, tests/pipeline/real/, tests/eval/texts/ and, when present,
 * ../shared/. A fresh clone has no ../shared: texts found nowhere are named and skipped.
 * --verbose lists every missed and every extra goal and milestone; --check exits 1 when the
 * current score of a set misses its target (seeds ≥ 0.95; the others P ≥ 0.9, R ≥ 0.8).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parsePlan, type Milestone, type PlanDocument } from '../src/pipeline/index.ts';
import { readPlanSource } from './lib/read-plan.ts';
import {
  add, f2, line, loadAnnotations, precision, printFirstScores, recall, root, scoreGoals, shared, textPath, zero,
  type Annotation, type GoldGoal, type Score,
} from './lib/annotations.ts';

const { values } = parseArgs({ options: { verbose: { type: 'boolean', short: 'v', default: false }, check: { type: 'boolean', default: false } }, allowPositionals: true });
const verbose = values.verbose;

interface GoldMilestone { file: string; year: number; action: string; quote: string; optional?: boolean }
interface GoldFile { goals: (GoldGoal & { file: string })[]; milestones?: GoldMilestone[]; milestonesComplete?: boolean }

/** A gold file of the older form (one list for several texts), as one annotation per text. */
function fromGoldFile(path: string): Annotation[] {
  if (!existsSync(path)) return [];
  const gold = JSON.parse(readFileSync(path, 'utf8')) as GoldFile;
  const names = [...new Set(gold.goals.map((g) => g.file))];
  return names.map((file) => ({
    file, round: 0, annotated: '', form: [], history: [], path, requirements: [], nonTargets: [],
    goals: gold.goals.filter((g) => g.file === file),
    milestones: (gold.milestones ?? []).filter((m) => m.file === file),
  }));
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

/** Milestones: recall only (annotations are a sample), by year and overlapping quote. */
function milestoneRecall(gold: { year: number; quote: string; action: string }[], found: Milestone[], name: string): Score {
  const used = new Set<number>();
  let tp = 0;
  for (const m of found) {
    const i = gold.findIndex((g, k) => !used.has(k) && g.year === m.year && overlaps(g.quote, m.quote));
    if (i >= 0) { used.add(i); tp++; }
  }
  if (verbose) gold.forEach((g, k) => { if (!used.has(k)) console.log(`    漏里程碑  ${name}  ${g.year} ${g.action}  「${g.quote.replace(/\s+/g, ' ')}」`); });
  return { tp, fp: 0, fn: gold.length - tp };
}

const docs = new Map<string, PlanDocument>();
function docOf(file: string): PlanDocument | null {
  if (docs.has(file)) return docs.get(file)!;
  const path = textPath(file);
  if (!path) return null;
  const source = readPlanSource(path);
  const doc = parsePlan(source.bytes, source.options);
  docs.set(file, doc);
  return doc;
}

const sets = [
  { label: '种子文本（tests/eval/seeds-goals.json）', annotations: fromGoldFile(join(root, 'tests/eval/seeds-goals.json')), p: 0.95, r: 0.95 },
  { label: '语料标注（tests/eval/corpus-goals.json）', annotations: fromGoldFile(join(root, 'tests/eval/corpus-goals.json')), p: 0.9, r: 0.8 },
  { label: '逐份标注（tests/eval/annotations/）', annotations: loadAnnotations().filter((a) => a.goals), p: 0.9, r: 0.8 },
];

let failed = false;
for (const set of sets) {
  console.log(`\n${set.label}`);
  console.log('  文本                                                           标注  抽取   命中  多抽  漏抽  精确率 召回率');
  let total = zero();
  let ms = zero();
  let agree = 0;
  let asTargets = 0;
  const skipped: string[] = [];
  for (const a of set.annotations) {
    const doc = docOf(a.file);
    if (!doc) { skipped.push(a.file); continue; }
    const s = scoreGoals(a, doc.goals);
    total = add(total, s);
    agree += s.comparatorAgree;
    asTargets += s.requirementsAsTargets.length;
    ms = add(ms, milestoneRecall(a.milestones, doc.milestones, a.file.slice(0, 12)));
    const required = (a.goals ?? []).filter((g) => typeof g.value === 'number' && g.unit && !g.optional).length;
    console.log(`  ${a.file.padEnd(60)} ${String(required).padStart(4)} ${String(doc.goals.length).padStart(5)} ${String(s.tp).padStart(6)} ${String(s.fp).padStart(5)} ${String(s.fn).padStart(5)}   ${f2(precision(s))}   ${f2(recall(s))}`);
    if (verbose) {
      const name = a.file.slice(0, 12);
      for (const m of s.missed) console.log(`    漏  ${name}  ${m.indicator} ${m.comparator} ${m.value}${m.unit} ${m.year ?? '—'}${m.place ? ` @${m.place}` : ''}  「${m.quote.replace(/\s+/g, ' ')}」`);
      for (const e of s.extra) console.log(`    多  ${name}  ${e.indicator} ${e.comparator} ${e.value}${e.unit} ${e.year ?? '—'}${e.place ? ` @${e.place}` : ''}${s.requirementsAsTargets.includes(e) ? '（标注为对企业的要求）' : ''}  「${e.quote.replace(/\s+/g, ' ').slice(0, 80)}」`);
    }
  }
  const scored = set.annotations.length - skipped.length;
  const ok = precision(total) >= set.p && recall(total) >= set.r;
  if (!ok && scored > 0) failed = true;
  console.log(`  ${line('现在', total)}；目标 P ≥ ${set.p}、R ≥ ${set.r}：${scored === 0 ? '没有可评的文本' : ok ? '达到' : '未达到'}`);
  if (total.tp) console.log(`  比较符一致：${agree}/${total.tp}${asTargets ? `；把对企业的要求当成目标：${asTargets}` : ''}`);
  if (skipped.length) console.log(`  ${skipped.length} 份文本找不到（查过 seeds/、tests/pipeline/real/、tests/eval/texts/、${existsSync(shared) ? '../shared/' : '../shared/（此目录不存在，新克隆的仓库没有它）'}），未评：${skipped.join('、')}`);
  if (ms.tp + ms.fn) console.log(`  里程碑（标注是抽样，只看召回率）：召回率 ${f2(recall(ms))}（命中 ${ms.tp}，漏 ${ms.fn}）`);
  if (set.annotations.some((a) => a.firstScore)) printFirstScores(set.annotations, 'goals');
}
if (values.check && failed) process.exit(1);

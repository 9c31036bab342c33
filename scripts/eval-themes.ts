/**
 * npm run -s eval:themes [-- --verbose]
 *
 * Measures the theme classifier (src/pipeline/enrich/themes.ts with content/themes.yaml) two ways:
 *
 * (a) Blocks under a heading that names a battle, over seeds/ and ../shared/corpus/ (when it is
 *     there): the share tagged with that battle, per battle. "Names a battle" is decided here by a
 *     short fixed list (the battle's own name and its standard phrases, below), not by the
 *     taxonomy, so that editing themes.yaml cannot move the test set. Also shown: the share the
 *     vocabulary alone would give if the headings were hidden, i.e. how well the words transfer to
 *     plans whose headings do not help.
 * (b) tests/eval/theme-labels.json: blocks of plans whose headings do not name the battles,
 *     labelled by hand. Precision and recall per theme and overall (micro-averaged).
 *
 * (c) tests/eval/annotations/*.json: the battles of every section, labelled by hand from the
 *     section's heading and its own text. Precision and recall over (section, battle) pairs, now
 *     and as first scored (the score the day each text was annotated, before rules were changed
 *     for it: the figure that says how a plan nobody has read is classified).
 *
 * --verbose lists every disagreement in (b) and (c) with the evidence the classifier recorded.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePlan, type Block, type PlanDocument, type Section } from '../src/pipeline/index.ts';
import { blockText, loadThemes, vocabularyThemes } from '../src/pipeline/enrich/themes.ts';
import { readPlanSource } from './lib/read-plan.ts';
import { add, line, loadAnnotations, printFirstScores, scoreBattles, textPath, zero } from './lib/annotations.ts';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const seedsDir = join(root, 'seeds');
/** Real texts kept as test material rather than published (the sponge-city letter, 10). */
const realDir = join(root, 'tests/pipeline/real');
const corpusDir = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));
const labelsFile = join(root, 'tests/eval/theme-labels.json');
const verbose = parseArgs({ options: { verbose: { type: 'boolean', default: false } } }).values.verbose;

/** Headings that name a battle, for (a): the battle's name and the phrases plans use for it. */
const NAMES_BATTLE: [string, RegExp][] = [
  ['blue-sky', /蓝天|大气污染|大气环境|空气质量/],
  ['clear-water', /碧水|水污染|水环境/],
  ['clean-soil', /净土|土壤污染|固体废物/],
  ['blue-sea', /碧海|海洋污染|海洋环境|近岸海域/],
];

const taxonomy = loadThemes();
const order = taxonomy.order;

// ------------------------------------------------------------------ the texts
const files = new Map<string, string>();
for (const dir of [seedsDir, realDir].filter(existsSync)) {
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) if (!files.has(f)) files.set(f, join(dir, f));
}
const haveCorpus = existsSync(corpusDir);
if (haveCorpus) {
  for (const f of readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort()) if (!files.has(f)) files.set(f, join(corpusDir, f));
}
console.log(haveCorpus
  ? `文本：seeds/、tests/pipeline/real/ 与 ../shared/corpus/，共 ${files.size} 份（同名只算一次）。`
  : `文本：seeds/ 与 tests/pipeline/real/ 的 ${files.size} 份。没有找到 ../shared/corpus/（${corpusDir}）：只统计这些文本，(b) 中不在其中的标注段落无法核对。`);

const docs = new Map<string, PlanDocument>();
for (const [name, path] of files) {
  const source = readPlanSource(path);
  docs.set(name, parsePlan(source.bytes, source.options));
}

/** Every block of a document's plan content (not the cover notice), with its heading path. */
function* blocksOf(doc: PlanDocument): Generator<{ block: Block; path: string[] }> {
  function* walk(list: Section[], path: string[]): Generator<{ block: Block; path: string[] }> {
    for (const s of list) {
      if (s.role === 'notice') continue;
      const here = [...path, `${s.number ?? ''}${s.heading}`];
      for (const block of s.blocks) yield { block, path: here };
      yield* walk(s.children, here);
    }
  }
  yield* walk(doc.sections, []);
}

const pct = (a: number, b: number) => (b === 0 ? '   —  ' : `${((100 * a) / b).toFixed(1).padStart(5)}%`);

// ------------------------------------------------------------------ (a)
console.log('\n(a) 标题点明某一保卫战的段落：被标为该保卫战的比例');
console.log('主题          段落数  标注率   只看词表');
let aTotal = 0;
let aTagged = 0;
let aWords = 0;
for (const [id, re] of NAMES_BATTLE) {
  let n = 0;
  let tagged = 0;
  let words = 0;
  const perFile = new Map<string, number>();
  for (const [name, doc] of docs) {
    for (const { block, path } of blocksOf(doc)) {
      if (!path.some((h) => re.test(h))) continue;
      n++;
      perFile.set(name, (perFile.get(name) ?? 0) + 1);
      if (block.themes.includes(id)) tagged++;
      if (vocabularyThemes(blockText(block), taxonomy).has(id)) words++;
    }
  }
  aTotal += n;
  aTagged += tagged;
  aWords += words;
  const from = [...perFile].map(([f, c]) => `${f.slice(0, 3)}×${c}`).join(' ');
  console.log(`${id.padEnd(12)} ${String(n).padStart(6)}  ${pct(tagged, n)}  ${pct(words, n)}   ${from}`);
}
console.log(`${'合计'.padEnd(10)} ${String(aTotal).padStart(6)}  ${pct(aTagged, aTotal)}  ${pct(aWords, aTotal)}`);

// ------------------------------------------------------------------ (b)
interface Label { file: string; start: string; themes: string[] }
const labels = (JSON.parse(readFileSync(labelsFile, 'utf8')) as { labels: Label[] }).labels;
for (const l of labels) {
  const unknown = l.themes.filter((t) => !order.includes(t));
  if (unknown.length) throw new Error(`${labelsFile}：${l.file}「${l.start}」标注了词表里没有的主题 ${unknown.join('、')}`);
}

const counts = new Map(order.map((id) => [id, { tp: 0, fp: 0, fn: 0 }]));
let found = 0;
let exact = 0;
const missing: Label[] = [];
const wrong: string[] = [];
let inside = 0;
for (const label of labels) {
  const doc = docs.get(label.file);
  const blocks = doc ? [...blocksOf(doc)] : [];
  // A labelled paragraph that is now part of a block (an item of a list: structure reads whole
  // runs of items as lists; or the body after a heading) is judged by that block's themes.
  const own = blocks.find(({ block }) => block.text.slice(0, 30) === label.start);
  // Or a paragraph whose label became its section's heading ("区文明办：负责…" → heading 区文明办,
  // block "负责…"): judged by the block that holds the rest of it.
  const within = own ? undefined
    : blocks.find(({ block }) => block.text.includes(label.start))
      ?? blocks.find(({ block }) => block.text.length >= 12 && label.start.slice(2).includes(block.text.slice(0, 12)));
  if (within) inside++;
  const hit = own ?? within;
  if (!hit) {
    missing.push(label);
    continue;
  }
  found++;
  const got = hit.block.themes;
  if (got.length === label.themes.length && got.every((t) => label.themes.includes(t))) exact++;
  for (const id of order) {
    const c = counts.get(id)!;
    const want = label.themes.includes(id);
    const has = got.includes(id);
    if (want && has) c.tp++;
    else if (has) c.fp++;
    else if (want) c.fn++;
  }
  if (verbose && (got.length !== label.themes.length || !got.every((t) => label.themes.includes(t)))) {
    const why = (hit.block.themeWhy ?? []).map((r) => `${r.theme}←${r.by === 'heading' ? `标题「${r.evidence[0]}」` : r.evidence.join('、')}`).join('；');
    wrong.push(`  ${label.file.slice(0, 2)}「${label.start.slice(0, 20)}」 标注 [${label.themes.join(', ')}] 得到 [${got.join(', ')}]\n      ${why}`);
  }
}

console.log(`\n(b) 人工标注样本（${labelsFile.slice(root.length)}）：${labels.length} 段，找到 ${found} 段${inside ? `（其中 ${inside} 段现为某块的一部分，按所在的块计）` : ''}`);
if (missing.length) {
  console.log(`  找不到 ${missing.length} 段（文本缺失，或结构变化后段落开头不同）：`);
  for (const m of missing.slice(0, 10)) console.log(`    ${m.file}「${m.start}」`);
}
console.log('主题          标注数  判为数  精确率   召回率');
let tp = 0;
let fp = 0;
let fn = 0;
for (const id of order) {
  const c = counts.get(id)!;
  tp += c.tp;
  fp += c.fp;
  fn += c.fn;
  console.log(`${id.padEnd(12)} ${String(c.tp + c.fn).padStart(6)}  ${String(c.tp + c.fp).padStart(6)}  ${pct(c.tp, c.tp + c.fp)}  ${pct(c.tp, c.tp + c.fn)}`);
}
console.log(`${'合计'.padEnd(10)} ${String(tp + fn).padStart(6)}  ${String(tp + fp).padStart(6)}  ${pct(tp, tp + fp)}  ${pct(tp, tp + fn)}   （逐主题汇总）`);
console.log(`主题集合完全一致：${exact}/${found}（${pct(exact, found).trim()}）`);
if (verbose && wrong.length) console.log(`\n不一致的段落：\n${wrong.join('\n')}`);
if (!haveCorpus) console.log(`\n注意：没有 ../shared/corpus/，以上数字只反映 seeds/ 和 tests/pipeline/real/ 中能找到的段落。`);

// ------------------------------------------------------------------ (c)
const annotations = loadAnnotations().filter((a) => a.battles);
console.log(`\n(c) 每个章节的战役（tests/eval/annotations/，${annotations.length} 份文本）`);
let cTotal = zero();
const cByRound = new Map<number, ReturnType<typeof zero>>();
for (const a of annotations) {
  const path = textPath(a.file);
  if (!path) {
    console.log(`  ${a.file}：找不到文本，跳过。`);
    continue;
  }
  const doc = docs.get(a.file) ?? parsePlan(readPlanSource(path).bytes, readPlanSource(path).options);
  const s = scoreBattles(a, doc);
  cTotal = add(cTotal, s);
  cByRound.set(a.round, add(cByRound.get(a.round) ?? zero(), s));
  if (verbose) {
    console.log(`  ${line(a.file.slice(0, 40), s)}`);
    for (const w of s.wrong) console.log(`      「${w.section}」 标注 [${w.want.join(', ')}] 得到 [${w.got.join(', ')}]`);
    for (const u of s.unmatched) console.log(`      标注的章节在解析结果里找不到：「${u}」`);
    for (const u of s.unlabelled) console.log(`      没有标注的章节：「${u}」`);
  }
}
for (const [round, sc] of [...cByRound].sort((x, y) => x[0] - y[0])) console.log(`  ${line(`现在，第 ${round} 批`, sc)}`);
console.log(`  ${line('现在，全部', cTotal)}`);
printFirstScores(annotations, 'battles');

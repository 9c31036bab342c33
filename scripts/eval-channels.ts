/**
 * npm run -s eval:channels [-- --brief] [-- --labels <file> --texts <folder>]
 *
 * Precision and recall of the participation-channel extractor against the hand-checked labels in
 * tests/eval/channels-labels.json (conventions at the top of that file), per file and in total.
 *
 * The unit is the extractor's: one channel per (block, kind, value). Each label's snippet is
 * looked up in the parsed blocks; labels of the same kind and value that fall in the same block
 * count once (the parser decides what a block is, and may change). A found channel is right when
 * a label of its kind and value lies in its block.
 *
 * Then the channels of tests/eval/annotations/*.json (the same conventions), now and as first
 * scored, the day each text was annotated, before any rule was changed for it.
 *
 * Texts are read from ../shared/seeds and ../shared/corpus when that folder exists (it does not in
 * a fresh clone: the command says so), otherwise from the project's seeds/ and
 * tests/pipeline/real/, where the published copies live.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readPlanSource } from './lib/read-plan.ts';
import { add, line, loadAnnotations, printFirstScores, scoreChannels, textPath, zero } from './lib/annotations.ts';
import { parsePlan, type Block, type Channel, type Section } from '../src/pipeline/index.ts';
import { parseArgs } from 'node:util';

interface Label { kind: Channel['kind']; value: string | null; snippet: string }
interface LabelFile { conventions: string[]; files: Record<string, Label[]> }

const root = fileURLToPath(new URL('../', import.meta.url));
const shared = join(root, '..', 'shared');
const { values: flags } = parseArgs({
  options: {
    brief: { type: 'boolean', default: false },
    /** Another label file (same format), e.g. texts held out while the rules were written. */
    labels: { type: 'string' },
    /** A folder to look for the labelled files in first. */
    texts: { type: 'string' },
  },
});
const brief = flags.brief;
const labelPath = flags.labels ?? join(root, 'tests/eval/channels-labels.json');
const extra = flags.texts;

const labels = JSON.parse(readFileSync(labelPath, 'utf8')) as LabelFile;

const haveShared = existsSync(shared);
const folders = [
  ...(extra ? [extra] : []),
  ...(haveShared ? [join(shared, 'seeds'), join(shared, 'corpus')] : []),
  join(root, 'seeds'), join(root, 'tests/pipeline/real'),
];
if (!haveShared) {
  console.log('注意：没有找到 ../shared（全新克隆里没有这个目录），只评估项目 seeds/ 和 tests/pipeline/real/ 里找到的文件。\n');
}

const compact = (s: string) => s.replace(/\s+/g, '');
const short = (s: string, n = 50) => (s.length > n ? `${s.slice(0, n)}…` : s);
const pct = (x: number) => (Number.isNaN(x) ? '  —  ' : `${(x * 100).toFixed(1).padStart(5)}%`);

let totalExpected = 0;
let totalFound = 0;
let totalRight = 0;
const rows: string[] = [];
const details: string[] = [];
const missingFiles: string[] = [];

for (const [name, fileLabels] of Object.entries(labels.files)) {
  const path = folders.map((f) => join(f, name)).find((p) => existsSync(p));
  if (!path) {
    missingFiles.push(name);
    continue;
  }
  const source = readPlanSource(path);
  const doc = parsePlan(source.bytes, source.options);
  const blocks: { block: Block; section: Section }[] = [];
  const walk = (list: Section[]) => list.forEach((s) => {
    s.blocks.forEach((b) => blocks.push({ block: b, section: s }));
    walk(s.children);
  });
  walk(doc.sections);

  // Expected channels: (block, kind, value) groups of labels.
  const expected = new Map<string, Label[]>();
  const notFound: Label[] = [];
  for (const label of fileLabels) {
    const hits = blocks.filter(({ block }) => block.text.includes(label.snippet) || compact(block.text).includes(compact(label.snippet)));
    if (!hits.length) notFound.push(label);
    for (const { block } of hits) {
      const key = `${block.id}|${label.kind}|${label.value ?? ''}`;
      expected.set(key, [...(expected.get(key) ?? []), label]);
    }
  }
  const found = new Map(doc.channels.map((c) => [`${c.blockId}|${c.kind}|${c.value ?? ''}`, c]));
  const right = [...found.keys()].filter((k) => expected.has(k));
  totalExpected += expected.size;
  totalFound += found.size;
  totalRight += right.length;
  const p = right.length / found.size;
  const r = right.length / expected.size;
  rows.push(`${short(name, 58).padEnd(60)} 标注 ${String(expected.size).padStart(3)}  抽取 ${String(found.size).padStart(3)}  正确 ${String(right.length).padStart(3)}  精确率 ${pct(p)}  召回率 ${pct(r)}`);

  const lines: string[] = [];
  for (const [key, group] of expected) {
    if (!found.has(key)) lines.push(`  漏掉 ${group[0]!.kind}${group[0]!.value ? ` ${group[0]!.value}` : ''}：${short(group.map((l) => l.snippet).join(' / '), 70)}`);
  }
  for (const [key, c] of found) {
    if (!expected.has(key)) lines.push(`  多出 ${c.kind}${c.value ? ` ${c.value}` : ''}（${c.entry}）：${short(c.quote, 70)}`);
  }
  for (const l of notFound) lines.push(`  标注片段在解析结果里找不到（核对标注或解析）：${l.kind}：${l.snippet}`);
  if (lines.length) details.push(`${name}\n${lines.join('\n')}`);
}

console.log('参与渠道抽取：逐文件精确率和召回率（单位：同一段落中种类和号码相同的渠道）\n');
console.log(rows.join('\n'));
console.log(`\n合计：标注 ${totalExpected}，抽取 ${totalFound}，正确 ${totalRight}；精确率 ${pct(totalRight / totalFound).trim()}，召回率 ${pct(totalRight / totalExpected).trim()}`);
if (missingFiles.length) console.log(`\n没有找到这些已标注的文件，未计入：${missingFiles.join('、')}`);
if (!brief && details.length) console.log(`\n差异明细：\n${details.join('\n')}`);

// ------------------------------------------------------------------ tests/eval/annotations
if (!flags.labels) {
  const annotated = loadAnnotations().filter((a) => a.channels);
  let total = zero();
  const lines: string[] = [];
  for (const a of annotated) {
    const path = textPath(a.file);
    if (!path) continue;
    const source = readPlanSource(path);
    const s = scoreChannels(a, parsePlan(source.bytes, source.options));
    total = add(total, s);
    if (!brief && (s.missed.length || s.extra.length || s.notFound.length)) {
      lines.push(a.file, ...s.missed.map((m) => `  漏掉 ${m}`), ...s.extra.map((e) => `  多出 ${e}`), ...s.notFound.map((n) => `  标注片段找不到：${n}`));
    }
  }
  console.log(`\n逐份标注（tests/eval/annotations/，${annotated.length} 份文本）`);
  console.log(`  ${line('现在', total)}`);
  printFirstScores(annotated, 'channels');
  if (lines.length) console.log(lines.join('\n'));
}

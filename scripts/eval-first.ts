/**
 * npm run -s eval:first -- <annotation.json> [...]
 *
 * Records the first score of newly annotated texts (tests/eval/annotations/README.md): scores the
 * pipeline as it is now against each annotation and writes `firstScore` into the file, with the
 * commit it was measured on (and "+modified" when src/ or content/ differ from that commit, which
 * a first score should never be measured on). A file that already has a first score is left as it
 * is: a first score is written once.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parsePlan } from '../src/pipeline/index.ts';
import { readPlanSource } from './lib/read-plan.ts';
import { line, readAnnotation, scoreBattles, scoreChannels, scoreGoals, textPath } from './lib/annotations.ts';

const { positionals } = parseArgs({ allowPositionals: true, options: {} });
const files = positionals.filter((a) => a !== '--');
if (!files.length) {
  process.stderr.write('用法：npm run -s eval:first -- <tests/eval/annotations/某文本.json> …\n');
  process.exit(2);
}

const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim();
const commit = git('rev-parse', '--short', 'HEAD');
const modified = git('status', '--porcelain', '--', 'src', 'content').length > 0;
const today = new Date().toISOString().slice(0, 10);
let failed = false;

for (const f of files) {
  const path = resolve(f);
  const annotation = readAnnotation(path);
  if (annotation.firstScore) {
    console.log(`${f}：已有首次得分（${annotation.firstScore.commit}，${annotation.firstScore.date}），不改。`);
    continue;
  }
  const text = textPath(annotation.file);
  if (!text) {
    console.error(`${f}：找不到文本 ${annotation.file}（查过 seeds/、tests/pipeline/real/、tests/eval/texts/、../shared/）。`);
    failed = true;
    continue;
  }
  const source = readPlanSource(text);
  const doc = parsePlan(source.bytes, source.options);
  const first: Record<string, unknown> = { commit: `${commit}${modified ? '+modified' : ''}`, date: today };
  if (annotation.goals) {
    const s = scoreGoals(annotation, doc.goals);
    first.goals = { tp: s.tp, fp: s.fp, fn: s.fn, comparatorAgree: s.comparatorAgree };
    console.log(`${annotation.file}  ${line('目标', s)}`);
  }
  if (annotation.battles) {
    const s = scoreBattles(annotation, doc);
    first.battles = { tp: s.tp, fp: s.fp, fn: s.fn };
    console.log(`${annotation.file}  ${line('战役', s)}`);
  }
  if (annotation.channels) {
    const s = scoreChannels(annotation, doc);
    first.channels = { tp: s.tp, fp: s.fp, fn: s.fn };
    console.log(`${annotation.file}  ${line('渠道', s)}`);
  }
  const raw = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  raw.firstScore = first;
  writeFileSync(path, `${JSON.stringify(raw, null, 1)}\n`);
}
if (failed) process.exit(1);

/**
 * npm run check [-- --json] [-- --github] [-- --changed <git-ref>] [-- --no-plans]
 *
 * Checks everything staff edit without building the site (src/check/run.ts). One line per
 * problem, "<file>:<line> 错误|警告 [<code>] <message>"; --json prints the same problems as a JSON
 * array of { file, line, severity, code, message }; --github prints them as GitHub Actions
 * annotations too, so a pull request shows each on its line; --changed <ref> (the pull request's
 * base, origin/main) keeps the annotations to the files changed since that ref — a text and its
 * metadata file count as one — while every error anywhere still fails the check. Exit 1 when there
 * is any error.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { changedFiles } from '../src/history/git-log.ts';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatProblem, type Problem } from '../src/data/problem.ts';
import { runCheck } from '../src/check/run.ts';
import { parsePlan } from '../src/pipeline/index.ts';
import { ParseCache, pipelineVersion } from './lib/parse-cache.ts';
import { warmParseCache } from './lib/parse-pool.ts';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    github: { type: 'boolean', default: false },
    changed: { type: 'string' },
    'no-plans': { type: 'boolean', default: false },
  },
});
const root = fileURLToPath(new URL('..', import.meta.url));
// The content build's parse cache (scripts/lib/parse-cache.ts): the build parses each plan once for
// the check and the content together, and an unchanged plan not at all.
const version = pipelineVersion(root);
const cache = new ParseCache(version, root);
// Every core parses first (lib/parse-pool.ts); the check then reads each plan from the cache.
if (!values['no-plans'] && existsSync(join(root, 'seeds'))) {
  await warmParseCache(readdirSync(join(root, 'seeds')).filter((f) => f.endsWith('.txt')).sort().map((f) => `seeds/${f}`), version, root);
}
const problems = runCheck({ root, plans: !values['no-plans'], parse: (bytes, options) => cache.get(bytes, options, () => parsePlan(bytes, options)) });
const errors = problems.filter((p) => p.severity === 'error').length;

/** The files the branch changed since it left `ref` (git diff ref...HEAD), or null without git. */
function changedSince(ref: string): Set<string> | null {
  try {
    return new Set(changedFiles(root, ref));
  } catch (error) {
    process.stderr.write(`无法取得相对 ${ref} 改动的文件（${(error as Error).message.split('\n')[0]}），标注全部问题。\n`);
    return null;
  }
}
const changed = values.changed ? changedSince(values.changed) : null;
// seeds/x.txt and seeds/x.yaml are one plan: a change to either shows the problems of both.
const pair = (file: string) => file.replace(/\.(txt|yaml)$/, '');
const changedPlans = new Set([...(changed ?? [])].map(pair));
const annotated = (p: Problem) => !changed || changed.has(p.file) || changedPlans.has(pair(p.file));

if (values.json) {
  process.stdout.write(`${JSON.stringify(problems, null, 1)}\n`);
} else {
  for (const p of problems) process.stdout.write(`${formatProblem(p)}\n`);
  if (values.github) {
    const esc = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
    for (const p of problems.filter(annotated)) process.stdout.write(`::${p.severity === 'error' ? 'error' : 'warning'} file=${p.file}${p.line ? `,line=${p.line}` : ''},title=${p.code}::${esc(p.message)}\n`);
  }
  const elsewhere = changed ? problems.filter((p) => p.severity === 'error' && !annotated(p)).length : 0;
  process.stderr.write(problems.length
    ? `检查完毕：${errors} 个错误，${problems.length - errors} 个警告。${elsewhere ? `其中 ${elsewhere} 个错误不在这次改动的文件里（见上面的列表），也要改正。` : ''}${errors ? '请按每行的说明改正后再提交。' : ''}\n`
    : '检查完毕：没有发现问题。\n');
}
if (errors) process.exit(1);

/**
 * `npm test`: the unit tests beside the type check and then the site tests, each in a process of
 * its own; fails if any of them fails.
 *
 * Why not one `vitest run` after the type check: Vitest runs every globalSetup before any test, so
 * the unit tests waited for the site build (astro build works on one core; the other idled), and
 * the type check ran before both. Now the unit tests fill the second core from the first second.
 * The type check and the site build stay one after the other: both sync Astro's content store
 * (node_modules/.astro), and two syncs at once could leave the build reading a store being cleared.
 *
 * The site tests print as they run; the type check and the unit tests print when they end, so
 * their lines do not interleave. Arguments go to both Vitest runs and leave the type check out
 * (`npm test -- tests/pipeline` runs the matching files of either project; a project with none
 * passes).
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

interface Job {
  name: string;
  args: string[];
  /** Print as it runs (the site tests), or keep the output and print it when the job ends. */
  live: boolean;
}

interface Result {
  job: Job;
  code: number;
  seconds: number;
}

const node = process.execPath;
const extra = process.argv.slice(2);
// Node's compile cache for every process the tests start (Vitest's workers, astro check and build,
// the scripts the tests run): a module compiled once is read back, not compiled again. Measured:
// astro build of the test site 11.2 s → 9.4 s, a spawned script 0.85 s → 0.6 s.
const env = { ...process.env, NODE_COMPILE_CACHE: process.env.NODE_COMPILE_CACHE ?? resolve('node_modules/.cache/node-compile') };
const vitest = ['node_modules/vitest/vitest.mjs', 'run', '--passWithNoTests', ...extra];
const typecheck: Job = { name: '类型检查 (astro check)', args: ['node_modules/astro/bin/astro.mjs', 'check', '--minimumSeverity', 'error'], live: false };
const unit: Job = { name: '单元测试 (vitest --project unit)', args: [...vitest, '--project', 'unit'], live: false };
const site: Job = { name: '网站测试 (vitest --project site)', args: [...vitest, '--project', 'site'], live: true };

function run(job: Job): Promise<Result> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(node, job.args, { stdio: job.live ? 'inherit' : ['ignore', 'pipe', 'pipe'], env });
    const chunks: Buffer[] = [];
    child.stdout?.on('data', (c: Buffer) => chunks.push(c));
    child.stderr?.on('data', (c: Buffer) => chunks.push(c));
    child.on('close', (code, signal) => {
      const result = { job, code: code ?? (signal ? 1 : 0), seconds: Math.round((Date.now() - started) / 1000) };
      if (!job.live) process.stdout.write(`\n──── ${job.name}（${result.code === 0 ? '通过' : '失败'}）────\n${Buffer.concat(chunks).toString('utf8')}`);
      resolve(result);
    });
  });
}

/** Runs the jobs one after the other and stops at the first that fails. */
async function inOrder(jobs: Job[]): Promise<Result[]> {
  const results: Result[] = [];
  for (const job of jobs) {
    const result = await run(job);
    results.push(result);
    if (result.code !== 0) break;
  }
  return results;
}

const results = (await Promise.all([inOrder([unit]), inOrder(extra.length ? [site] : [typecheck, site])])).flat();

console.log('');
for (const r of results) console.log(`${r.code === 0 ? '✓' : '✗'} ${r.job.name}：${r.code === 0 ? '通过' : `失败（退出码 ${r.code}）`}，${r.seconds} 秒`);
const ran = new Set(results.map((r) => r.job));
for (const job of [typecheck, unit, site]) if (!ran.has(job) && !(extra.length && job === typecheck)) console.log(`– ${job.name}：没有运行（前一步失败）`);
process.exit(results.some((r) => r.code !== 0) || results.length < (extra.length ? 2 : 3) ? 1 : 0);

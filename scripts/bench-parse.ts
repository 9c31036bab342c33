/**
 * npm run bench:parse — the pipeline's cost against the size of the text.
 *
 * Parses the largest seed, then texts of about 1 MB and 5 MB made from all seeds (each copy's lines
 * tagged with its number so that no paragraph is a duplicate), each in a fresh child process so
 * that peak memory is measured per size. Prints time, peak RSS, and time per MB relative to the
 * smallest run: a linear pipeline keeps that ratio near 1.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

if (process.argv[2] === '--child') {
  const { parsePlan } = await import('../src/pipeline/index.ts');
  const bytes = new Uint8Array(readFileSync(process.argv[3] ?? ''));
  const start = performance.now();
  parsePlan(bytes, { path: process.argv[3] ?? '' });
  const ms = performance.now() - start;
  process.stdout.write(JSON.stringify({ ms, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

const seeds = readdirSync('seeds').filter((f) => f.endsWith('.txt')).map((f) => join('seeds', f));
const largest = seeds.reduce((a, b) => (statSync(a).size >= statSync(b).size ? a : b));
const dir = mkdtempSync(join(tmpdir(), 'bench-parse-'));
const corpus = seeds.map((f) => readFileSync(f, 'utf8')).join('\n');

function sized(mb: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let k = 1; size < mb * 1024 * 1024; k++) {
    const copy = corpus.split('\n').map((l) => (l.trim() ? `${l}（第${k}份）` : l)).join('\n');
    parts.push(copy);
    size += Buffer.byteLength(copy);
  }
  const file = join(dir, `plan-${mb}mb.txt`);
  writeFileSync(file, parts.join('\n'));
  return file;
}

const runs = [largest, sized(1), sized(5)].map((file) => {
  const mb = statSync(file).size / 1024 / 1024;
  const r = spawnSync(process.execPath, ['scripts/bench-parse.ts', '--child', file], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(r.stderr);
  const { ms, maxRssMB } = JSON.parse(r.stdout) as { ms: number; maxRssMB: number };
  return { file, mb, ms, maxRssMB };
});
const base = (runs[0]?.ms ?? 1) / (runs[0]?.mb ?? 1);
console.log('file\tMB\tparse s\tpeak RSS MB\ts per MB\t(÷ smallest)');
for (const r of runs) {
  console.log(`${r.file.split('/').at(-1)}\t${r.mb.toFixed(2)}\t${(r.ms / 1000).toFixed(2)}\t${r.maxRssMB.toFixed(0)}\t${(r.ms / 1000 / r.mb).toFixed(2)}\t${(r.ms / r.mb / base).toFixed(2)}`);
}

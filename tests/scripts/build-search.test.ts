/**
 * scripts/build-search.ts shares the section bundles out between worker threads and itself: the
 * index it writes must not depend on how many threads built it. Real seeds, parsed here, one plan per bundle so that a handful
 * of plans makes enough bundles for a worker.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesUnder } from '../../src/check/links.ts';
import { parsePlan } from '../../src/pipeline/index.ts';
import { seedFiles } from '../helpers/seeds.ts';

let root: string;
const data = () => join(root, 'plan-data');

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'build-search-'));
  mkdirSync(data());
  // The eight smallest seeds: a bundle each, enough for one worker thread (eight bundles a thread).
  for (const file of [...seedFiles].sort((a, b) => statSync(`seeds/${a}`).size - statSync(`seeds/${b}`).size || a.localeCompare(b)).slice(0, 8)) {
    const doc = parsePlan(new Uint8Array(readFileSync(`seeds/${file}`)), { path: `seeds/${file}` });
    writeFileSync(join(data(), file.replace(/\.txt$/, '.json')), JSON.stringify(doc));
  }
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function build(out: string, workers: number, extra: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['scripts/build-search.ts', '--data', data(), '--out', out, '--stats', '--no-cache'], {
    encoding: 'utf8',
    env: { ...process.env, SEARCH_WORKERS: String(workers), SEARCH_GROUP_PLANS: '1', SEARCH_BUNDLE_CACHE: join(root, `cache-${workers}`), ...extra },
  });
}

const digest = (dir: string) => new Map(filesUnder(dir).map((f) => [relative(dir, f), createHash('sha256').update(readFileSync(f)).digest('hex')]));

describe('build-search with worker threads', () => {
  it('writes byte for byte the index one thread writes, and counts every record', () => {
    const alone = build(join(root, 'alone'), 0);
    const shared = build(join(root, 'shared'), 1);
    expect(alone.status, alone.stderr).toBe(0);
    expect(shared.status, shared.stderr).toBe(0);
    const [a, s] = [digest(join(root, 'alone')), digest(join(root, 'shared'))];
    expect(a.size).toBeGreaterThan(8);
    expect([...s.keys()].sort()).toEqual([...a.keys()].sort());
    expect([...a].filter(([f, h]) => s.get(f) !== h).map(([f]) => f)).toEqual([]);
    // One router and a bundle per plan in both; the worker's records are counted with this thread's.
    const stats = (out: string) => JSON.parse(out.trim().split('\n').at(-1)!) as { indexes: number; records: number; sections: number; plans: number; threads: number };
    expect(stats(alone.stdout)).toMatchObject({ indexes: 9, plans: 8, threads: 0 });
    expect(stats(shared.stdout)).toMatchObject({ indexes: 9, plans: 8, threads: 1 });
    expect(stats(shared.stdout).records).toBe(stats(alone.stdout).records);
    expect(stats(shared.stdout).records).toBe(stats(shared.stdout).sections + 8);
  });

});

/**
 * scripts/lib/parse-pool.ts parses plans on worker threads into the parse cache before the check
 * and the content build read them one by one: what they then read must be exactly what parsing
 * the plan here gives, under the path the commands name ("seeds/x.txt"), and a plan already in the
 * cache is not parsed again. The check (src/check/run.ts) then finds every seed in the cache.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/pipeline/index.ts';
import { ParseCache, pipelineVersion } from '../../scripts/lib/parse-cache.ts';
import { sourceAt, warmParseCache } from '../../scripts/lib/parse-pool.ts';
import { runCheck } from '../../src/check/run.ts';
import { seedFiles } from '../helpers/seeds.ts';

const saved = { PLAN_PARSE_CACHE: process.env.PLAN_PARSE_CACHE, PARSE_WORKERS: process.env.PARSE_WORKERS };
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'parse-pool-'));
  process.env.PLAN_PARSE_CACHE = dir;
  // Two threads whatever the machine has (the pool starts none for one).
  process.env.PARSE_WORKERS = '2';
});
afterAll(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  rmSync(dir, { recursive: true, force: true });
});

const files = seedFiles.map((f) => `seeds/${f}`);

describe('warmParseCache', () => {
  it('stores, from two threads, the documents one thread parses, under the keys the check then asks for', async () => {
    const version = pipelineVersion();
    expect(await warmParseCache(files, version)).toEqual({ threads: 2, parsed: files.length });
    expect(readdirSync(dir).filter((f) => f.endsWith('.json'))).toHaveLength(files.length);
    const cache = new ParseCache(version);
    for (const [i, file] of files.entries()) {
      const source = sourceAt(file, '.');
      expect(source.options.path).toBe(file);
      const cached = cache.get(source.bytes, source.options, () => {
        throw new Error(`${file} is not in the cache`);
      });
      // Each one is there; one of each thread's is compared whole with a parse here.
      if (i < 2) expect(cached).toEqual(JSON.parse(JSON.stringify(parsePlan(source.bytes, source.options))));
      else expect(cached.source.file).toBe(file);
    }
    expect(cache.hits).toBe(files.length);
    // The check, with its own reading of each text and its metadata file, finds every plan there.
    const strict = new ParseCache(version);
    const problems = runCheck({ root: '.', parse: (bytes, options) => strict.get(bytes, options, () => { throw new Error(`${options.path} 不在缓存里`); }) });
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(strict.hits).toBe(files.length);
  });

  it('parses nothing when every plan is in the cache already', async () => {
    expect(await warmParseCache(files, pipelineVersion())).toEqual({ threads: 0, parsed: 0 });
    // One plan changed: it alone is to do, too few for threads, and the command parses it itself.
    expect(await warmParseCache([...files, 'tests/site/plans/tricky-markup.txt'], pipelineVersion())).toEqual({ threads: 0, parsed: 0 });
  });
});

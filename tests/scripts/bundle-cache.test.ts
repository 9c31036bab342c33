/**
 * The search index's bundle cache (scripts/lib/bundle-cache.ts): a group whose input is unchanged is
 * copied, not indexed again; a new input, a changed indexer source or a changed lock file indexes
 * again; a failed build leaves no entry; entries a build did not use are removed.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BundleCache } from '../../scripts/lib/bundle-cache.ts';

let root: string;
let out: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'bundle-cache-'));
  out = join(root, 'dist');
  for (const d of ['scripts/lib', 'src/search', 'node_modules']) mkdirSync(join(root, d), { recursive: true });
  writeFileSync(join(root, 'scripts/build-search.ts'), 'export const chunk = 200;\n');
  writeFileSync(join(root, 'src/search/tokens.ts'), 'export const bigram = 2;\n');
  writeFileSync(join(root, 'package-lock.json'), '{"lockfileVersion":3}\n');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A build that writes one file naming its input, and counts how often it ran. */
function counter() {
  const runs: string[] = [];
  const build = (what: string) => async (dir: string) => {
    runs.push(what);
    mkdirSync(join(dir, 'pagefind/s/0'), { recursive: true });
    writeFileSync(join(dir, 'pagefind/s/0/entry.json'), what);
  };
  return { runs, build };
}

describe('bundle cache', () => {
  it('indexes a group once, then copies the same files into dist/', async () => {
    const { runs, build } = counter();
    const first = new BundleCache(root);
    await first.fill(first.key({ g: 0, plans: ['a'] }), out, build('a'));
    rmSync(out, { recursive: true });
    const second = new BundleCache(root);
    await second.fill(second.key({ g: 0, plans: ['a'] }), out, build('a'));
    expect(runs).toEqual(['a']);
    expect(readFileSync(join(out, 'pagefind/s/0/entry.json'), 'utf8')).toBe('a');
    expect([second.hits, second.misses]).toEqual([1, 0]);
  });

  it('indexes again for a new input, a changed indexer source, a changed lock file, or when turned off', async () => {
    const { runs, build } = counter();
    const run = async (what: string, enabled = true) => {
      const cache = new BundleCache(root, enabled);
      await cache.fill(cache.key({ g: 0, plans: [what] }), out, build(what));
    };
    await run('a');
    await run('b');
    writeFileSync(join(root, 'src/search/tokens.ts'), 'export const bigram = 3;\n');
    await run('b');
    writeFileSync(join(root, 'package-lock.json'), '{"lockfileVersion":3,"pagefind":"1.5"}\n');
    await run('b');
    await run('b', false);
    expect(runs).toEqual(['a', 'b', 'b', 'b', 'b']);
    expect(readFileSync(join(out, 'pagefind/s/0/entry.json'), 'utf8')).toBe('b');
  });

  it('keeps no entry for a build that failed, and removes the entries a build did not use', async () => {
    const cache = new BundleCache(root);
    await expect(cache.fill(cache.key('broken'), out, async () => { throw new Error('索引失败'); })).rejects.toThrow('索引失败');
    expect(readdirSync(cache.dir)).toEqual([]);
    const { build } = counter();
    await cache.fill(cache.key('kept'), out, build('kept'));
    const next = new BundleCache(root);
    await next.fill(next.key('other'), out, build('other'));
    next.prune();
    expect(readdirSync(next.dir)).toEqual([next.key('other')]);
    expect(existsSync(join(next.dir, cache.key('kept')))).toBe(false);
  });
});

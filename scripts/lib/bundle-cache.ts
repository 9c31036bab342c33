/**
 * A cache of the search index's section bundles (scripts/build-search.ts): a group of plans whose
 * records, numbers and index settings are unchanged is not indexed again; its files are copied from
 * the cache into dist/. Editing one plan re-indexes its group only (and the routers, which list
 * every plan), not the 500 groups of a 1,000-plan site.
 *
 * The key is a SHA-256 of the group's input (its plans' numbers, cards and section records, the
 * chunk and pack sizes) and of the indexer's version: build-search.ts and src/search/, the installed
 * packages (package-lock.json, which pins Pagefind) and Node's version. So no key can name files
 * the indexer would not write now. Entries live in node_modules/.cache/search-bundles/ (or
 * SEARCH_BUNDLE_CACHE); entries this build did not use are removed, so the cache holds one build.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { filesUnder } from '../../src/check/links.ts';

const VERSION_INPUTS = ['scripts/build-search.ts', 'scripts/lib/bundle-cache.ts', 'scripts/lib/search-index.ts', 'scripts/lib/search-group-worker.ts', 'src/search', 'package-lock.json'];

function indexerVersion(root: string): string {
  const hash = createHash('sha256').update(process.versions.node);
  for (const input of VERSION_INPUTS) {
    const path = join(root, input);
    if (!existsSync(path)) continue;
    const files = path.endsWith('.ts') || path.endsWith('.json') ? [path] : filesUnder(path, '.ts');
    for (const f of files) hash.update('\0').update(f.slice(root.length)).update('\0').update(readFileSync(f));
  }
  return hash.digest('hex');
}

/**
 * Puts every file under `from` at the same place under `to` as a hard link (a 1,000-plan index is
 * tens of MB in a few thousand files; linking them costs no copy), or a copy where links cannot
 * cross devices.
 * Nothing writes to an index file once it is in dist/, and a build removes dist/ by unlinking, so
 * the cache's files are never changed through a link.
 */
function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) {
      linkTree(source, target);
      continue;
    }
    rmSync(target, { force: true });
    try {
      linkSync(source, target);
    } catch {
      copyFileSync(source, target);
    }
  }
}

export class BundleCache {
  readonly dir: string;
  private readonly version: string;
  private readonly used = new Set<string>();
  hits = 0;
  misses = 0;

  constructor(root = '.', enabled = true) {
    this.dir = process.env.SEARCH_BUNDLE_CACHE ?? join(root, 'node_modules', '.cache', 'search-bundles');
    // Disabled: a version no earlier build had, so every group is indexed and stored afresh.
    this.version = enabled ? indexerVersion(root) : `off-${process.pid}-${Date.now()}`;
    mkdirSync(this.dir, { recursive: true });
  }

  key(input: unknown): string {
    return createHash('sha256').update(this.version).update('\0').update(JSON.stringify(input)).digest('hex');
  }

  /** Whether the cache holds the files of `key` (a build would copy them, not index them). */
  has(key: string): boolean {
    return existsSync(join(this.dir, key));
  }

  /**
   * Puts the files of `key` into `out`: copied from the cache, or written by `build` into a fresh
   * folder (which becomes the entry only once it is complete, so a failed build leaves no entry).
   */
  async fill(key: string, out: string, build: (root: string) => Promise<void>): Promise<void> {
    this.used.add(key);
    const entry = join(this.dir, key);
    if (existsSync(entry)) {
      this.hits++;
    } else {
      this.misses++;
      const staging = `${entry}.part-${process.pid}`;
      rmSync(staging, { recursive: true, force: true });
      mkdirSync(staging, { recursive: true });
      try {
        await build(staging);
      } catch (error) {
        rmSync(staging, { recursive: true, force: true });
        throw error;
      }
      renameSync(staging, entry);
    }
    linkTree(entry, out);
  }

  /** Removes the entries this build did not use. */
  prune(): void {
    for (const name of readdirSync(this.dir)) {
      if (!this.used.has(name)) rmSync(join(this.dir, name), { recursive: true, force: true });
    }
  }
}

/**
 * The pipeline's folders point one way (README, 流水线): a folder imports only from folders below
 * it, so that a shared line form lives in one place and a step cannot reach into a later one.
 * Nothing in src/ or scripts/ imports from tests/, and the pipeline imports nothing of Astro.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Lowest first; a folder may import from its own rank or below. Steps of one rank do not import each other. */
const ORDER: string[][] = [['text'], ['decode', 'lines'], ['parse', 'normalize', 'tables'], ['structure'], ['meta'], ['enrich'], ['emit']];
const rank = (folder: string) => ORDER.findIndex((r) => r.includes(folder));

const tsFiles = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(?:ts|astro|mjs)$/.test(f)).map((f) => join(dir, f));

/** Every module specifier a file imports or re-exports ("../lines/markers.ts", "astro:content"). */
function specifiers(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'";]*?from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)]
    .map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

describe('pipeline layers', () => {
  const root = 'src/pipeline';
  const files = tsFiles(root).filter((f) => dirname(f) !== root);

  it('knows every folder of the pipeline', () => {
    const folders = new Set(files.map((f) => relative(root, f).split('/')[0] ?? ''));
    expect(folders.size).toBeGreaterThan(8);
    for (const folder of folders) expect(rank(folder), `${folder} 不在 ORDER 里：请把它排进依赖顺序`).toBeGreaterThanOrEqual(0);
  });

  it('imports only from its own folder or folders below it', () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const file of files) {
      const from = relative(root, file).split('/')[0] ?? '';
      for (const spec of specifiers(file).filter((s) => s.startsWith('.'))) {
        const target = relative(root, normalize(join(dirname(file), spec)));
        if (target.startsWith('..') || !target.includes('/')) continue; // schemas/, data/, index.ts, types.ts
        const to = target.split('/')[0] ?? '';
        checked++;
        if (to !== from && !(rank(to) < rank(from))) wrong.push(`${file} → ${spec}`);
      }
    }
    expect(checked).toBeGreaterThan(50);
    expect(wrong).toEqual([]);
  });

  it('imports nothing of Astro', () => {
    const astro = files.flatMap((f) => specifiers(f).filter((s) => s === 'astro' || s.startsWith('astro:') || s.startsWith('@astrojs/')).map((s) => `${f} → ${s}`));
    expect(files.length).toBeGreaterThan(50);
    expect(astro).toEqual([]);
  });
});

describe('tests stay out of production code', () => {
  it('nothing in src/ or scripts/ imports from tests/', () => {
    const files = [...tsFiles('src'), ...tsFiles('scripts')];
    const all = files.flatMap((f) => specifiers(f).map((s) => ({ f, s })));
    expect(all.length).toBeGreaterThan(500);
    const wrong = all.filter(({ f, s }) => s.startsWith('.') && normalize(join(dirname(f), s)).split('/')[0] === 'tests').map(({ f, s }) => `${f} → ${s}`);
    expect(wrong).toEqual([]);
  });
});

/**
 * The content build's parse cache (scripts/lib/parse-cache.ts) serves a plan only when nothing that
 * decides its document changed: the text, its metadata, a source file of the pipeline, a data file
 * it reads, an installed package. Measured on a real seed: the cached document is the parsed one.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/pipeline/index.ts';
import { ParseCache, pipelineVersion } from '../../scripts/lib/parse-cache.ts';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'parse-cache-'));
  for (const d of ['src/pipeline/enrich', 'src/schemas', 'src/data', 'content/plans', 'node_modules']) mkdirSync(join(root, d), { recursive: true });
  writeFileSync(join(root, 'src/pipeline/enrich/goals.ts'), 'export const rule = 1;\n');
  writeFileSync(join(root, 'content/indicators.yaml'), 'indicators: []\n');
  writeFileSync(join(root, 'package-lock.json'), '{"lockfileVersion":3}\n');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('pipeline version', () => {
  it('changes with a pipeline source, a data file or the lock file, and not with generated content', () => {
    const v0 = pipelineVersion(root);
    expect(pipelineVersion(root)).toBe(v0);
    writeFileSync(join(root, 'content/plans/x.mdx'), 'generated');
    expect(pipelineVersion(root)).toBe(v0);
    writeFileSync(join(root, 'content/indicators.yaml'), 'indicators: [{ id: a }]\n');
    const v1 = pipelineVersion(root);
    expect(v1).not.toBe(v0);
    writeFileSync(join(root, 'src/pipeline/enrich/goals.ts'), 'export const rule = 2;\n');
    const v2 = pipelineVersion(root);
    expect(v2).not.toBe(v1);
    writeFileSync(join(root, 'package-lock.json'), '{"lockfileVersion":3,"x":1}\n');
    expect(pipelineVersion(root)).not.toBe(v2);
  });
});

describe('parse cache', () => {
  const file = 'seeds/04_shanghai_qingpu_zhaoxiang_nongcun_wushui_kaohe_fangan.txt';
  const bytes = new Uint8Array(readFileSync(file));

  it('parses a plan once, then serves the same document; a new text, new options or a new version parse again', () => {
    let parses = 0;
    const parse = (b: Uint8Array, path = file) => () => { parses++; return parsePlan(b, { path }); };
    const cache = new ParseCache('v1', root);
    const first = cache.get(bytes, { path: file }, parse(bytes));
    const again = cache.get(bytes, { path: file }, parse(bytes));
    expect(parses).toBe(1);
    expect(again).toEqual(JSON.parse(JSON.stringify(first)));
    const edited = new TextEncoder().encode(new TextDecoder().decode(bytes).replace('考核总分80分以下', '考核总分85分以下'));
    cache.get(edited, { path: file }, parse(edited));
    cache.get(bytes, { path: 'elsewhere.txt' }, parse(bytes, 'elsewhere.txt'));
    new ParseCache('v2', root).get(bytes, { path: file }, parse(bytes));
    expect(parses).toBe(4);
    expect([cache.hits, cache.misses]).toEqual([1, 3]);
  });

  it('parses again when an entry is damaged', () => {
    let parses = 0;
    const cache = new ParseCache('v1', root);
    cache.get(bytes, { path: file }, () => { parses++; return parsePlan(bytes, { path: file }); });
    const dir = join(root, 'node_modules/.cache/plan-parse');
    for (const name of readdirSync(dir)) writeFileSync(join(dir, name), '{"half":');
    cache.get(bytes, { path: file }, () => { parses++; return parsePlan(bytes, { path: file }); });
    expect(parses).toBe(2);
  });
});

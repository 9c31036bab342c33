/**
 * The staff registry of real channels, content/channels/<place>.yaml: the files validate, every
 * quote from a plan is really in that plan, a bad file is reported with the file, field, value and
 * fix in Chinese, and entries verified more than a year ago are found.
 */
import { formatProblem } from '../../src/data/problem.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/pipeline/index.ts';
import {
  isStale, loadChannelRegistry, oneYearBefore, parseRegistryFile, registryFor, staleEntries,
} from '../../src/pipeline/enrich/channels-registry.ts';

const root = join(import.meta.dirname, '..', '..');
const registry = loadChannelRegistry();

describe('the registry files', () => {
  it('all validate, and there is a nationwide file', () => {
    expect(registry.problems).toEqual([]);
    expect(registry.places.length).toBeGreaterThan(0);
    expect(registry.places.some((p) => p.province === null)).toBe(true);
  });

  it('every quote is a sentence of the plan it names (seeds/<name>.yaml slug)', () => {
    const bySlug = new Map<string, string>();
    for (const name of readdirSync(join(root, 'seeds')).filter((n) => n.endsWith('.yaml'))) {
      const slug = (parse(readFileSync(join(root, 'seeds', name), 'utf8')) as { slug?: string } | null)?.slug;
      if (slug) bySlug.set(slug, name.replace(/\.yaml$/, '.txt'));
    }
    const quoted = registry.places.flatMap((p) => p.entries.filter((e) => e.plan).map((e) => ({ p, e })));
    expect(quoted.length).toBeGreaterThan(0);
    for (const { p, e } of quoted) {
      const file = bySlug.get(e.plan!);
      expect(file, `${p.file}: plan ${e.plan}`).toBeDefined();
      const doc = parsePlan(new Uint8Array(readFileSync(join(root, 'seeds', file!))), { path: file! });
      const texts = JSON.stringify(doc.sections);
      expect(texts, `${p.file}: ${e.quote}`).toContain(e.quote!);
      // The plan's own channels include the number the registry gives for it.
      expect(doc.channels.map((c) => c.value)).toContain(e.value);
    }
  });

  it('a plan finds its place first and the nationwide numbers last', () => {
    const found = registryFor(registry.places, { name: '静安区', province: '上海市', level: '区' });
    expect(found[0]!.place).toBe('静安区');
    expect(found.at(-1)!.province).toBeNull();
    expect(registryFor(registry.places, { name: '普陀区', province: '浙江省' }).map((p) => p.place)).toEqual(['全国']);
    expect(registryFor(registry.places, null).map((p) => p.place)).toEqual(['全国']);
  });
});

describe('a bad registry file', () => {
  it('names the file, the field, the value and the fix for each problem', () => {
    const text = [
      'place: 扬州市',
      'entries:',
      '  - kind: phone',
      '    label: 举报电话',
      '    value: 12369',
      '    verified: 2025/1/1',
      '    quote: 充分发挥热线作用',
      '    colour: red',
    ].join('\n');
    const result = parseRegistryFile(text, 'content/channels/yangzhou.yaml');
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems.map(formatProblem);
    const all = problems.join('\n');
    expect(problems.every((p) => /^content\/channels\/yangzhou\.yaml:\d+ 错误 \[channels\] /.test(p))).toBe(true);
    expect(all).toMatch(/字段 province：.*（现值：缺少）/);
    expect(all).toContain('江苏省');
    expect(all).toMatch(/entries\.0\.kind：.*（现值："phone"）/);
    expect(all).toMatch(/entries\.0\.value：.*（现值：12369）/);
    expect(all).toContain('加引号');
    expect(all).toMatch(/entries\.0\.verified：.*（现值："2025\/1\/1"）/);
    expect(all).toContain('YYYY-MM-DD');
    expect(all).toMatch(/entries\.0\.source：.*（现值：缺少）/);
    expect(all).toContain('colour');
  });

  it('asks for the plan when an entry quotes one', () => {
    const text = "place: 扬州市\nprovince: 江苏省\nentries:\n  - kind: hotline\n    label: 12369环保举报热线\n    value: '12369'\n    source: 扬州市规划\n    quote: 充分发挥热线作用\n    verified: '2026-01-05'\n";
    const result = parseRegistryFile(text, 'content/channels/yangzhou.yaml');
    expect(result.ok ? '' : result.problems.map(formatProblem).join('\n')).toContain('entries.0.plan');
  });

  it('rejects a file name that cannot be a URL and a date that does not exist', () => {
    const ok = "place: 扬州市\nprovince: 江苏省\nentries:\n  - kind: hotline\n    label: 12369环保举报热线\n    value: '12369'\n    source: 全国统一号码\n    verified: '2026-02-30'\n";
    const bad = parseRegistryFile(ok, 'content/channels/扬州.yaml');
    expect(bad.ok).toBe(false);
    const date = parseRegistryFile(ok, 'content/channels/yangzhou.yaml');
    expect(date.ok ? '' : date.problems.map(formatProblem).join('\n')).toContain('不是真实存在的日期');
    expect(parseRegistryFile(ok.replace('2026-02-30', '2026-02-28'), 'content/channels/yangzhou.yaml').ok).toBe(true);
  });
});

describe('entries that need verifying again', () => {
  const entries = [{ verified: '2025-03-01' }, { verified: '2025-11-25' }, { verified: '2026-06-30' }];
  it('are those verified more than one year before the given date', () => {
    expect(staleEntries(entries, '2026-11-25')).toEqual([{ verified: '2025-03-01' }]);
    expect(staleEntries(entries, '2026-11-26').map((e) => e.verified)).toEqual(['2025-03-01', '2025-11-25']);
    expect(isStale({ verified: '2026-06-30' }, new Date('2027-07-01T12:00:00Z'))).toBe(true);
  });
  it('count a year back from 29 February as from the 28th', () => {
    expect(oneYearBefore('2028-02-29')).toBe('2027-02-28');
    expect(oneYearBefore('2026-11-25')).toBe('2025-11-25');
  });
});

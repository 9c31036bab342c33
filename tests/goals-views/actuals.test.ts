/**
 * The reported values staff record in content/actuals/ (schema src/schemas/actuals.ts): every file
 * validates against the schema and the indicator catalogue, and every value taken from a plan on
 * this site is stated there — the quoted words are in the linked clause, and they contain the value.
 * Nothing is recorded that the text does not say. Bad files get Chinese messages naming the file,
 * the item, the field, the value and the fix.
 */
import { formatProblem } from '../../src/data/problem.ts';
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/views/goals.ts';
import { parseActuals } from '../../src/views/actuals.ts';
import { blocksById, catalogue, projectActuals, seedBySlug } from './helpers.ts';

/** Whitespace (tabs between table cells, line breaks) compared as one space. */
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
/** Full-width digits and ％ as half-width, so "95％" states the value 95. */
const halfWidth = (s: string) => s.replace(/[０-９．％]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

describe('content/actuals/', () => {
  const { actuals, problems } = projectActuals();

  it('validates', () => {
    expect(problems).toEqual([]);
  });

  const onSite = actuals.filter((a) => a.source.url.startsWith('/plans/'));
  it.each(onSite.map((a) => [`${a.file} ${a.indicator} ${a.place} ${a.year}${a.scope ? ` ${a.scope}` : ''}`, a] as const))('%s is stated in the clause it links to', (_name, a) => {
    const [, slug, anchor] = /^\/plans\/([a-z0-9-]+)\/#(.+)$/.exec(a.source.url)!;
    const doc = seedBySlug(slug!);
    const block = blocksById(doc).get(anchor!);
    expect(block, `${a.source.url}：规划里没有这个锚点（条文的链接变了？）`).toBeDefined();
    expect(squash(block!.text)).toContain(squash(a.quote!));
    // The number itself is in the quoted words, not just somewhere in the clause.
    const numbers = halfWidth(a.quote!).match(/\d+(?:\.\d+)?/g)?.map(Number) ?? [];
    expect(numbers, a.quote).toContain(Number(formatNumber(a.value)));
    // The place is the plan's own place: a plan reports its own past values.
    const j = doc.meta.jurisdiction!;
    expect(a.place.split('/').at(-1)).toBe(j.name);
  });
});

describe('messages for a bad file', () => {
  const check = (yaml: string) => parseActuals({ 'content/actuals/bad.yaml': yaml }, catalogue()).problems.map(formatProblem);
  const base = {
    indicator: 'air.pm25', place: '河南省/许昌市', year: 2020, value: 38, unit: 'μg/m³',
    source: { title: '某公报', url: 'https://example.gov.cn/x' },
  };
  const yamlOf = (over: Record<string, unknown>) => `actuals:\n  - ${JSON.stringify({ ...base, ...over })}\n`;

  it('names the file, the item, the field, the value and the fix', () => {
    const [message] = check(yamlOf({ year: '2020年' }));
    expect(message).toContain('content/actuals/bad.yaml');
    expect(message).toContain('第 1 项（air.pm25）的 year');
    expect(message).toContain('"2020年"');
    expect(message).toContain('例如 2025');
  });

  it('checks the indicator and its unit against content/indicators.yaml', () => {
    expect(check(yamlOf({ indicator: 'air.pm2-5' }))[0]).toContain('指标目录里没有这个 id');
    expect(check(yamlOf({ unit: '微克/立方米' }))[0]).toMatch(/单位应为 "μg\/m³"/);
  });

  it('asks for the quote when the source is a plan on this site', () => {
    expect(check(yamlOf({ source: { title: '某规划', url: '/plans/xuchang-2018-yijian/#b-0romtb5' } }))[0]).toContain('quote');
  });

  it('refuses two values for the same indicator, place, scope and year', () => {
    const text = `actuals:\n  - ${JSON.stringify(base)}\n  - ${JSON.stringify({ ...base, value: 39 })}\n`;
    expect(check(text)[0]).toContain('同一年只能记一个数值');
    expect(check(`actuals:\n  - ${JSON.stringify(base)}\n  - ${JSON.stringify({ ...base, scope: '建成区' })}\n`)).toEqual([]);
  });

  it('reports broken YAML with the file name', () => {
    expect(check('actuals: [\n')[0]).toMatch(/^content\/actuals\/bad\.yaml:\d+ 错误 \[actuals\] YAML 格式错误/);
  });
});

/**
 * The values the updates in content/updates/ report (schema src/schemas/update.ts): every update
 * validates against the schema and the indicator catalogue, and every value taken from a plan on
 * this site is stated there — the quoted words are in the linked clause, and they contain the value.
 * Nothing is recorded that the text does not say. Bad values get Chinese messages naming the file,
 * the line, the item, the field, the value and the fix.
 */
import { formatProblem } from '../../src/data/problem.ts';
import { collapsed } from '../helpers/html.ts';
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/views/goals.ts';
import { checkUpdate } from '../../src/check/updates.ts';
import { compileCatalogue } from '../../src/pipeline/enrich/goals-indicators.ts';
import { blocksById, catalogue, projectActuals, seedBySlug } from './helpers.ts';

/** Whitespace (tabs between table cells, line breaks) compared as one space. */
/** Full-width digits and ％ as half-width, so "95％" states the value 95. */
const halfWidth = (s: string) => s.replace(/[０-９．％]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

describe('the values of content/updates/', () => {
  const { actuals, problems } = projectActuals();

  it('validates, and reports values', () => {
    expect(problems).toEqual([]);
    expect(actuals.length).toBeGreaterThan(5);
  });

  const onSite = actuals.filter((a) => a.source.url.startsWith('/plans/'));
  it('has values whose source is a clause on the site (each checked below)', () => {
    expect(onSite.length).toBeGreaterThan(0);
  });
  it.each(onSite.map((a) => [`${a.file} ${a.indicator} ${a.place} ${a.year}${a.scope ? ` ${a.scope}` : ''}`, a] as const))('%s is stated in the clause it links to', (_name, a) => {
    const [, slug, anchor] = /^\/plans\/([a-z0-9-]+)\/#(.+)$/.exec(a.source.url)!;
    const doc = seedBySlug(slug!);
    const block = blocksById(doc).get(anchor!);
    expect(block, `${a.source.url}：规划里没有这个锚点（条文的链接变了？）`).toBeDefined();
    expect(collapsed(block!.text)).toContain(collapsed(a.quote!));
    // The number itself is in the quoted words, not just somewhere in the clause.
    const numbers = halfWidth(a.quote!).match(/\d+(?:\.\d+)?/g)?.map(Number) ?? [];
    expect(numbers, a.quote).toContain(Number(formatNumber(a.value)));
    // The place is the plan's own place: a plan reports its own past values.
    const j = doc.meta.jurisdiction!;
    expect(a.place.split('/').at(-1)).toBe(j.name);
  });
});

describe('messages for a bad reported value', () => {
  const head = "title: 许昌市空气质量\ndate: '2021-03-01'\nplace: 河南省/许昌市\nsource: { title: 某公报, url: 'https://example.gov.cn/x' }\nvalues:\n";
  const check = (values: string) => checkUpdate(`---\n${head}${values}---\n正文\n`, 'content/updates/2021-03-01-bad.md', { planSlugs: new Set(['xuchang-2018-yijian']), catalogue: compileCatalogue(catalogue()) }).problems.map(formatProblem);
  const base = { indicator: 'air.pm25', year: 2020, value: 38, unit: 'μg/m³' };
  const item = (over: Record<string, unknown>) => `  - ${JSON.stringify({ ...base, ...over })}\n`;

  it('names the file, the line, the item, the field, the value and the fix', () => {
    const [message] = check(item({ year: '2020年' }));
    expect(message).toMatch(/^content\/updates\/2021-03-01-bad\.md:7 错误 \[update\] 字段 values\.0\.year：年份写成数字，例如 2025（不要写“2025年”）（现值："2020年"）$/);
  });

  it('checks the indicator and its unit against content/indicators.yaml', () => {
    expect(check(item({ indicator: 'air.pm2-5' }))[0]).toContain('指标目录里没有这个 id');
    expect(check(item({ unit: '微克/立方米' }))[0]).toMatch(/单位应为 "μg\/m³"/);
  });

  it('asks for the quote when the source is a plan on this site', () => {
    expect(check(item({ source: { title: '某规划', url: '/plans/xuchang-2018-yijian/#b-0romtb5' } }))[0]).toContain('quote');
  });

  it('refuses two values for the same indicator, place, scope and year', () => {
    expect(check(item({}) + item({ value: 39 }))[0]).toContain('同一年只能报一个数值');
    expect(check(item({}) + item({ scope: '建成区' }))).toEqual([]);
  });
});

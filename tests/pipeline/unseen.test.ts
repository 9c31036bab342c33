/**
 * Plans in forms the seeds do not show (tests/pipeline/unseen/README.md): other cities, chapter
 * markers, tables flattened one cell per line, Markdown front matter, web-page pastes, GB18030 and
 * UTF-16, messy numbering, newspaper jump pages. Each must give the hierarchy in its outline file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlan, type Block, type Section } from '../../src/pipeline/index.ts';
import { planDocumentSchema } from '../../src/schemas/plan-document.ts';
import { outline } from '../helpers/outline.ts';

const dir = join(import.meta.dirname, 'unseen');
const texts = readdirSync(dir).filter((f) => f.endsWith('.txt') && !f.endsWith('.outline.txt'));
const parse = (name: string) => parsePlan(new Uint8Array(readFileSync(join(dir, name))), { path: name });
const blocks = (list: Section[]): Block[] => list.flatMap((s) => [...s.blocks, ...blocks(s.children)]);

describe.each(texts)('%s', (name) => {
  it('gives the expected hierarchy and a valid document', () => {
    const doc = parse(name);
    const expected = readFileSync(join(dir, name.replace(/\.txt$/, '.outline.txt')), 'utf8').trim().split('\n');
    expect(outline(doc)).toEqual(expected);
    expect(planDocumentSchema.safeParse(doc).success).toBe(true);
  });
});

describe('what the forms must get right', () => {
  it('has a text and its outline file for each form', () => {
    expect(texts.length).toBeGreaterThanOrEqual(10);
  });

  it('decodes GB18030 (4-byte characters included) and UTF-16 with BOM', () => {
    const gb = parse('gb18030.txt');
    expect(gb.source.encoding).toBe('gb18030');
    expect(JSON.stringify(gb)).toMatch(/石㳇河|䢺水/);
    expect(JSON.stringify(gb)).not.toContain('\\r');
    const u16 = parse('utf16.txt');
    const u8 = parse('utf8-bom.txt');
    expect(u16.source.encoding).toBe('utf-16le');
    expect(u16.sections).toEqual(u8.sections);
    expect(u8.meta.title?.startsWith('\ufeff')).toBe(false);
  });

  it('rebuilds the flattened table by column', () => {
    const table = blocks(parse('flattened-table.txt').sections).find((b) => b.kind === 'table');
    expect(table?.rows?.length).toBe(10);
    expect(table?.rows?.[0]).toEqual(['序号', '指标', '单位', '2020年', '2025年目标', '属性']);
    expect(table?.rows?.every((r) => r.length === 6)).toBe(true);
  });

  it('reads front matter as metadata and keeps it out of the text', () => {
    const doc = parse('front-matter.txt');
    // The text states a title of its own; where the catalogue's differs, the text wins and says so.
    expect(doc.meta.sources?.title).toBe('text');
    expect(doc.meta.title).toBe('沅溪市“十四五”生态环境保护规划');
    expect(doc.diagnostics.some((d) => d.code === 'meta-conflict' && d.message.includes('（简本）'))).toBe(true);
    // What only the front matter states is taken from it.
    expect(doc.meta.sources?.docNumber).toBe('front-matter');
    expect(doc.meta.docNumber).toBe('沅政办发〔2022〕9号');
    expect(doc.meta.issued).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(JSON.stringify(doc.sections)).not.toMatch(/doc_number|^---/);
    expect(blocks(doc.sections).some((b) => b.kind === 'table')).toBe(true);
  });

  it('reads a forwarded plan out of its cover notice, with tab-separated and repeated-header tables', () => {
    const doc = parse('forwarded-notice.txt');
    expect(doc.meta).toMatchObject({
      title: '临川县农村生活污水治理三年行动方案（2024—2026年）', issuer: '临川县人民政府办公室', issued: '2024-03-18',
      docNumber: '临政办发〔2024〕15号', kind: '行动方案', period: { from: 2024, to: 2026 },
    });
    expect(doc.meta.jurisdiction).toMatchObject({ name: '临川县', level: '县' });
    const notice = doc.sections.find((s) => s.role === 'notice');
    expect(notice?.blocks.map((b) => b.text)).toContain('各乡镇人民政府，县政府各部门：');
    const tables = blocks(doc.sections).filter((b) => b.kind === 'table');
    expect(tables[0]).toMatchObject({ caption: '表1　年度目标', rows: [['年度', '新增治理行政村（个）', '治理率（%）'], ['2024年', '20', '45'], ['2025年', '25', '52'], ['2026年', '30', '60']] });
    const attachment = doc.sections.find((s) => s.role === 'attachment');
    expect(attachment?.heading).toBe('重点治理行政村清单');
    expect(tables[1]?.rows?.map((r) => r[0])).toEqual(['序号', '1', '2', '3', '4', '5']);
    expect(doc.diagnostics.filter((d) => d.code === 'table-header-repeated')).toHaveLength(1);
  });

  it('drops the web page around a pasted plan', () => {
    const text = JSON.stringify(parse('web-paste.txt').sections);
    // The plan is there, the page around it is not.
    expect(text).toContain('着力打好湘溪流域保护修复攻坚战');
    for (const cruft of ['ICP备', '打印本页', '分享到', '网站标识码', '上一篇']) expect(text).not.toContain(cruft);
  });

  it('lists 责任单位 of a newspaper page, with brackets inside units kept whole', () => {
    const units = blocks(parse('newspaper.txt').sections).flatMap((b) => b.responsible);
    expect(units).toContain('各县（市、区）人民政府');
    expect(units.every((u) => !u.includes('按职责分工'))).toBe(true);
  });
});

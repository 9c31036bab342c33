/**
 * Catalogue front matter against what the text states (meta/sidecar.ts mergeMeta): the text wins
 * and a real difference is reported; the same name given in full and in short is no difference.
 * Values from seed 08 (catalogue 发布单位 "上海市虹口区人民政府办公室", signature "虹口区人民政府办公室").
 */
import { describe, expect, it } from 'vitest';
import { mergeMeta } from '../../src/pipeline/meta/sidecar.ts';
import type { PlanMeta } from '../../src/pipeline/index.ts';

const fromText = (over: Partial<PlanMeta>): PlanMeta => ({
  title: '虹口区生活垃圾全程分类体系建设三年行动计划（2018—2020年）', jurisdiction: null, issuer: '虹口区人民政府办公室',
  issued: '2018-06-24', kind: '行动计划', period: null, docNumber: null, ...over,
} as PlanMeta);

describe('catalogue front matter and the text', () => {
  it('keeps the catalogue issuer that names the place in full, without a warning', () => {
    const { meta, conflicts } = mergeMeta(fromText({}), { 发布单位: '上海市虹口区人民政府办公室' });
    expect(meta.issuer).toBe('上海市虹口区人民政府办公室');
    expect(meta.sources?.issuer).toBe('front-matter');
    expect(conflicts).toEqual([]);
  });

  it('keeps the text title that names its issuer, without a warning', () => {
    const title = '上海市住房和城乡建设管理委员会关于开展2024年本市海绵城市建设工作的函';
    const { meta, conflicts } = mergeMeta(fromText({ title }), { 标题: '关于开展2024年本市海绵城市建设工作的函' });
    expect(meta.title).toBe(title);
    expect(meta.sources?.title).toBe('text');
    expect(conflicts).toEqual([]);
  });

  it('reports a real difference and keeps the text', () => {
    const { meta, conflicts } = mergeMeta(fromText({}), { 发布单位: '上海市虹口区绿化和市容管理局', 发布日期: '2018-07-01' });
    expect(meta.issuer).toBe('虹口区人民政府办公室');
    expect(conflicts.map((c) => c.field).sort()).toEqual(['issued', 'issuer']);
  });
});

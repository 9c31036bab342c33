/**
 * The place a plan applies to, read from its title (text/place-names.ts): titles in the forms plans
 * take, each with the place a reader would name.
 */
import { describe, expect, it } from 'vitest';
import { comparePlacePaths, jurisdictionOf } from '../../src/pipeline/text/place-names.ts';

const cases: [string, Record<string, string>][] = [
  ['上海市普陀区海绵城市建设实施方案', { name: '普陀区', province: '上海市', level: '区' }],
  ['上海市宝山区友谊路街道生活垃圾定时定点分类投放工作实施细则', { name: '友谊路街道', county: '宝山区', level: '街道' }],
  ['苏州市昆山市生态环境保护规划', { name: '昆山市', city: '苏州市', level: '市' }],
  ['江苏省徐州市丰县生态环境保护规划', { name: '丰县', province: '江苏省', city: '徐州市', level: '县' }],
  ['丰县“十四五”生态环境保护规划', { name: '丰县', level: '县' }],
  ['桐城市“十四五”城镇污水处理及资源化利用规划', { name: '桐城市', level: '市' }],
  ['荆州市中心城区黑臭水体治理方案', { name: '荆州市', level: '市' }],
  ['湖北省美丽湖北建设规划纲要（2024—2035年）', { name: '湖北省', level: '省' }],
  ['广西壮族自治区生态环境保护“十四五”规划', { name: '广西壮族自治区', level: '自治区' }],
  ['西安市新城区生态环境保护规划', { name: '新城区', city: '西安市', level: '区' }],
  ['阿克苏地区阿克苏市生态环境保护规划', { name: '阿克苏市', level: '市' }],
];

describe('the place of a plan, from its title', () => {
  it.each(cases)('%s', (title, expected) => {
    expect(jurisdictionOf(title, null)).toMatchObject(expected);
  });
  it('"全县…" and "本县…" name no county', () => {
    expect(jurisdictionOf('全县生态环境保护实施方案', null)).toBeNull();
    expect(jurisdictionOf('本县生态环境保护实施方案', null)).toBeNull();
  });
});

describe('comparePlacePaths', () => {
  it('compares name by name in pinyin order, outermost first, a place before the places below it', () => {
    const paths = [['上海市', '宝山区'], ['上海市'], ['广东省', '江门市'], ['上海', '市北'], ['上海市', '北']];
    const sorted = [...paths].sort(comparePlacePaths).map((p) => p.join(' › '));
    expect(sorted).toEqual(['广东省 › 江门市', '上海 › 市北', '上海市', '上海市 › 宝山区', '上海市 › 北']);
    // Joined with U+0000, the collator ignores the separator and cannot tell these two apart.
    expect('上海\u0000市北'.localeCompare('上海市\u0000北', 'zh-CN')).toBe(0);
    expect(comparePlacePaths(['上海', '市北'], ['上海市', '北'])).not.toBe(0);
  });
});

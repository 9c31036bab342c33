import { describe, expect, it } from 'vitest';
import { excerpt, matchRanges } from '../../src/search/excerpt.ts';
import { parseQuery } from '../../src/search/query.ts';

// From seeds/001 (XX投资区实施方案), as printed, full-width letters included.
const text = '加强细颗粒物和臭氧协同控制。到2025年，辖区ＰＭ２．５平均浓度控制在33微克/立方米以下，空气质量优良天数比率达到86%以上。';

describe('excerpt', () => {
  it('marks the words in the text as printed, whatever their width', () => {
    const terms = parseQuery('pm2.5 浓度').terms;
    const marked = excerpt([text], terms, 200).filter((s) => s.mark).map((s) => s.text);
    expect(marked).toEqual(['ＰＭ２．５', '浓度']);
  });

  it('keeps every character of the cut and shows where it was cut', () => {
    const segs = excerpt(['前文'.repeat(60) + text], parseQuery('优良天数').terms, 40);
    const joined = segs.map((s) => s.text).join('');
    expect(joined.startsWith('…')).toBe(true);
    expect(joined).toContain('优良天数');
    expect(('前文'.repeat(60) + text).includes(joined.replace(/^…|…$/g, ''))).toBe(true);
  });

  it('finds every occurrence, merging overlaps', () => {
    expect(matchRanges('水源水源地', parseQuery('水源 源水').terms)).toEqual([[0, 4]]);
  });
});

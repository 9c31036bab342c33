import { describe, expect, it } from 'vitest';
import { fold, foldWithMap } from '../../src/search/fold.ts';
import { isExact, matchesAll, parseQuery, splitQuery } from '../../src/search/query.ts';

const groups = [['细颗粒物', 'PM2.5'], ['挥发性有机物', 'VOCs', 'VOC']];

describe('folding', () => {
  it('folds width, case and accents, and maps every folded character back', () => {
    expect(fold('ＰＭ２．５与VOCs')).toBe('pm2.5与vocs');
    expect(fold('μg/m³')).toBe('μg/m3');
    const f = foldWithMap('浓度（ＰＭ２．５）');
    const at = f.text.indexOf('pm2.5');
    expect('浓度（ＰＭ２．５）'.slice(f.start[at], f.end[at + 4])).toBe('ＰＭ２．５');
  });
});

describe('query', () => {
  it('splits on spaces, keeps quoted phrases and reads the tilde', () => {
    expect(splitQuery('PM2.5 “饮用 水源”  ~VOCs')).toEqual([
      { text: 'PM2.5', synonyms: false },
      { text: '饮用 水源', synonyms: false },
      { text: 'VOCs', synonyms: true },
    ]);
  });

  it('sets aside words with fewer than two letters or digits', () => {
    const q = parseQuery('水 黑臭 （一）');
    expect(q.terms.map((t) => t.text)).toEqual(['黑臭']);
    expect(q.tooShort).toEqual(['水', '（一）']);
  });

  it('widens a word to its synonyms only when asked', () => {
    expect(parseQuery('PM2.5', { groups }).terms[0]!.variants.map((v) => v.text)).toEqual(['PM2.5']);
    expect(parseQuery('~pm2.5', { groups }).terms[0]!.variants.map((v) => v.text)).toEqual(['pm2.5', '细颗粒物']);
    expect(parseQuery('VOCs', { groups, synonyms: true }).terms[0]!.variants.map((v) => v.folded)).toEqual(['vocs', '挥发性有机物', 'voc']);
    // A longer word is not a synonym of its part.
    expect(parseQuery('PM2.5浓度', { groups, synonyms: true }).terms[0]!.variants).toHaveLength(1);
  });

  it('knows when the index alone decides, and when the text must be checked', () => {
    expect(isExact(parseQuery('黑臭水体 PM2.5').terms)).toBe(true);
    expect(isExact(parseQuery('“PM2.5 浓度”').terms)).toBe(false);
    expect(isExact(parseQuery('《规划》').terms)).toBe(false);
  });

  it('matches as the ground truth does: every word a substring, any synonym', () => {
    const text = fold('到2025年，细颗粒物浓度下降到30μg/m³。');
    expect(matchesAll(text, parseQuery('颗粒 2025年').terms)).toBe(true);
    expect(matchesAll(text, parseQuery('PM2.5').terms)).toBe(false);
    expect(matchesAll(text, parseQuery('~PM2.5', { groups }).terms)).toBe(true);
    expect(matchesAll(text, parseQuery('').terms)).toBe(false);
  });
});

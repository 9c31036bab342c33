// The bigram index answers a phrase exactly where the words occur as substrings. Checked on the
// seeds' own sentences with a phrase matcher that works as Pagefind's exact search does: every
// word of the phrase at consecutive positions, separators taking a position and matching nothing.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fold } from '../../src/search/fold.ts';
import { variantOf } from '../../src/search/query.ts';
import { bigrams, INNER_MARKS, recordContent, recordWords, runsOf, SEPARATOR } from '../../src/search/tokens.ts';
import { random } from '../../scripts/lib/search-corpus.ts';
import { seedFiles } from '../helpers/seeds.ts';

/** Pagefind's quoted search on one record: all phrase words at consecutive positions. */
function phraseIn(words: readonly string[], phrase: readonly string[]): boolean {
  for (let p = 0; p + phrase.length <= words.length; p++) {
    if (phrase.every((w, i) => words[p + i] === w)) return true;
  }
  return false;
}

/** A query matches a record when each of its runs' bigram phrases is found (query.ts). */
function indexFinds(text: string, q: string): boolean {
  const words = recordWords(text);
  return variantOf(q).phrases.every((ph) => phraseIn(words, ph));
}

const lines = seedFiles.flatMap((f) => readFileSync(`seeds/${f}`, 'utf8').split('\n')).filter((l) => l.trim().length > 20);

describe('record words', () => {
  it('writes a run as overlapping bigrams and punctuation as one separator', () => {
    expect(recordWords('推进饮用水水源保护。严格管控')).toEqual(['推进', '进饮', '饮用', '用水', '水水', '水源', '源保', '保护', SEPARATOR, '严格', '格管', '管控']);
  });

  it('keeps the marks inside numbers and codes in the run, as letters Pagefind keeps', () => {
    const words = recordWords('细颗粒物（PM2.5）浓度下降15%以上');
    expect(words).toContain(`2${INNER_MARKS['.']}`);
    expect(words).toContain(`5${INNER_MARKS['%']}`);
    expect(words.every((w) => w === SEPARATOR || /^[\p{L}\p{N}]+$/u.test(w))).toBe(true);
  });

  it('folds full-width letters and digits and upper case, as queries are folded', () => {
    expect(recordWords('ＰＭ２．５')).toEqual(recordWords('pm2.5'));
    expect(runsOf(fold('VOCs'))).toEqual([['v', 'o', 'c', 's']]);
  });

  it('puts a separator between the texts of one record, so no phrase spans them', () => {
    const content = recordContent(['一、水源', '源头管控']).split(' ');
    expect(phraseIn(content, bigrams([...'水源头']))).toBe(false);
    expect(phraseIn(content, bigrams([...'源头管']))).toBe(true);
  });

  it('does not match a phrase across punctuation ("水源，源头" has no "水源头")', () => {
    expect(indexFinds('保护水源，源头治理', '水源头')).toBe(false);
    expect(indexFinds('保护水源头治理', '水源头')).toBe(true);
  });

  it('finds every substring of the seeds\' sentences, and nothing that is not one', () => {
    const next = random(7);
    let checked = 0;
    for (let i = 0; i < 400; i++) {
      const line = lines[Math.floor(next() * lines.length)]!;
      const runs = runsOf(fold(line)).filter((r) => r.length >= 2);
      const run = runs[Math.floor(next() * runs.length)];
      if (!run) continue;
      const len = Math.min(run.length, 2 + Math.floor(next() * 5));
      const at = Math.floor(next() * (run.length - len + 1));
      const q = run.slice(at, at + len).join('').replace(/[\uA500-\uA504]/g, (c) => Object.keys(INNER_MARKS).find((k) => INNER_MARKS[k] === c)!);
      // The word itself is found in its line …
      expect(indexFinds(line, q), `${q} in ${line}`).toBe(true);
      // … and in another line exactly when that line contains it.
      const other = lines[Math.floor(next() * lines.length)]!;
      expect(indexFinds(other, q), `${q} in ${other}`).toBe(fold(other).includes(fold(q)));
      checked++;
    }
    expect(checked).toBeGreaterThan(300);
  });
});

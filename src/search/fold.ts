/**
 * Folding: the one definition of "the same character" that the index, the query, the ground truth
 * and the excerpt highlighter share. Pure TypeScript, no DOM and no Node APIs: it runs in the
 * indexer (scripts/build-search.ts) and, bundled, in the browser.
 *
 * Each code point is folded on its own with NFKC and lower case, so that
 *   "ＰＭ２．５" (full-width, common in Word exports) → "pm2.5",
 *   "VOCs" → "vocs", "μg/m³" → "μg/m3", "（" → "(",
 * and combining marks (accents, variation selectors after a Han character) are dropped. Folding code point
 * by code point, not the whole string, keeps a map from every folded character back to the
 * original text, so a match found in the folded text is highlighted in the text as printed.
 */

export interface Folded {
  /** The folded text. */
  text: string;
  /** For each UTF-16 unit of `text`: where its source code point starts in the original. */
  start: number[];
  /** For each UTF-16 unit of `text`: where its source code point ends in the original. */
  end: number[];
}

const SPACE = /^\s+$/u;
// Combining marks, except the kana voicing marks that NFC puts back into か+゛ → が.
const MARKS = /(?![\u3099\u309A])\p{M}/gu;
const cache = new Map<string, string>();

/** The folded form of one code point ("" for a combining mark, " " for any kind of space). */
export function foldChar(ch: string): string {
  let out = cache.get(ch);
  if (out === undefined) {
    // Accents go too ("é" → "e"), as Pagefind's indexer and query parser both drop them.
    const n = ch.normalize('NFKC').toLowerCase().normalize('NFD').replace(MARKS, '').normalize('NFC');
    out = SPACE.test(n) ? ' ' : n;
    if (cache.size < 20_000) cache.set(ch, out);
  }
  return out;
}

/** Folds a whole text: the same as joining `foldChar` over its code points. */
export function fold(text: string): string {
  let out = '';
  for (const ch of text) out += foldChar(ch);
  return out;
}

/** Folds a text and keeps, for every folded unit, the range of the original it came from. */
export function foldWithMap(text: string): Folded {
  let out = '';
  const start: number[] = [];
  const end: number[] = [];
  let i = 0;
  for (const ch of text) {
    const f = foldChar(ch);
    for (let k = 0; k < f.length; k++) {
      start.push(i);
      end.push(i + ch.length);
    }
    out += f;
    i += ch.length;
  }
  return { text: out, start, end };
}

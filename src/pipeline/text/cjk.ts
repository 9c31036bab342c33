/**
 * Character classes for Chinese text. Kept in one place so that every normaliser agrees on what
 * counts as a Chinese character, a Chinese punctuation mark, or the end of a sentence.
 */

/** Han ideographs (BMP blocks and Extension A), and the ideographic zero 〇. */
export const HAN = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\u3007';
/** Full-width and CJK punctuation, including the full-width forms block. */
export const CJK_PUNCT = '\\u3000-\\u303f\\uff00-\\uffef\\u2018-\\u201f\\u2014\\u2026\\u00b7';

export const hanRe = new RegExp(`[${HAN}]`);
export const isHan = (ch: string | undefined): boolean => ch !== undefined && hanRe.test(ch);

/** Sentence-final marks: 。！？ and their half-width cousins used in extracted text. */
export const SENTENCE_END = '。！？!?';
/** Marks after which a paragraph can end: sentence ends, semicolons, colons, closing quotes. */
export const PARAGRAPH_END = /[。！？!?；;：:…”’」』）)】]$/;

/**
 * Full-width ASCII forms (Ｕ+FF01–FF5E: "１２３", "％", "ＰＭ") as their half-width forms, one
 * character for one so that offsets into the original stay valid; `chars` limits which.
 */
export function halfWidth(text: string, chars: RegExp = /[\uff01-\uff5e]/g): string {
  return text.replace(chars, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * Split text into sentences, keeping each sentence's final mark. Closing quotes and brackets that
 * follow the mark stay with the sentence: "…永续北送”。" is one sentence.
 */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  const re = /[^。！？!?；;\n]*(?:[。！？!?；;]+[”’」』）)]*|\n|$)/g;
  for (const match of text.matchAll(re)) {
    const s = match[0].trim();
    if (s) out.push(s);
    if (match[0] === '') re.lastIndex++;
  }
  return out;
}

/** Text with white space and punctuation removed: what "the same words" means in comparisons. */
export function wordsOnly(text: string): string {
  return text.replace(/[\s\p{P}\p{S}]/gu, '');
}

/** FNV-1a, 32 bits, as base36: short, stable ids that do not depend on position. */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).padStart(7, '0');
}

const CN_DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** Value of a Chinese numeral up to 999: 一 → 1, 十二 → 12, 二十 → 20, 一百零五 → 105. */
export function chineseNumber(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  let total = 0;
  let digit = 0;
  for (const ch of text) {
    if (ch in CN_DIGITS) digit = CN_DIGITS[ch] ?? 0;
    else if (ch === '十') { total += (digit || 1) * 10; digit = 0; }
    else if (ch === '百') { total += (digit || 1) * 100; digit = 0; }
    else return null;
  }
  return total + digit;
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
export const circledNumber = (ch: string): number => CIRCLED.indexOf(ch) + 1;

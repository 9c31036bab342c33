/**
 * The tokens the search index is made of, shared by the indexer and the browser.
 *
 * Pagefind segments Chinese into dictionary words, so "黑臭" is not found inside "黑臭水体" and a
 * plain query returns pages that merely contain the characters somewhere (measured: precision
 * 0.83). Instead every record is written as overlapping bigrams of its characters, and a query of
 * n ≥ 2 characters is sent as the quoted phrase of its n − 1 bigrams:
 *
 *   text  "推进饮用水水源保护"  →  推进 进饮 饮用 用水 水水 水源 源保 保护
 *   query "水源保护"            →  "水源 源保 保护"   (three bigrams at consecutive positions)
 *
 * A phrase of consecutive bigrams occurs exactly where the query occurs as a substring, so the
 * result set is the substring ground truth: "黑臭" inside "黑臭水体", "pm2" inside "pm2.5",
 * "12369" inside "拨打12369热线" (each digit and letter is a character like any Han one).
 *
 * Units: after folding (fold.ts), a letter or digit of any script, or one of the marks that sit
 * inside numbers and codes: . - / % + ("pm2.5", "nh3-n", "μg/m3", "25%", "2021-2025").
 * Anything else (Chinese punctuation, brackets, quotes, spaces, line breaks) ends a run: the index
 * gets a separator word there, which takes a position but matches nothing, so no phrase can span
 * it ("水源，源头" does not match "水源头").
 *
 * Pagefind keeps only letters and digits in a word, so the five marks are written as letters of
 * the Vai script (U+A500…), which no Chinese plan contains; the browser encodes queries the same
 * way. Runs of a single unit give no bigram (a query needs two characters, see query.ts).
 */
import { fold } from './fold.ts';

/** Marks that belong to a run of letters and digits, and the letter each is indexed as. */
export const INNER_MARKS: Readonly<Record<string, string>> = {
  '.': '\uA500',
  '-': '\uA501',
  '/': '\uA502',
  '%': '\uA503',
  '+': '\uA504',
};

/** Written between runs: takes a word position, indexes nothing (Pagefind drops punctuation). */
export const SEPARATOR = '|';

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** The indexed form of one folded code point, or null when it is not part of a run. */
export function unitOf(ch: string): string | null {
  if (LETTER_OR_DIGIT.test(ch)) return ch;
  return INNER_MARKS[ch] ?? null;
}

/** Splits folded text into runs of units (each unit already in its indexed form). */
export function runsOf(folded: string): string[][] {
  const runs: string[][] = [];
  let run: string[] = [];
  for (const ch of folded) {
    const u = unitOf(ch);
    if (u !== null) {
      run.push(u);
    } else if (run.length > 0) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/** The overlapping bigrams of one run: ["饮","用","水"] → ["饮用", "用水"]. */
export function bigrams(run: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < run.length; i++) out.push(run[i]! + run[i + 1]!);
  return out;
}

/**
 * The words of one record, in order: bigrams of each run, a separator between runs (one, however
 * much punctuation there was). Takes text as printed and folds it here.
 */
export function recordWords(text: string): string[] {
  const words: string[] = [];
  for (const run of runsOf(fold(text))) {
    if (run.length < 2) {
      if (words.length > 0 && words[words.length - 1] !== SEPARATOR) words.push(SEPARATOR);
      continue;
    }
    if (words.length > 0 && words[words.length - 1] !== SEPARATOR) words.push(SEPARATOR);
    for (const b of bigrams(run)) words.push(b);
  }
  if (words[words.length - 1] === SEPARATOR) words.pop();
  return words;
}

/** Several texts as one record: a separator between them, so no phrase spans two of them. */
export function recordContent(texts: readonly string[]): string {
  const parts = texts.map((t) => recordWords(t).join(' ')).filter(Boolean);
  return parts.join(` ${SEPARATOR} `);
}

/**
 * What a reader types, turned into what the index is asked. Pure TypeScript (browser and Node).
 *
 * Syntax, as the search page explains it:
 *   黑臭水体 排污口      words separated by spaces: a clause must contain every one of them
 *   "PM2.5 浓度"        quotes (straight or “ ”) keep a phrase with its space as one word
 *   ~PM2.5             a tilde (or ～) before a word also finds its synonyms (细颗粒物), from
 *                      content/synonyms.yaml; the page's "包括同义词" box does it for every word
 * Every word is matched as an exact substring of the clause's folded text (fold.ts): "黑臭" is
 * found in "黑臭水体", "PM2" in "PM2.5". A word needs two letters or digits: one character
 * ("水") would match most clauses, and the bigram index cannot answer it exactly (see the page).
 */
import { fold } from './fold.ts';
import { bigrams, runsOf } from './tokens.ts';

export interface Variant {
  /** The word as written (or the synonym as listed). */
  text: string;
  /** Its folded form: a clause matches when its folded text contains this. */
  folded: string;
  /** One bigram phrase per run of two or more letters and digits. */
  phrases: string[][];
  /**
   * True when the word is one run and nothing else, so the phrase alone decides; otherwise the
   * index narrows the clauses and the text is checked (e.g. "（一）" or a quoted "PM2.5 浓度").
   */
  exact: boolean;
}

export interface Term {
  /** As typed, without the tilde or quotes. */
  text: string;
  /** The word itself first, then its synonyms; a clause matches a term when it has any. */
  variants: Variant[];
  synonyms: boolean;
}

export interface ParsedQuery {
  terms: Term[];
  /** Words left out because they have fewer than two letters or digits. */
  tooShort: string[];
}

/** Groups of words that mean the same (content/synonyms.yaml), as listed. */
export type SynonymGroups = readonly (readonly string[])[];

export function variantOf(text: string): Variant {
  const folded = fold(text).trim();
  const runs = runsOf(folded);
  const phrases = runs.filter((r) => r.length >= 2).map(bigrams);
  const exact = runs.length === 1 && runs[0]!.length >= 2 && [...folded].length === runs[0]!.length;
  return { text, folded, phrases, exact };
}

/** Splits the query into words: spaces separate, quotes group, a leading ~ asks for synonyms. */
export function splitQuery(q: string): { text: string; synonyms: boolean }[] {
  const out: { text: string; synonyms: boolean }[] = [];
  const re = /([~～]?)(?:"([^"]*)"|“([^”]*)”|「([^」]*)」|([^\s"“”「」]+))/gu;
  for (const m of q.normalize('NFC').matchAll(re)) {
    const text = (m[2] ?? m[3] ?? m[4] ?? m[5] ?? '').trim();
    if (text) out.push({ text, synonyms: m[1] !== '' });
  }
  return out;
}

export function parseQuery(q: string, options: { synonyms?: boolean; groups?: SynonymGroups } = {}): ParsedQuery {
  const terms: Term[] = [];
  const tooShort: string[] = [];
  const seen = new Set<string>();
  for (const word of splitQuery(q)) {
    const own = variantOf(word.text);
    const synonyms = Boolean(options.synonyms) || word.synonyms;
    const variants = [own];
    if (synonyms && options.groups) {
      for (const group of options.groups) {
        if (!group.some((s) => fold(s) === own.folded)) continue;
        for (const s of group) {
          const v = variantOf(s);
          if (!variants.some((x) => x.folded === v.folded)) variants.push(v);
        }
      }
    }
    const usable = variants.filter((v) => v.phrases.length > 0);
    if (usable.length === 0) {
      tooShort.push(word.text);
      continue;
    }
    const key = `${synonyms}:${usable.map((v) => v.folded).join('|')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    terms.push({ text: word.text, variants: usable, synonyms });
  }
  return { terms, tooShort };
}

/** True when every term has a variant that is a substring of the folded text: the ground truth. */
export function matchesAll(foldedText: string, terms: readonly Term[]): boolean {
  return terms.length > 0 && terms.every((t) => t.variants.some((v) => foldedText.includes(v.folded)));
}

/** True when the index alone decides the query (no text check needed). */
export function isExact(terms: readonly Term[]): boolean {
  return terms.every((t) => t.variants.every((v) => v.exact));
}

/** Rebuilds a query string that means the same (for links that change page or filters). */
export function formatTerm(t: Pick<Term, 'text' | 'synonyms'>): string {
  const text = /[\s"]/u.test(t.text) ? `“${t.text}”` : t.text;
  return t.synonyms ? `~${text}` : text;
}

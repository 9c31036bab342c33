/**
 * Finding theme words in text, for the `themes` step. A trie of folded words is scanned
 * leftmost-longest: at each position the longest listed word wins and the scan jumps past it, so
 * "黑臭水体" is one hit (not also "水体"), "入海河流" is the sea's word (not also the river's), and
 * an `ignore` phrase ("上海") swallows the word it contains ("海上" in "上海上半年").
 *
 * Folding keeps one character for one character, so every hit is a verbatim slice of the text:
 * full-width Latin letters and digits become ASCII ("ＰＭ２．５" → "pm2.5"), Latin is lower-cased,
 * subscript digits become digits ("PM₂.₅"), and the Roman numerals Ⅰ Ⅴ Ⅹ become letters ("劣Ⅴ类").
 */

/** What a listed word means: the themes it counts for (with weights), or nothing for `ignore`. */
export interface WordSense {
  word: string;
  themes: { theme: string; weight: number }[];
}

export interface Hit {
  sense: WordSense;
  /** The text as printed (a verbatim slice of the scanned text). */
  text: string;
  start: number;
  end: number;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  sense?: WordSense;
}

const ROMAN: Record<string, string> = { 'Ⅰ': 'i', 'Ⅴ': 'v', 'Ⅹ': 'x' };

/**
 * One character folded for matching terms, always one character out, so that a hit's offsets in the
 * folded text are its offsets in the block ("ＰＭ２.５" → "pm2.5", "Ⅴ类" → "v类"). Not the search's
 * fold (src/search/fold.ts), which may drop or expand characters and keeps a map back instead.
 */
function foldKeepingOffsets(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0).toLowerCase();
  if (code >= 0x2080 && code <= 0x2089) return String.fromCharCode(code - 0x2080 + 0x30);
  const lower = ROMAN[ch] ?? ch.toLowerCase();
  return lower.length === ch.length ? lower : ch;
}

function foldText(text: string): string {
  let out = '';
  for (const ch of text) out += foldKeepingOffsets(ch);
  return out;
}

/**
 * An agency's name is not a topic: "区水务局" says who acts, not that the task is about water,
 * "区绿化市容局（区分减联办）" is not about greening. A hit is dropped when the Han characters
 * right after it (at most six, no punctuation between) end in an agency suffix: 局, 委员会, 委,
 * 厅, 部门, 办公室, 管理科, 所 ("街道绿化市容所"), or 办 before punctuation ("河长办，"). Not
 * 格局/布局/大局 (局 as "situation"), not 委托 (entrust), not 场所/住所 (a place), not 办理/办案.
 */
const AGENCY_AFTER = /^[\u3400-\u9fff]{0,6}?(?:(?<![格布大结开当])局(?![部面])|委员会|委(?!托)|厅|部门|办公室|管理科|(?<![场处住厕诊])所|办(?=$|[^\u3400-\u9fff]))/;

export class TermMatcher {
  private readonly root: TrieNode = { next: new Map() };

  constructor(senses: Iterable<WordSense>) {
    for (const sense of senses) this.add(sense);
  }

  /** Words written twice (in two themes, or as an ignore phrase) share one sense. */
  private add(sense: WordSense): void {
    let node = this.root;
    const folded = foldText(sense.word);
    // By UTF-16 unit, as scan() reads the text.
    for (let k = 0; k < folded.length; k++) {
      const ch = folded[k] as string;
      let child = node.next.get(ch);
      if (!child) node.next.set(ch, (child = { next: new Map() }));
      node = child;
    }
    if (!node.sense) node.sense = { word: sense.word, themes: [] };
    for (const t of sense.themes) {
      const same = node.sense.themes.find((x) => x.theme === t.theme);
      if (same) same.weight = Math.max(same.weight, t.weight);
      else node.sense.themes.push({ ...t });
    }
  }

  /** Leftmost-longest hits, ignore phrases and agency names left out. */
  scan(text: string): Hit[] {
    const folded = foldText(text);
    const hits: Hit[] = [];
    let i = 0;
    while (i < folded.length) {
      let node: TrieNode | undefined = this.root;
      let best: { end: number; sense: WordSense } | null = null;
      for (let j = i; j < folded.length; j++) {
        node = node.next.get(folded[j] as string);
        if (!node) break;
        if (node.sense) best = { end: j + 1, sense: node.sense };
      }
      if (!best) {
        i++;
        continue;
      }
      if (best.sense.themes.length > 0 && !AGENCY_AFTER.test(text.slice(best.end, best.end + 9))) {
        hits.push({ sense: best.sense, text: text.slice(i, best.end), start: i, end: best.end });
      }
      i = best.end;
    }
    return hits;
  }
}

/** Per theme: the distinct words found (as printed, in order of first appearance) and their score. */
export interface ThemeScore {
  score: number;
  /** Occurrences of the theme's words, repeats included. */
  mentions: number;
  words: string[];
}

/** Distinct words per theme: a word found five times counts once, with its weight. */
export function scoreHits(hits: Hit[]): Map<string, ThemeScore> {
  const out = new Map<string, ThemeScore>();
  const counted = new Set<string>();
  for (const hit of hits) {
    for (const { theme, weight } of hit.sense.themes) {
      const entry = out.get(theme) ?? { score: 0, mentions: 0, words: [] };
      entry.mentions++;
      out.set(theme, entry);
      const key = `${theme}\u0000${foldText(hit.sense.word)}`;
      if (counted.has(key)) continue;
      counted.add(key);
      entry.score += weight;
      entry.words.push(hit.text);
    }
  }
  return out;
}

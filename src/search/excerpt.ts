/**
 * Excerpts for results, cut from the section's text as printed (Pagefind's own excerpts would show
 * the indexed bigrams), with every occurrence of the query's words marked. Pure TypeScript.
 */
import { foldWithMap } from './fold.ts';
import type { Term } from './query.ts';

export interface Segment {
  text: string;
  mark: boolean;
}

/** Ranges [start, end) of the original text where any variant of any term occurs, merged. */
export function matchRanges(text: string, terms: readonly Term[]): [number, number][] {
  const f = foldWithMap(text);
  const ranges: [number, number][] = [];
  for (const t of terms) {
    for (const v of t.variants) {
      if (!v.folded) continue;
      let at = f.text.indexOf(v.folded);
      while (at >= 0) {
        const last = at + v.folded.length - 1;
        ranges.push([f.start[at]!, f.end[last]!]);
        at = f.text.indexOf(v.folded, at + 1);
      }
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const prev = merged[merged.length - 1];
    if (prev && r[0] <= prev[1]) prev[1] = Math.max(prev[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/**
 * An excerpt of about `length` characters around the first match (or the opening of the text
 * when nothing matches, e.g. a synonym found only in another block), split into marked and plain
 * segments. Line breaks and tabs (table cells) become spaces; cut ends get an ellipsis.
 */
export function excerpt(texts: readonly string[], terms: readonly Term[], length = 90): Segment[] {
  const text = texts.join('\n');
  const ranges = matchRanges(text, terms);
  const first = ranges[0];
  let from = 0;
  if (first) {
    // Start a little before the match, at a sentence start when one is near.
    const lead = Math.max(0, first[0] - Math.floor(length / 3));
    const stop = Math.max(text.lastIndexOf('。', first[0] - 1), text.lastIndexOf('\n', first[0] - 1));
    from = stop >= lead ? stop + 1 : lead;
    if (first[1] - from > length) from = first[0];
  }
  const to = Math.min(text.length, Math.max(from + length, first ? first[1] : 0));
  const segments: Segment[] = [];
  const push = (a: number, b: number, mark: boolean): void => {
    if (b <= a) return;
    segments.push({ text: text.slice(a, b).replace(/[\n\t]+/g, ' '), mark });
  };
  let at = from;
  for (const [a, b] of ranges) {
    if (b <= from || a >= to) continue;
    push(at, Math.max(at, a), false);
    push(Math.max(at, a), Math.min(b, to), true);
    at = Math.min(b, to);
  }
  push(at, to, false);
  if (from > 0) segments.unshift({ text: '…', mark: false });
  if (to < text.length) segments.push({ text: '…', mark: false });
  return segments;
}

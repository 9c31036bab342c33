/**
 * Quotable units of a block's text for the channel extractor: sentences as offsets into the text,
 * so that every quote is a verbatim substring of block.text.
 *
 * A sentence ends after 。！？；; (semicolons too: plans list duties in one long sentence split by
 * them), at a line break (table rows, list items), and at leftover HTML paragraph marks
 * ("…举报。<br>&emsp;&emsp;有权处理的…"); the ";" of an entity such as &emsp; is not an end.
 * Leading and trailing white space, entities and tags are trimmed off a sentence.
 */

export interface Span { start: number; end: number }

const BOUNDARY = /<br\s*\/?>|<\/?p\b[^>]*>|\n|(?<!&[a-zA-Z0-9#]{1,8})[。！？；;][”’」』）)]*/g;
const LEADING_JUNK = /^(?:\s|\u3000|&[a-zA-Z0-9#]{1,8};|<[^>]{0,80}>)+/;
const TRAILING_JUNK = /(?:\s|\u3000|&[a-zA-Z0-9#]{1,8};|<[^>]{0,80}>)+$/;

/** The sentences of a text, as trimmed spans; empty ones are left out. */
export function sentenceSpans(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  const push = (end: number) => {
    const trimmed = trim(text, { start, end });
    if (trimmed) spans.push(trimmed);
  };
  for (const m of text.matchAll(BOUNDARY)) {
    const isMark = /^[。！？；;]/.test(m[0]);
    // A sentence keeps its final mark (and a closing quote after it); a tag or a line break does not.
    const end = isMark ? m.index + m[0].length : m.index;
    push(end);
    start = m.index + m[0].length;
  }
  push(text.length);
  return spans;
}

function trim(text: string, span: Span): Span | null {
  const piece = text.slice(span.start, span.end);
  const lead = LEADING_JUNK.exec(piece)?.[0].length ?? 0;
  const rest = piece.slice(lead);
  const trail = TRAILING_JUNK.exec(rest)?.[0].length ?? 0;
  if (rest.length - trail <= 0) return null;
  return { start: span.start + lead, end: span.end - trail };
}

/** Sentences longer than this are narrowed to the clauses that hold the match. */
export const MAX_QUOTE = 120;

/**
 * The part of a sentence to quote for a match at [from, to) (offsets in the text): the whole
 * sentence when it is short, otherwise the comma-separated clauses from the one holding `from`
 * to the one holding `to`.
 *
 *   "……,充分发挥“12345”“12369”热线等各类媒介作用,完善有奖举报机制,……" → the clause(s) with the match
 */
export function quoteSpan(text: string, sentence: Span, from: number, to: number): Span {
  if (sentence.end - sentence.start <= MAX_QUOTE) return sentence;
  let start = sentence.start;
  let end = sentence.end;
  for (let i = from - 1; i >= sentence.start; i--) {
    if (isComma(text[i])) { start = i + 1; break; }
  }
  for (let i = Math.max(to, from + 1) - 1; i < sentence.end; i++) {
    if (isComma(text[i])) { end = i + 1; break; }
  }
  return trim(text, { start, end }) ?? sentence;
}

const isComma = (ch: string | undefined) => ch === '，' || ch === ',';

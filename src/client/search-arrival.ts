/**
 * Arriving on a plan page from a search result: the search page (src/search/run.ts) left the
 * searched words in sessionStorage with the result's address; when this page is that address,
 * the words are marked (<mark class="search-hl">) inside the clause arrived at: the block, or the
 * section's own text without its subsections, never in links, navigation or other boxes. Matching
 * is on NFKC-folded, lower-cased text so that "ＰＭ２.５" finds "PM2.5", as the search does.
 */
/**
 * Written by src/search/run.ts. The string is repeated rather than imported so that this page's
 * script does not share a chunk with the search code (tests/e2e/search.test.ts follows a result
 * and checks the marks, so the two cannot drift apart unnoticed).
 */
const HIGHLIGHT_KEY = 'plans-search-highlight';
interface Arrival { url: string; words: unknown[] }

/** Folded text with, for each folded character, its offset in the original string. */
function fold(text: string): { folded: string; offsets: number[] } {
  let folded = '';
  const offsets: number[] = [];
  let i = 0;
  for (const ch of text) {
    const f = ch.normalize('NFKC').toLowerCase();
    for (let k = 0; k < f.length; k++) offsets.push(i);
    folded += f;
    i += ch.length;
  }
  offsets.push(i);
  return { folded, offsets };
}

function readArrival(): Arrival | null {
  try {
    const value = JSON.parse(sessionStorage.getItem(HIGHLIGHT_KEY) ?? 'null') as Arrival | null;
    sessionStorage.removeItem(HIGHLIGHT_KEY);
    return value && Array.isArray(value.words) && value.url === location.pathname + location.hash ? value : null;
  } catch {
    return null;
  }
}

/** Ranges [start, end) of the words in a text node's value, in order, overlaps dropped. */
function ranges(text: string, words: string[]): [number, number][] {
  const { folded, offsets } = fold(text);
  const found: [number, number][] = [];
  for (const w of words) {
    for (let a = folded.indexOf(w); a >= 0; a = folded.indexOf(w, a + 1)) found.push([offsets[a]!, offsets[a + w.length]!]);
  }
  found.sort((p, q) => p[0] - q[0]);
  let last = 0;
  return found.filter(([a, b]) => (a >= last ? ((last = b), true) : false));
}

export function markSearchArrival(): void {
  const arrival = readArrival();
  if (!arrival) return;
  const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (!target) return;
  const clause = target.classList.contains('block') ? target : target.closest<HTMLElement>('section,aside') ?? target;
  const isSection = clause.matches('section,aside');
  const words = arrival.words.map((w) => fold(String(w)).folded.trim()).filter(Boolean);
  if (!words.length) return;

  const walker = document.createTreeWalker(clause, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => {
      const parent = node.parentElement;
      const outside = !parent
        || parent.closest('a,mark,script,style,nav,[data-pagefind-ignore]')
        || (isSection && parent.closest('section,aside') !== clause);
      return outside ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
    },
  });
  const nodes: Text[] = [];
  while (walker.nextNode()) nodes.push(walker.currentNode as Text);

  let marked = false;
  for (const node of nodes) {
    const text = node.nodeValue ?? '';
    const found = ranges(text, words);
    if (!found.length) continue;
    const parts = document.createDocumentFragment();
    let at = 0;
    for (const [a, b] of found) {
      parts.append(text.slice(at, a));
      const mark = document.createElement('mark');
      mark.className = 'search-hl';
      mark.textContent = text.slice(a, b);
      parts.append(mark);
      at = b;
    }
    parts.append(text.slice(at));
    node.replaceWith(parts);
    marked = true;
  }
  if (marked) clause.classList.add('search-arrived');
}

/**
 * Which pages of one template the browser tests open. Pages of one template differ only in what
 * the template is given: a plan page with a table, a goal list, a history, a long outline … So the
 * sample is every distinct part of the template that any page renders, each shown at least once:
 * a page's parts are the element names and class tokens inside its <main> ("table", "li.goal",
 * "details.plan-history" …), and a greedy cover takes the page that shows the most parts not yet
 * shown until none is left; the largest page is always in (the worst case for axe, overflow and
 * print length). A template part that appears on no page in the cover appears on no page at all.
 *
 * `E2E_ALL_PAGES=1` opens every page instead (and every query, every card): what a change to the
 * templates or the browser code should be run with once, and what the nightly-style full run does.
 */
import { readFileSync, statSync } from 'node:fs';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';

export const ALL_PAGES = process.env.E2E_ALL_PAGES === '1';

const partsOfFile = new Map<string, Set<string>>();

/** templateParts of a built page, read and parsed once per test file. */
export function filePartsOf(file: string): Set<string> {
  let parts = partsOfFile.get(file);
  if (!parts) partsOfFile.set(file, (parts = templateParts(readFileSync(file, 'utf8'))));
  return parts;
}

/** The parts a page shows: "tag" and "tag.class" for every element inside <main> (or <body>). */
export function templateParts(html: string): Set<string> {
  const tree = fromHtml(html);
  const root = select('main', tree) ?? select('body', tree);
  const parts = new Set<string>();
  if (!root) return parts;
  for (const el of selectAll('*', root) as Element[]) {
    parts.add(el.tagName);
    const cls = el.properties.className;
    for (const c of Array.isArray(cls) ? cls : []) parts.add(`${el.tagName}.${String(c)}`);
  }
  return parts;
}

/**
 * The pages (files under dist/) to open: with `E2E_ALL_PAGES=1` all of them, otherwise the largest
 * file and then, one at a time, the page showing the most parts no chosen page shows yet.
 * Deterministic: ties go to the earlier page in the given order.
 */
export function coverSample<T>(items: readonly T[], file: (item: T) => string): T[] {
  if (ALL_PAGES || items.length <= 1) return [...items];
  const parts = items.map((item) => filePartsOf(file(item)));
  const sizes = items.map((item) => statSync(file(item)).size);
  const largest = sizes.indexOf(Math.max(...sizes));
  const chosen = new Set<number>([largest]);
  const shown = new Set(parts[largest]);
  for (;;) {
    let best = -1;
    let bestNew = 0;
    parts.forEach((p, i) => {
      if (chosen.has(i)) return;
      let n = 0;
      for (const x of p) if (!shown.has(x)) n++;
      if (n > bestNew) {
        best = i;
        bestNew = n;
      }
    });
    if (best < 0) break;
    chosen.add(best);
    for (const x of parts[best]!) shown.add(x);
  }
  return items.filter((_, i) => chosen.has(i));
}

/**
 * Pages of a long list, so that no page grows with the corpus. At 1,000 plans a theme page listed
 * 6,700 sections (2.7 MB of HTML); at 10,000 it would be ten times that, too much for a phone.
 * Lists are cut by weight (what an item costs on the page: a plan with 40 matching sections
 * weighs 40 times one with one), in order, never inside an item; page 1 keeps the list's own
 * address and page n is <base><n>/, ordinary links that work without JavaScript.
 */

/** One page of a list: its items, its number (from 1) and how many pages there are. */
export interface ListPage<T> {
  items: T[];
  number: number;
  total: number;
}

/**
 * Cuts `items` into pages of at most `budget` weight each (an item heavier than the budget gets a
 * page of its own). Always at least one page, so an empty list still has its page 1.
 */
export function pagesByWeight<T>(items: readonly T[], weight: (item: T) => number, budget: number): ListPage<T>[] {
  if (!(budget > 0)) throw new RangeError(`分页的容量必须大于 0（现在是 ${budget}）`);
  const cut: T[][] = [[]];
  let load = 0;
  for (const item of items) {
    const w = Math.max(1, weight(item));
    const current = cut.at(-1)!;
    if (current.length > 0 && load + w > budget) {
      cut.push([item]);
      load = w;
    } else {
      current.push(item);
      load += w;
    }
  }
  return cut.map((page, i) => ({ items: page, number: i + 1, total: cut.length }));
}

/**
 * The address of page `n` of the list at `base` ("/themes/ecology/" → "/themes/ecology/2/"); page 1
 * is the base itself, or `first` when the list's first page lives elsewhere (/plans/ for
 * /plans/sort/newest/).
 */
export function pageHref(base: string, n: number, first = base): string {
  return n <= 1 ? first : `${base}${n}/`;
}

/**
 * The page numbers a pager shows: the first, the last, the current one and its neighbours, with
 * null where numbers are left out ("1 … 4 5 6 … 40"), as GOV.UK's pagination does.
 */
export function pagerNumbers(current: number, total: number): (number | null)[] {
  const wanted = [...new Set([1, current - 1, current, current + 1, total])].filter((n) => n >= 1 && n <= total).sort((a, b) => a - b);
  const out: (number | null)[] = [];
  for (const n of wanted) {
    const last = out.at(-1);
    if (typeof last === 'number' && n - last === 2) out.push(n - 1);
    else if (typeof last === 'number' && n - last > 2) out.push(null);
    out.push(n);
  }
  return out;
}

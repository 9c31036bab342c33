/**
 * Runs a search for the search page and renders it (see src/pages/search/index.astro and the
 * search-page contract in shared/CONTRACT.md):
 *   - the results go into the element with `data-search-results`, one `<a>` per clause whose href
 *     is the clause's URL (/plans/<slug>/#<section-id>), grouped by plan, each with its heading
 *     path and an excerpt of its text with the query's words marked;
 *   - that element's `data-search-state` is "loading" while searching and "done" when finished
 *     (results or none), "error" when the index could not be read;
 *   - the status line (role=status, aria-live) says what was found, for screen readers too;
 *   - pages are 10 plans each (&page=2); &all=1 lists every result on one page.
 * Loaded by page.ts only when the reader searches.
 */
import { SearchEngine, PLANS_PER_PAGE, type PlanHit, type SearchOutcome } from './engine.ts';
import { excerpt } from './excerpt.ts';
import { READER_FILTERS, type ReaderFilter } from './layout.ts';
import { formatTerm, parseQuery, type SynonymGroups, type Term } from './query.ts';

/** Clauses per plan shown with an excerpt on a normal page; the rest are listed as links. */
const EXCERPTS_PER_PLAN = 3;
/** Read by the plan page (src/client/search-arrival.ts has the same key; the search browser test fails if they part). */
export const HIGHLIGHT_KEY = 'plans-search-highlight';

const engine = new SearchEngine();
const results = document.querySelector<HTMLElement>('[data-search-results]')!;
const status = document.querySelector<HTMLElement>('#search-status')!;
const pager = document.querySelector<HTMLElement>('#search-pages')!;
let current = 0;

function synonymGroups(): SynonymGroups {
  try {
    return JSON.parse(document.getElementById('search-synonyms')?.textContent ?? '[]') as SynonymGroups;
  } catch {
    return [];
  }
}

/** Starts loading the index while the reader types. */
export function warm(): void {
  void engine.start().catch(() => undefined);
}

export function clear(): void {
  current++;
  results.replaceChildren();
  results.dataset.searchState = 'idle';
  status.textContent = '';
  pager.hidden = true;
  pager.replaceChildren();
}

export async function searchFromParams(params: URLSearchParams): Promise<void> {
  const id = ++current;
  const q = (params.get('q') ?? '').trim();
  const parsed = parseQuery(q, { synonyms: params.get('syn') === '1', groups: synonymGroups() });
  const filters: Partial<Record<ReaderFilter, string>> = {};
  for (const f of READER_FILTERS) {
    const v = params.get(f);
    if (v) filters[f] = v;
  }
  const all = params.get('all') === '1';
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const plan = params.get('plan') ?? undefined;
  performance.mark('search-start');
  results.dataset.searchState = 'loading';
  results.setAttribute('aria-busy', 'true');
  status.textContent = '正在搜索……';

  const shortNote = parsed.tooShort.length
    ? `“${parsed.tooShort.join('”“')}”不足两个字，没有参加搜索：请至少输入两个汉字、字母或数字（例如“水源”而不是“水”）。`
    : '';
  if (parsed.terms.length === 0) {
    finish(id, q ? shortNote || '请输入要找的字词。' : '请输入要找的字词。', [], null, params);
    return;
  }
  try {
    const outcome = await engine.search(parsed.terms, {
      filters, page, all, plan, excerpts: 0,
    });
    if (id !== current) return;
    const blocks = render(outcome, parsed.terms, all);
    finish(id, `${summary(outcome, parsed.terms, all, filters)}${shortNote}`, blocks, outcome, params);
    void fillExcerptsLazily(outcome, parsed.terms, all ? Infinity : EXCERPTS_PER_PLAN);
  } catch (error) {
    if (id !== current) return;
    results.dataset.searchState = 'error';
    results.removeAttribute('aria-busy');
    status.textContent = `搜索索引没有读取成功（${(error as Error).message}）。请刷新页面再试；如果一直这样，请告诉网站管理员。`;
  }
}

function finish(id: number, text: string, blocks: Node[], outcome: SearchOutcome | null, params: URLSearchParams): void {
  if (id !== current) return;
  results.replaceChildren(...blocks);
  status.textContent = text;
  renderPager(outcome, params);
  results.removeAttribute('aria-busy');
  results.dataset.searchState = 'done';
  performance.mark('search-done');
}

function quoted(terms: readonly Term[]): string {
  return terms.map((t) => `“${t.text}”${t.variants.length > 1 ? `（及同义词 ${t.variants.slice(1).map((v) => v.text).join('、')}）` : ''}`).join('和');
}

function summary(o: SearchOutcome, terms: readonly Term[], all: boolean, filters: Partial<Record<ReaderFilter, string>>): string {
  const what = quoted(terms);
  const where = Object.values(filters).filter(Boolean).length ? '（已按所选条件筛选）' : '';
  if (o.candidates === 0 || ((all || o.pages === 1) && o.sections === 0)) {
    return `没有找到含有${what}的条款${where}。可以换一个说法、去掉筛选条件，或勾选“包括同义词”。`;
  }
  if (all || o.pages === 1) return `${o.plans.length} 份规划中共有 ${o.sections} 条条款含有${what}${where}${all ? '，全部列在下面' : ''}。`;
  const from = (o.page - 1) * PLANS_PER_PAGE + 1;
  const to = Math.min(o.candidates, o.page * PLANS_PER_PAGE);
  const head = o.candidatesExact
    ? `${o.candidates} 份规划含有${what}${where}，按地区排列，每页 ${PLANS_PER_PAGE} 份。`
    : `可能含有${what}的规划有 ${o.candidates} 份${where}，按地区排列，每页逐份核对 ${PLANS_PER_PAGE} 份。`;
  return `${head}第 ${o.page} 页（第 ${from}—${to} 份）中找到 ${o.sections} 条条款。`;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
}

function render(o: SearchOutcome, terms: readonly Term[], all: boolean): Node[] {
  return o.plans.map((p, i) => renderPlan(p, terms, `search-plan-${i}`, all));
}

function renderPlan(p: PlanHit, terms: readonly Term[], id: string, all: boolean): HTMLElement {
  const list = el('ol', { className: 'search-hits' });
  for (const s of p.sections) {
    const link = el('a', { href: s.url }, s.path.length ? s.path.join(' › ') : '（无标题的部分）');
    link.dataset.searchHit = '';
    const item = el('li', { className: 'search-hit' }, link);
    item.dataset.key = s.key;
    if (s.texts) item.append(renderExcerpt(s.texts, terms));
    list.append(item);
  }
  const heading = el('h2', { id }, p.title);
  const meta = el('p', { className: 'search-plan-meta' }, `${p.place.join(' ') || '未注明地区'} · ${p.sections.length} 条`);
  const section = el('section', { className: 'search-plan' }, heading, meta, list);
  section.setAttribute('aria-labelledby', id);
  if (!all && p.sections.length > EXCERPTS_PER_PLAN) {
    meta.append(`（前 ${EXCERPTS_PER_PLAN} 条附摘录）`);
  }
  return section;
}

function renderExcerpt(texts: readonly string[], terms: readonly Term[]): HTMLElement {
  const p = el('p', { className: 'search-excerpt' });
  for (const seg of excerpt(texts, terms)) p.append(seg.mark ? el('mark', {}, seg.text) : seg.text);
  return p;
}

/**
 * Excerpts are added as the reader scrolls to them (the first screen at once): the list of
 * clauses comes first, and a clause's text is fetched only when it is about to be seen. On a
 * normal page the first EXCERPTS_PER_PLAN clauses of each plan get one; with &all=1 every clause.
 */
let observer: IntersectionObserver | undefined;

function fillExcerptsLazily(o: SearchOutcome, terms: readonly Term[], perPlan: number): void {
  const id = current;
  observer?.disconnect();
  const wanted = new Map(o.plans.flatMap((p) => p.sections.slice(0, perPlan).map((s) => [s.key, { p, s }] as const)));
  const watch = new IntersectionObserver((entries) => {
    for (const e of entries) {
      if (!e.isIntersecting || id !== current) continue;
      watch.unobserve(e.target);
      const item = e.target as HTMLElement;
      const hit = wanted.get(item.dataset.key ?? '');
      if (!hit) continue;
      void engine.loadTexts({ ...hit.p, sections: [hit.s] }, 1).then(() => {
        if (hit.s.texts && id === current && !item.querySelector('.search-excerpt')) item.append(renderExcerpt(hit.s.texts, terms));
      });
    }
  }, { rootMargin: '400px' });
  for (const item of results.querySelectorAll<HTMLElement>('.search-hit')) {
    if (wanted.has(item.dataset.key ?? '') && !item.querySelector('.search-excerpt')) watch.observe(item);
  }
  observer = watch;
}

function renderPager(o: SearchOutcome | null, params: URLSearchParams): void {
  pager.replaceChildren();
  const all = params.get('all') === '1';
  if (!o || o.candidates === 0 || (o.pages <= 1 && !all)) {
    pager.hidden = true;
    return;
  }
  const href = (change: Record<string, string | null>): string => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(change)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    return `${location.pathname}?${next}`;
  };
  const items: HTMLElement[] = [];
  const link = (text: string, url: string, label?: string): HTMLElement => {
    const a = el('a', { href: url }, text);
    if (label) a.setAttribute('aria-label', label);
    a.dataset.searchNav = '';
    return el('li', {}, a);
  };
  if (all) {
    items.push(link('分页显示', href({ all: null, page: null })));
  } else {
    if (o.page > 1) items.push(link('上一页', href({ page: String(o.page - 1) }), `上一页，第 ${o.page - 1} 页`));
    for (let k = 1; k <= o.pages; k++) {
      if (k !== 1 && k !== o.pages && Math.abs(k - o.page) > 2) continue;
      if (k === o.page) {
        const cur = el('li', {}, el('span', {}, String(k)));
        cur.firstElementChild!.setAttribute('aria-current', 'page');
        items.push(cur);
      } else items.push(link(String(k), href({ page: k === 1 ? null : String(k) }), `第 ${k} 页`));
    }
    if (o.page < o.pages) items.push(link('下一页', href({ page: String(o.page + 1) }), `下一页，第 ${o.page + 1} 页`));
    items.push(link('在一页中列出全部结果', href({ all: '1', page: null })));
  }
  pager.append(el('ul', {}, ...items));
  pager.hidden = false;
}

// Page links search in place (the index stays loaded); clicks on results remember the words so
// the plan page can mark them in the clause (the plan page script, src/client/search-arrival.ts).
document.addEventListener('click', (event) => {
  const a = (event.target as Element | null)?.closest?.('a');
  if (!a || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  if (a.dataset.searchNav !== undefined) {
    event.preventDefault();
    history.pushState(null, '', a.href);
    const params = new URLSearchParams(new URL(a.href).search);
    void searchFromParams(params).then(() => results.focus?.());
    return;
  }
  if (a.dataset.searchHit !== undefined) {
    const q = new URLSearchParams(location.search);
    const parsed = parseQuery(q.get('q') ?? '', { synonyms: q.get('syn') === '1', groups: synonymGroups() });
    const words = parsed.terms.flatMap((t) => t.variants.map((v) => v.text));
    try {
      sessionStorage.setItem(HIGHLIGHT_KEY, JSON.stringify({ url: a.getAttribute('href'), words, q: parsed.terms.map(formatTerm).join(' ') }));
    } catch {
      // Storage can be off; the clause is still highlighted by :target.
    }
  }
});

/**
 * The search page's first script: small, and it loads nothing of the search (engine, Pagefind,
 * index) until the reader searches: a query in the address (/search/?q=…), a submitted form, or
 * typing in the box (which starts loading so the answer comes sooner). The form stays a plain GET
 * form, so without JavaScript it still submits; with JavaScript the page searches in place and
 * keeps the query and filters in the address, so a search can be shared and the back button works.
 */
type Run = typeof import('./run.ts');

let run: Promise<Run> | undefined;
const load = (): Promise<Run> => (run ??= import('./run.ts'));

const form = document.querySelector<HTMLFormElement>('#search-form');
const box = document.querySelector<HTMLInputElement>('#q');

function searchFromAddress(): void {
  const params = new URLSearchParams(location.search);
  fillForm(params);
  if ((params.get('q') ?? '').trim()) {
    void load().then((r) => r.searchFromParams(params));
  } else if (run) {
    void run.then((r) => r.clear());
  }
}

function fillForm(params: URLSearchParams): void {
  if (!form) return;
  for (const el of Array.from(form.elements)) {
    if (el instanceof HTMLInputElement && el.type === 'checkbox') el.checked = params.get(el.name) === '1';
    else if (el instanceof HTMLInputElement || el instanceof HTMLSelectElement) {
      if (el.name) el.value = params.get(el.name) ?? '';
    }
  }
}

form?.addEventListener('submit', (event) => {
  event.preventDefault();
  const params = new URLSearchParams();
  for (const [k, v] of new FormData(form)) if (typeof v === 'string' && v.trim()) params.set(k, v.trim());
  const url = `${location.pathname}?${params}`;
  if (url !== location.pathname + location.search) history.pushState(null, '', url);
  void load().then((r) => r.searchFromParams(params));
});
box?.addEventListener('input', () => void load().then((r) => r.warm()), { once: true });
window.addEventListener('popstate', searchFromAddress);
searchFromAddress();

/**
 * The information-request letter (components/participate/LetterTemplate.astro): with JavaScript, the
 * form above the letter fills its blanks as the reader types, picks the plan clause the letter cites
 * (?clause=<id> preselects one) and offers a print button. Without it the page is a letter to print
 * and fill by hand. A module file, not an inline script, so that the site's Content-Security-Policy
 * forbids inline scripts everywhere.
 */
interface Clause { id: string; cite: string; quote: string | null; url: string }

function start(): void {
  const form = document.querySelector<HTMLFormElement>('[data-letter-form]');
  if (!form) return;
  const clauses = JSON.parse(document.getElementById('letter-clauses')?.textContent || '[]') as Clause[];
  const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
  form.hidden = false;
  document.querySelectorAll<HTMLElement>('[data-js]').forEach((el) => { el.hidden = false; });
  document.querySelectorAll<HTMLElement>('[data-nojs]').forEach((el) => { el.hidden = true; });
  const blanks = new Map<Element, string>();
  document.querySelectorAll('[data-fill]').forEach((el) => blanks.set(el, el.innerHTML));
  const fill = (name: string, value: string) => {
    document.querySelectorAll(`[data-fill="${name}"]`).forEach((el) => {
      if (value) { el.textContent = value; el.classList.add('filled'); }
      else { el.innerHTML = blanks.get(el) ?? ''; el.classList.remove('filled'); }
    });
  };
  const dateText = (v: string) => { const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v); return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : ''; };
  const update = () => {
    form.querySelectorAll<HTMLInputElement>('[data-target]').forEach((el) => fill(el.dataset.target ?? '', el.value.trim()));
    fill('date', dateText(field('date')?.value ?? ''));
    const clause = field('clause');
    const picked = clause && clauses.find((c) => c.id === clause.value);
    if (picked) {
      const label = document.querySelector('[data-fill-clause="label"]');
      if (label) label.textContent = `“${picked.cite}”`;
      const q = document.querySelector<HTMLElement>('[data-fill-clause="quote"]');
      if (q) { q.textContent = picked.quote ? `“${picked.quote}”` : ''; q.hidden = !picked.quote; }
      const a = document.querySelector<HTMLAnchorElement>('[data-fill-clause="url"]');
      if (a) { a.href = picked.url; a.textContent = picked.url; }
    }
    const chosen = new Set([...form.querySelectorAll<HTMLInputElement>('input[name="delivery"]:checked')].map((el) => el.value));
    document.querySelectorAll<HTMLElement>('[data-check]').forEach((el) => { el.textContent = chosen.has(el.dataset.check ?? '') ? '☑' : '□'; });
  };
  const wanted = new URLSearchParams(location.search).get('clause');
  const clause = field('clause');
  if (wanted && clause && clauses.some((c) => c.id === wanted)) clause.value = wanted;
  const today = new Date();
  const date = field('date');
  if (date) date.value = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
  form.addEventListener('input', update);
  form.addEventListener('change', update);
  document.querySelector('[data-print]')?.addEventListener('click', () => window.print());
  update();
}

start();

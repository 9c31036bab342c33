/**
 * Block links and the 引用 control on a plan page: a progressive enhancement of the plan text.
 *
 * - Every block (paragraph, list, table: `.block[id]`) gets its "#" link, shown on hover and focus
 *   like a section's. Without JavaScript the blocks keep their ids (links from search, goals,
 *   participation and citations still land on them) and each section keeps its "#" link; written
 *   into every block by the server they would weigh more than this file, which is cached once.
 * - After every "#" link, an 引用 button copies a citation
 *     发文机关：《标题》（文号，日期），章节路径 › 段落导语。链接：<permanent link>
 *   (the canonical address plus the anchor) and shows it in a status box under the heading or
 *   block, selected, so that it can be copied by hand when the clipboard is refused.
 *
 * The title, issuer, number and date come from the article's data-cite-* attributes; the path
 * from the headings of the sections around the target (each section's .sec-head starts with its
 * heading) and the block's bold lead.
 */

function make<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text: string, label?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  el.className = className;
  el.textContent = text;
  if (label) el.setAttribute('aria-label', label);
  return el;
}

/** 发文机关：《标题》（文号，日期），章节 › 小节 › 导语。链接：https://…/plans/<slug>/#<id> */
export function citationText(article: HTMLElement, target: HTMLElement, base: string): string {
  const data = article.dataset;
  const path: string[] = [];
  for (let s: Element | null = target; (s = s.parentElement?.closest('section,aside') ?? null); ) {
    if (!article.contains(s)) break;
    const heading = s.querySelector(':scope > .sec-head > *');
    if (heading?.textContent) path.unshift(heading.textContent);
  }
  const lead = target.querySelector('p > strong:first-child');
  if (lead?.textContent) path.push(lead.textContent);
  const facts = [data.citeNumber, data.citeDate].filter(Boolean).join('，');
  return (data.citeIssuer ? `${data.citeIssuer}：` : '')
    + `《${data.citeTitle}》`
    + (facts ? `（${facts}）` : '')
    + (path.length ? `，${path.join(' › ').replace(/[。；：，]$/, '')}` : '')
    + `。链接：${base}#${target.id}`;
}

/**
 * Where a block's "#" goes: at the end of its text, like a paragraph's, so that on a phone it does
 * not open a line of its own under a list (the last item) or a paragraph with its 责任单位 list.
 */
function hostOf(block: HTMLElement): HTMLElement {
  const last = block.tagName === 'P' ? null : block.lastElementChild;
  if (last?.matches('ul, ol')) return (last.lastElementChild as HTMLElement | null) ?? block;
  if (last?.matches('p')) return last as HTMLElement;
  return block;
}

export function enhanceCitations(): void {
  const article = document.querySelector<HTMLElement>('article[data-cite-title]');
  if (!article) return;
  const base = (document.querySelector<HTMLLinkElement>('link[rel=canonical]')?.href ?? location.href).split('#')[0]!;
  const box = make('div', 'cite-box', '');
  box.setAttribute('role', 'status');
  box.hidden = true;

  for (const block of article.querySelectorAll<HTMLElement>('.block[id]')) {
    const link = make('a', 'anchor', '#', '本段链接');
    link.href = `#${block.id}`;
    hostOf(block).append(link);
  }
  // Outside a form a button submits nothing, so it needs no type.
  for (const link of article.querySelectorAll<HTMLAnchorElement>('a.anchor')) {
    link.after(make('button', 'cite', '引用', (link.getAttribute('aria-label') ?? '').replace('链接', '引用')));
  }

  article.addEventListener('click', async (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('.cite');
    const link = button?.previousElementSibling;
    if (!button || !(link instanceof HTMLAnchorElement)) return;
    const target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (!target) return;
    const text = citationText(article, target, base);
    let copied = false;
    try {
      await navigator.clipboard.writeText(text);
      copied = true;
    } catch {
      // Clipboard refused (no permission, plain http): the text is selected for copying by hand.
    }
    const output = make('output', '', text);
    const close = make('button', '', '关闭');
    close.addEventListener('click', () => (box.hidden = true));
    box.replaceChildren(make('p', '', copied ? '已复制引用：' : '请复制下面的引用：'), output, close);
    (button.closest('.block, .sec-head') ?? button.parentElement)?.after(box);
    box.hidden = false;
    if (!copied) getSelection()?.selectAllChildren(output);
  });
  addEventListener('keydown', (event) => {
    if (event.key === 'Escape') box.hidden = true;
  });
}

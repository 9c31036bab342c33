/**
 * The staff guide's HTML (/guide/), from CONTRIBUTING.md: one text for GitHub and for the site, so
 * that the two never drift apart. unified with remark-gfm (the guide's tables), remark-rehype and
 * rehype-stringify; the guide's own HTML (its <h2 id="…"> headings, which give the sections stable
 * addresses on both) passes through as written. The file is the project's, never a reader's.
 */
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

export interface Guide {
  /** The first heading's text ("工作人员指南"). */
  title: string;
  /** The sections' headings and ids, for the page's contents. */
  sections: { id: string; title: string }[];
  /** The body after the first heading, as HTML. */
  html: string;
}

export function renderGuide(markdown: string): Guide {
  const title = /^#\s+(.+)$/m.exec(markdown)?.[1]?.trim() ?? '工作人员指南';
  const body = markdown.replace(/^#\s+.+\n/m, '');
  const sections = [...body.matchAll(/<h2 id="([^"]+)">([^<]+)<\/h2>/g)].map((m) => ({ id: m[1]!, title: m[2]! }));
  const html = String(unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeStringify, { allowDangerousHtml: true }).processSync(body))
    // Tables and long command lines scroll sideways on a phone instead of widening the page; a
    // region that scrolls takes keyboard focus, so that it can be scrolled without a mouse.
    .replace(/<table>/g, '<div class="table-scroll" tabindex="0"><table>').replace(/<\/table>/g, '</table></div>')
    .replace(/<pre>/g, '<pre tabindex="0">');
  return { title, sections, html };
}

/**
 * The built site (globalSetup ran `npm run build`'s two steps): every seed page carries every
 * sentence of its source's content and none of the named boilerplate, every clause has its anchor,
 * code-like plan text shows as text, reading pages ship no JavaScript but the plan page's one small
 * script file (links, citation, search marks), and their styles come from shared stylesheet files.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlanDocument, Section } from '../../src/pipeline/index.ts';
import { wordsOnly } from '../../src/pipeline/text/cjk.ts';
import { documentText, missingSentences, repairedSource } from '../../scripts/lib/fidelity.ts';
import { seedBoilerplate, seedDuplicates, seedFiles } from '../helpers/seeds.ts';

const slugOf = (file: string) => /^slug:\s*(\S+)/m.exec(readFileSync(`seeds/${file.replace(/\.txt$/, '.yaml')}`, 'utf8'))?.[1] ?? '';
const html = (slug: string) => readFileSync(`dist/plans/${slug}/index.html`, 'utf8');
const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
/** Visible text of the plan itself: the article, without the contents list and the repair log. */
const articleText = (page: string) => decode((/<article class="plan-body"[^>]*>([\s\S]*?)<\/article>/.exec(page)?.[1] ?? '')
  // The site's own words inside the article (theme tags, cross-links, the notice's label) are not the plan's.
  .replace(/<ul class="tags"[\s\S]*?<\/ul>|<details class="same-theme"[\s\S]*?<\/details>|<p class="part-note"[\s\S]*?<\/p>/g, '\n')
  .replace(/<[^>]+>/g, '\n'));
const pageText = (page: string) => decode(page.replace(/<[^>]+>/g, '\n'));

describe.each(seedFiles)('page of seed %s', (file) => {
  const slug = slugOf(file);
  const page = html(slug);
  const doc = JSON.parse(readFileSync(`content/plan-data/${slug}.json`, 'utf8')) as PlanDocument;
  const source = readFileSync(`seeds/${file}`, 'utf8');

  it('carries every sentence of its document (title block included)', () => {
    const shown = `${pageText(/<h1>[\s\S]*?<\/h1>[\s\S]*?<\/dl>/.exec(page)?.[0] ?? '')}\n${doc.masthead.map((m) => m.text).join('\n')}\n${articleText(page)}`;
    // What the document holds, the page shows (tests/pipeline/seeds.test.ts proves source → document).
    expect(missingSentences(documentText(doc), shown)).toEqual([]);
    // The five original seeds are also checked against their source, with the boilerplate named by hand.
    if (/^\d{3}_/.test(file)) {
      const content = repairedSource(source, seedBoilerplate[file] ?? [], seedDuplicates[file]);
      const masthead = new Set(doc.masthead.map((m) => wordsOnly(m.text)));
      expect(missingSentences(content, shown).filter((s) => !masthead.has(wordsOnly(s)))).toEqual([]);
    }
    for (const m of doc.masthead.filter((x) => x.role === 'title' || x.role === 'issuer')) {
      expect(wordsOnly(pageText(page))).toContain(wordsOnly(m.text).replace(/^[（(].*?[）)]/, ''));
    }
  });

  it('shows none of the named boilerplate in the plan or its title', () => {
    // The provenance note may describe what was removed ("文末‘(下转第五版)’"); the plan text may not hold it.
    const text = wordsOnly(`${pageText(/<h1>[\s\S]*?<\/h1>/.exec(page)?.[0] ?? '')}\n${articleText(page)}`);
    for (const b of seedBoilerplate[file] ?? []) expect(text.includes(wordsOnly(b)), b).toBe(false);
  });

  it('gives every section and block its anchor, once', () => {
    const ids = [...page.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    const walk = (list: Section[]) => {
      for (const s of list) {
        expect(ids, s.id).toContain(s.id);
        for (const b of s.blocks) expect(ids, b.id).toContain(b.id);
        walk(s.children);
      }
    };
    walk(doc.sections);
  });

  it('ships one script, a small file shared by every plan page, none inline, and loads nothing from elsewhere', () => {
    // Inline script would be paid again on every page; the file is cached after the first (issue 6).
    const scripts = [...page.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts).toHaveLength(1);
    const [, attrs, body] = scripts[0]!;
    expect(body?.trim()).toBe('');
    expect(attrs).toMatch(/type="module"/);
    const src = /src="(\/_astro\/[^"]+\.js)"/.exec(attrs ?? '')?.[1];
    expect(src).toBeDefined();
    const file = readFileSync(join('dist', src!));
    expect(file.length).toBeLessThan(8192);
    expect(file.toString('utf8')).not.toMatch(/\bimport\b/); // one request, no chunks behind it
    expect(html('test-tricky-markup')).toContain(`src="${src}"`);
    // Outbound <a href> links (the source's page) are fine; nothing may be loaded from elsewhere.
    expect(page).not.toMatch(/\ssrc="(https?:)?\/\//);
    for (const link of page.match(/<link\b[^>]*>/g) ?? []) {
      if (!/rel="canonical"/.test(link)) expect(link).not.toMatch(/href="(https?:)?\/\//);
    }
    expect(page).toMatch(/<html lang="zh-CN"/);
  });

  it('takes its styles from stylesheet files shared by every plan page, none inline', () => {
    // Inline styles would be paid again on every page; files are cached after the first page (issue 6).
    expect(page).not.toMatch(/<style\b/);
    const sheets = (page.match(/<link\b[^>]*rel="stylesheet"[^>]*>/g) ?? []).map((l) => /href="([^"]+)"/.exec(l)?.[1]);
    expect(sheets.length).toBeGreaterThan(0);
    expect(sheets).toEqual((html('test-tricky-markup').match(/<link\b[^>]*rel="stylesheet"[^>]*>/g) ?? []).map((l) => /href="([^"]+)"/.exec(l)?.[1]));
  });
});

it('shows code-like plan text as text', () => {
  const text = articleText(html('test-tricky-markup'));
  for (const literal of ['{curly}', '<b>尖括号</b>', '*星号*', '[链接](http://x.y)', '`代码`', '~~删除线~~', '&amp; 实体', 'import x from "y"', 'export const a = 1']) {
    expect(text).toContain(literal);
  }
});

it('renders a flattened table as a table with a header row', () => {
  const page = html('test-tricky-markup');
  // The plan's own table (the goals summary above it is a table too).
  const table = /<div class="table-wrap"[^>]*>[\s\S]*?<\/table>/.exec(page)?.[0] ?? '';
  expect(table).toMatch(/<th[^>]*>\s*(<p>)?序号/);
  expect((table.match(/<tr/g) ?? []).length).toBe(4);
});

it('lists every plan on the plan index', () => {
  const index = readFileSync('dist/plans/index.html', 'utf8');
  for (const file of seedFiles) expect(index).toContain(`/plans/${slugOf(file)}/`);
  expect(existsSync('dist/plans/test-tricky-markup/index.html')).toBe(true);
});

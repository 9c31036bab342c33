/**
 * The reading layer of the built site: theme pages carry every section of every plan that belongs
 * to the theme, every themed section links to the same theme in the other plans, headings follow
 * the plan's nesting, tables are real tables in a labelled scrolling region, the cover notice is a
 * part apart from the plan, a plan's notes page (source, repairs, reasons for its theme tags) is
 * one link away, every plan is on its place page and on its filter pages, and the sitemap lists
 * the pages. Reads dist/ and content/plan-data/ as the globalSetup built them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PlanDocument, Section } from '../../src/pipeline/types.ts';

const slugs = readdirSync('content/plan-data').filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
const docs = new Map(slugs.map((s) => [s, JSON.parse(readFileSync(`content/plan-data/${s}.json`, 'utf8')) as PlanDocument]));
const html = (path: string) => readFileSync(`dist${path}index.html`, 'utf8');
const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
const planHtml = new Map(slugs.map((s) => [s, html(`/plans/${s}/`)]));
const themes = readdirSync('dist/themes', { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
const BATTLES = ['blue-sky', 'clear-water', 'clean-soil', 'blue-sea'];
const CROSS_LINK_LIMIT = 30;

interface Visit { section: Section; parent: Section | null }
function* walk(list: Section[], parent: Section | null = null): Generator<Visit> {
  for (const section of list) {
    yield { section, parent };
    yield* walk(section.children, section);
  }
}
const planText = (s: Section) => s.role !== 'notice' && s.role !== 'signature';

/** Plans that carry a theme in their own text. */
const carriers = (theme: string) => slugs.filter((slug) => [...walk(docs.get(slug)!.sections)].some(({ section }) => planText(section) && section.themes.includes(theme)));

it('builds a page for each battle and the themes index', () => {
  for (const b of BATTLES) expect(themes).toContain(b);
  const index = html('/themes/');
  for (const t of themes) expect(index).toContain(`href="/themes/${t}/"`);
});

describe.each(BATTLES)('the %s page', (theme) => {
  const full = existsSync(`dist/themes/${theme}/index.html`) ? html(`/themes/${theme}/`) : '';
  // The listing of sections only: the goals and participation boxes around it link to blocks of their own.
  const page = full.slice(full.indexOf('<div class="theme-sections"'), full.indexOf('<div id="theme-actions"'));

  it('lists every section of every plan that carries the battle', () => {
    const missing: string[] = [];
    let count = 0;
    for (const slug of slugs) {
      for (const { section } of walk(docs.get(slug)!.sections)) {
        if (!planText(section) || !section.themes.includes(theme)) continue;
        count++;
        if (!page.includes(`href="/plans/${slug}/#${section.id}"`)) missing.push(`${slug}#${section.id} ${section.number ?? ''}${section.heading}`);
      }
    }
    expect(missing).toEqual([]);
    // The sample must exercise the check: the seeds carry each battle somewhere.
    expect(count).toBeGreaterThan(0);
  });

  it('lists no section that does not carry it', () => {
    const wrong = [...page.matchAll(/href="\/plans\/([^/]+)\/#([^"]+)"/g)].filter(([, slug, id]) => {
      const found = [...walk(docs.get(slug!)?.sections ?? [])].find(({ section }) => section.id === id);
      return !found || !found.section.themes.includes(theme);
    }).map((m) => m[0]);
    expect(wrong).toEqual([]);
  });
});

describe.each(slugs)('plan page %s', (slug) => {
  const doc = docs.get(slug)!;
  const page = planHtml.get(slug)!;

  it('links every themed section to the same theme in every other plan that has it', () => {
    const problems: string[] = [];
    for (const { section } of walk(doc.sections)) {
      if (!planText(section)) continue;
      for (const theme of section.themes) {
        // The links sit under the outermost section of a run carrying the theme (the "root").
        const root = rootOf(doc.sections, section.id, theme);
        const box = new RegExp(`<details class="same-theme" id="${root}-same"[\\s\\S]*?</details>`).exec(page)?.[0] ?? '';
        const group = new RegExp(`<div class="same-group" data-theme="${theme}">[\\s\\S]*?</div>`).exec(box)?.[0] ?? '';
        const others = carriers(theme).filter((s) => s !== slug);
        const linked = new Set([...group.matchAll(/href="\/plans\/([^/]+)\/#([^"]+)"/g)].map((m) => m[1]));
        const expected = others.length <= CROSS_LINK_LIMIT ? others : [];
        for (const other of expected) if (!linked.has(other)) problems.push(`${section.id} (${theme}) → ${other}`);
        if (others.length > CROSS_LINK_LIMIT && linked.size !== CROSS_LINK_LIMIT) problems.push(`${section.id} (${theme}): ${linked.size} links`);
        if (group && !group.includes(`href="/themes/${theme}/"`)) problems.push(`${section.id} (${theme}): no link to the theme page`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('sends each cross-link to the other plan’s theme tag t-<theme>, on a section that carries the theme', () => {
    const wrong: string[] = [];
    for (const [, theme, group] of page.matchAll(/<div class="same-group" data-theme="([^"]+)">([\s\S]*?)<\/div>/g)) {
      for (const [, other, anchor] of group!.matchAll(/href="\/plans\/([^/]+)\/#([^"]+)"/g)) {
        // The section whose tag list holds the anchor, on the other plan's page.
        const holder = taggedSections(planHtml.get(other!) ?? '').find((t) => t.tags.includes(`id="${anchor}"`));
        const target = [...walk(docs.get(other!)?.sections ?? [])].find(({ section }) => section.id === holder?.id);
        if (anchor !== `t-${theme}` || !target?.section.themes.includes(theme!)) wrong.push(`${other}#${anchor} (${theme})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('shows headings that follow the nesting: no level skipped below the h1', () => {
    const levels = [...page.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));
    expect(levels[0]).toBe(1);
    const jumps = levels.flatMap((l, i) => (i > 0 && l > levels[i - 1]! + 1 ? [`h${levels[i - 1]} → h${l}`] : []));
    expect(jumps).toEqual([]);
  });

  it('renders tables as tables in a focusable region named by the caption', () => {
    const tables = [...walk(doc.sections)].flatMap(({ section }) => section.blocks.filter((b) => b.kind === 'table' && b.rows));
    for (const t of tables) {
      const block = new RegExp(`id="${t.id}"[\\s\\S]*?</table>`).exec(page)?.[0] ?? '';
      expect(block).toMatch(/<div class="table-wrap" role="region" aria-label="表格[^"]*" tabindex="0"><table>/);
      expect((block.match(/<tr>/g) ?? []).length).toBe(t.rows!.length);
      if (t.caption) {
        expect(block).toContain(`<caption>`);
        expect(block).toContain(`aria-label="表格：${t.caption}`);
      }
    }
  });

  it('sets the cover notice apart, before the plan, and right-aligns the signature and the colophon', () => {
    const notice = doc.sections.find((s) => s.role === 'notice');
    if (notice) {
      const at = page.indexOf(`<section class="part part-notice" aria-labelledby="${notice.id}">`);
      expect(at).toBeGreaterThan(0);
      const firstPlan = doc.sections.find((s) => !s.role && s.blocks.length + s.children.length > 0);
      if (firstPlan) expect(page.indexOf(`id="${firstPlan.id}"`)).toBeGreaterThan(at);
    }
    for (const s of doc.sections.filter((x) => x.role === 'signature')) {
      // The signature is labelled 落款, the colophon (抄送, …印发) 版记.
      const colophon = s.blocks.some((b) => /^抄\s*送|印\s*发$/.test(b.text.trim()));
      expect(page).toContain(`<section class="signature" id="${s.id}" aria-label="${colophon ? '版记' : '落款'}">`);
    }
    for (const s of [...walk(doc.sections)].map((v) => v.section).filter((x) => x.role === 'aside')) {
      expect(page).toContain(`<aside class="aside-box" aria-labelledby="${s.id}">`);
    }
  });

  it('keeps its notes one link away: the source, every repair, why each tagged section carries its themes', () => {
    const text = (h: string) => decode(h.replace(/<[^>]+>/g, ''));
    expect(page).toContain('href="notes/"');
    const notes = html(`/plans/${slug}/notes/`);
    expect(notes).toContain(`href="/plans/${slug}/"`);
    // The original web page the header links to is on the notes page too.
    const original = /<a href="([^"]+)" rel="external noopener">原文网页<\/a>/.exec(page)?.[1];
    if (original) expect(notes).toContain(`href="${original}"`);
    for (const d of doc.diagnostics) expect(text(notes)).toContain(d.message);
    // Each section whose heading shows theme tags is listed with its link and the same themes.
    const tagged = taggedSections(page);
    expect(tagged.length).toBe((page.match(/<ul class="tags"/g) ?? []).length);
    for (const { id, tags } of tagged) {
      const entry = new RegExp(`<li><a href="/plans/${slug}/#${id}">[\\s\\S]*?</ul></li>`).exec(notes)?.[0] ?? '';
      expect(entry, id).not.toBe('');
      for (const [, theme] of tags.matchAll(/href="\/themes\/([^/]+)\/"/g)) expect(entry, `${id} ${theme}`).toContain(`href="/themes/${theme}/"`);
    }
  });

  it('is listed on its place page, its filter pages and the plan index', () => {
    expect(html('/plans/')).toContain(`href="/plans/${slug}/"`);
    const place = /<dt>地区<\/dt><dd>([\s\S]*?)<\/dd>/.exec(page)?.[1] ?? '';
    const placeLinks = [...place.matchAll(/href="(\/places\/[a-z0-9-]+\/)"/g)].map((m) => m[1]!);
    if (doc.meta.jurisdiction) expect(placeLinks.length).toBeGreaterThan(0);
    else expect(html('/places/')).toContain(`href="/plans/${slug}/"`);
    for (const link of placeLinks) expect(html(link)).toContain(`href="/plans/${slug}/"`);
    if (doc.meta.kind) expect(html(`/plans/kind/${doc.meta.kind}/`)).toContain(`href="/plans/${slug}/"`);
    if (doc.meta.issued) expect(html(`/plans/year/${doc.meta.issued.slice(0, 4)}/`)).toContain(`href="/plans/${slug}/"`);
    if (doc.meta.jurisdiction?.level) expect(html(`/plans/level/${doc.meta.jurisdiction.level}/`)).toContain(`href="/plans/${slug}/"`);
  });
});

it('filter pages list only the plans with that value', () => {
  for (const kind of readdirSync('dist/plans/kind')) {
    const listed = [...html(`/plans/kind/${kind}/`).matchAll(/<p class="plan-title"><a href="\/plans\/([^/]+)\/"/g)].map((m) => m[1]);
    expect(listed.length).toBeGreaterThan(0);
    for (const slug of listed) expect(docs.get(slug!)?.meta.kind).toBe(kind);
  }
});

it('place pages have ASCII addresses', () => {
  for (const dir of readdirSync('dist/places', { withFileTypes: true }).filter((d) => d.isDirectory())) {
    expect(dir.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  }
});

it('publishes a sitemap with every plan page', () => {
  const maps = readdirSync('dist').filter((f) => /^sitemap-\d+\.xml$/.test(f)).map((f) => readFileSync(`dist/${f}`, 'utf8')).join('');
  for (const slug of slugs) expect(maps).toContain(`/plans/${slug}/</loc>`);
  expect(maps).toContain('/themes/clear-water/</loc>');
});

/** The sections of a plan page that show theme tags: the section's id and its tag list's HTML. */
function taggedSections(page: string): { id: string; tags: string }[] {
  const heading = /(?:<h[2-6] id="([^"]+)">(?:[^<]|<(?!\/div>))*<\/div>|<span id="([^"]+)"><\/span>)(?:<p class="(?:part-note|revised-note)"[^>]*>(?:(?!<\/p>)[\s\S])*<\/p>)*<ul class="tags"[^>]*>([\s\S]*?)<\/ul>/g;
  return [...page.matchAll(heading)].map(([, headed, unheaded, tags]) => ({ id: (headed ?? unheaded)!, tags: tags! }));
}

/** The outermost section on the path to `id` from which on every section carries `theme`. */
function rootOf(sections: Section[], id: string, theme: string): string {
  const path = (list: Section[], trail: Section[]): Section[] | null => {
    for (const s of list) {
      if (s.id === id) return [...trail, s];
      const found = path(s.children, [...trail, s]);
      if (found) return found;
    }
    return null;
  };
  const trail = path(sections, []) ?? [];
  let root = trail.at(-1)!;
  for (let i = trail.length - 2; i >= 0 && trail[i]!.themes.includes(theme); i--) root = trail[i]!;
  return root.id;
}

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
import { $, $$, DIST, attr, collapsed, hrefs, page, text, type Element, type Root } from '../helpers/html.ts';

const slugs = readdirSync('content/plan-data').filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
const docs = new Map(slugs.map((s) => [s, JSON.parse(readFileSync(`content/plan-data/${s}.json`, 'utf8')) as PlanDocument]));
const planPages = new Map(slugs.map((s) => [s, page(`/plans/${s}/`)]));
const themes = readdirSync(`${DIST}/themes`, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
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
const byId = (tree: Root | Element, id: string) => $(tree, `[id="${id}"]`);
/** Where an element starts in its page's HTML, to compare the order of two. */
const at = (el: Element) => el.position!.start.offset!;
/** The plan and section a link to /plans/<slug>/#<id> names. */
const target = (href: string | undefined) => /^\/plans\/([^/]+)\/#(.+)$/.exec(href ?? '')?.slice(1) as [string, string] | undefined;

/** Plans that carry a theme in their own text. */
const carriers = (theme: string) => slugs.filter((slug) => [...walk(docs.get(slug)!.sections)].some(({ section }) => planText(section) && section.themes.includes(theme)));

it('builds a page for each battle and the themes index', () => {
  for (const b of BATTLES) expect(themes).toContain(b);
  const links = hrefs(page('/themes/'));
  for (const t of themes) expect(links).toContain(`/themes/${t}/`);
});

describe.each(BATTLES)('the %s page', (theme) => {
  const tree = existsSync(`${DIST}/themes/${theme}/index.html`) ? page(`/themes/${theme}/`) : undefined;
  // The listing of sections only: the goals and participation boxes around it link to blocks of their own.
  const listing = tree && $(tree, 'div.theme-sections');
  const listed = listing ? $$(listing, 'a[href^="/plans/"]').map((a) => attr(a, 'href')!).filter((h) => h.includes('#')) : [];

  it('lists every section of every plan that carries the battle', () => {
    expect(listing, 'div.theme-sections').toBeDefined();
    const missing: string[] = [];
    let count = 0;
    for (const slug of slugs) {
      for (const { section } of walk(docs.get(slug)!.sections)) {
        if (!planText(section) || !section.themes.includes(theme)) continue;
        count++;
        if (!listed.includes(`/plans/${slug}/#${section.id}`)) missing.push(`${slug}#${section.id} ${section.number ?? ''}${section.heading}`);
      }
    }
    expect(missing).toEqual([]);
    // The sample must exercise the check: the seeds carry each battle somewhere.
    expect(count).toBeGreaterThan(0);
  });

  it('lists no section that does not carry it', () => {
    expect(listed.length).toBeGreaterThan(0);
    const wrong = listed.filter((href) => {
      const [slug, id] = target(href) ?? [];
      const found = [...walk(docs.get(slug!)?.sections ?? [])].find(({ section }) => section.id === id);
      return !found || !found.section.themes.includes(theme);
    });
    expect(wrong).toEqual([]);
  });
});

describe.each(slugs)('plan page %s', (slug) => {
  const doc = docs.get(slug)!;
  const tree = planPages.get(slug)!;

  it('links every themed section to the same theme in every other plan that has it', () => {
    const problems: string[] = [];
    let checked = 0;
    for (const { section } of walk(doc.sections)) {
      if (!planText(section)) continue;
      for (const theme of section.themes) {
        checked++;
        // The links sit under the outermost section of a run carrying the theme (the "root").
        const root = rootOf(doc.sections, section.id, theme);
        const box = $(tree, `details.same-theme[id="${root}-same"]`);
        const group = box && $(box, `div.same-group[data-theme="${theme}"]`);
        const others = carriers(theme).filter((s) => s !== slug);
        const linked = new Set(group ? $$(group, 'a[href^="/plans/"]').map((a) => target(attr(a, 'href'))?.[0]) : []);
        const expected = others.length <= CROSS_LINK_LIMIT ? others : [];
        for (const other of expected) if (!linked.has(other)) problems.push(`${section.id} (${theme}) → ${other}`);
        if (others.length > CROSS_LINK_LIMIT && linked.size !== CROSS_LINK_LIMIT) problems.push(`${section.id} (${theme}): ${linked.size} links`);
        if (group && !hrefs(group).includes(`/themes/${theme}/`)) problems.push(`${section.id} (${theme}): no link to the theme page`);
      }
    }
    expect(problems).toEqual([]);
    // 'the sample has …' below asks that the plans carry themes; this plan must too, or the check saw nothing.
    expect(checked).toBeGreaterThan(0);
  });

  it('sends each cross-link to the other plan’s theme tag t-<theme>, on a section that carries the theme', () => {
    const wrong: string[] = [];
    let links = 0;
    for (const group of $$(tree, 'div.same-group[data-theme]')) {
      const theme = attr(group, 'dataTheme')!;
      for (const a of $$(group, 'a[href^="/plans/"]')) {
        links++;
        const [other, anchor] = target(attr(a, 'href')) ?? [];
        // The section whose tag list holds the anchor, on the other plan's page.
        const holder = taggedSections(planPages.get(other!)).find((t) => byId(t.tags, anchor!));
        const section = [...walk(docs.get(other!)?.sections ?? [])].find(({ section: s }) => s.id === holder?.id);
        if (anchor !== `t-${theme}` || !section?.section.themes.includes(theme)) wrong.push(`${other}#${anchor} (${theme})`);
      }
    }
    expect(links).toBeGreaterThan(0);
    expect(wrong).toEqual([]);
  });

  it('shows headings that follow the nesting: no level skipped below the h1', () => {
    const levels = $$(tree, 'h1, h2, h3, h4, h5, h6').map((h) => Number(h.tagName.slice(1)));
    expect(levels[0]).toBe(1);
    const jumps = levels.flatMap((l, i) => (i > 0 && l > levels[i - 1]! + 1 ? [`h${levels[i - 1]} → h${l}`] : []));
    expect(jumps).toEqual([]);
  });

  it('keeps its notes one link away: the source, every repair, why each tagged section carries its themes', () => {
    expect(hrefs(tree)).toContain('notes/');
    const notes = page(`/plans/${slug}/notes/`);
    expect(hrefs(notes)).toContain(`/plans/${slug}/`);
    // The original web page the header links to is on the notes page too.
    const original = $$(tree, 'a[rel~="external"]').find((a) => text(a) === '原文网页');
    if (original) expect(hrefs(notes)).toContain(attr(original, 'href'));
    const notesText = text(notes);
    // Every plan in the sample has repairs noted ('the sample has …' below); not every plan need have.
    for (const d of doc.diagnostics) expect(notesText).toContain(collapsed(d.message));
    // Each section whose heading shows theme tags is listed with its link and the same themes.
    const tagged = taggedSections(tree);
    expect(tagged.length).toBeGreaterThan(0);
    expect(tagged.length).toBe($$(tree, 'ul.tags').length);
    for (const { id, tags } of tagged) {
      expect(id, 'the heading a tag list belongs to').toBeDefined();
      const entry = $$(notes, 'li').find((li) => attr($(li, ':scope > a'), 'href') === `/plans/${slug}/#${id}` && $(li, ':scope > ul'));
      expect(entry, id).toBeDefined();
      const themesTagged = hrefs(tags).filter((h) => /^\/themes\/[^/]+\/$/.test(h));
      expect(themesTagged.length, id).toBeGreaterThan(0);
      for (const theme of themesTagged) expect(hrefs(entry!), `${id} ${theme}`).toContain(theme);
    }
  });

  it('is listed on its place page, its filter pages and the plan index', () => {
    const listedOn = (path: string) => hrefs(page(path));
    expect(listedOn('/plans/')).toContain(`/plans/${slug}/`);
    const place = $$(tree, 'dl.meta > dt').find((dt) => text(dt) === '地区');
    const placeLinks = place ? hrefs(nextElement(tree, place) ?? place).filter((h) => /^\/places\/[a-z0-9-]+\/$/.test(h)) : [];
    if (doc.meta.jurisdiction) expect(placeLinks.length).toBeGreaterThan(0);
    else expect(listedOn('/places/')).toContain(`/plans/${slug}/`);
    for (const link of placeLinks) expect(listedOn(link)).toContain(`/plans/${slug}/`);
    if (doc.meta.kind) expect(listedOn(`/plans/kind/${doc.meta.kind}/`)).toContain(`/plans/${slug}/`);
    if (doc.meta.issued) expect(listedOn(`/plans/year/${doc.meta.issued.slice(0, 4)}/`)).toContain(`/plans/${slug}/`);
    if (doc.meta.jurisdiction?.level) expect(listedOn(`/plans/level/${doc.meta.jurisdiction.level}/`)).toContain(`/plans/${slug}/`);
  });
});

// Tables, cover notices, signatures and asides are in some plans only: each check runs over every
// plan and must have found some.
it('renders tables as tables in a focusable region named by the caption', () => {
  let tables = 0;
  let captioned = 0;
  for (const [slug, doc] of docs) {
    const tree = planPages.get(slug)!;
    for (const t of [...walk(doc.sections)].flatMap(({ section }) => section.blocks.filter((b) => b.kind === 'table' && b.rows))) {
      tables++;
      const block = byId(tree, t.id);
      expect(block, `${slug}#${t.id}`).toBeDefined();
      const wrap = $(block!, 'div.table-wrap[role="region"][aria-label^="表格"][tabindex="0"]');
      expect(wrap, `${slug}#${t.id}: the scrolling region`).toBeDefined();
      const table = $(wrap!, ':scope > table:first-child');
      expect(table, `${slug}#${t.id}: the table`).toBeDefined();
      expect($$(table!, 'tr')).toHaveLength(t.rows!.length);
      if (t.caption) {
        captioned++;
        expect($(table!, 'caption'), `${slug}#${t.id}: caption`).toBeDefined();
        expect(attr(wrap, 'ariaLabel')?.startsWith(`表格：${t.caption}`), attr(wrap, 'ariaLabel')).toBe(true);
      }
    }
  }
  expect(tables).toBeGreaterThan(0);
  expect(captioned).toBeGreaterThan(0);
});

it('sets the cover notice apart, before the plan, and right-aligns the signature and the colophon', () => {
  let notices = 0;
  let signatures = 0;
  let asides = 0;
  for (const [slug, doc] of docs) {
    const tree = planPages.get(slug)!;
    const notice = doc.sections.find((s) => s.role === 'notice');
    if (notice) {
      notices++;
      const part = $(tree, `section.part.part-notice[aria-labelledby="${notice.id}"]`);
      expect(part, `${slug}: the notice's part`).toBeDefined();
      const firstPlan = doc.sections.find((s) => !s.role && s.blocks.length + s.children.length > 0);
      if (firstPlan) expect(at(byId(tree, firstPlan.id)!), `${slug}: the plan after the notice`).toBeGreaterThan(at(part!));
    }
    for (const s of doc.sections.filter((x) => x.role === 'signature')) {
      signatures++;
      // The signature is labelled 落款, the colophon (抄送, …印发) 版记.
      const colophon = s.blocks.some((b) => /^抄\s*送|印\s*发$/.test(b.text.trim()));
      expect(attr($(tree, `section.signature[id="${s.id}"]`), 'ariaLabel'), `${slug}#${s.id}`).toBe(colophon ? '版记' : '落款');
    }
    for (const s of [...walk(doc.sections)].map((v) => v.section).filter((x) => x.role === 'aside')) {
      asides++;
      expect($(tree, `aside.aside-box[aria-labelledby="${s.id}"]`), `${slug}#${s.id}`).toBeDefined();
    }
  }
  expect(notices).toBeGreaterThan(0);
  expect(signatures).toBeGreaterThan(0);
  expect(asides).toBeGreaterThan(0);
});

it('the sample has what the checks of every plan page look for: themes, repairs noted, places, kinds, years, levels', () => {
  const all = [...docs.values()];
  expect(all.length).toBeGreaterThan(0);
  expect(all.every((d) => [...walk(d.sections)].some(({ section }) => planText(section) && section.themes.length > 0))).toBe(true);
  expect(all.some((d) => d.diagnostics.length > 0)).toBe(true);
  expect(all.some((d) => d.meta.jurisdiction)).toBe(true);
  expect(all.some((d) => !d.meta.jurisdiction)).toBe(true);
  expect(all.some((d) => d.meta.kind)).toBe(true);
  expect(all.some((d) => d.meta.issued)).toBe(true);
  expect(all.some((d) => d.meta.jurisdiction?.level)).toBe(true);
});

it('filter pages list only the plans with that value', () => {
  const kinds = readdirSync(`${DIST}/plans/kind`);
  expect(kinds.length).toBeGreaterThan(0);
  for (const kind of kinds) {
    const listed = $$(page(`/plans/kind/${kind}/`), 'p.plan-title > a').map((a) => /^\/plans\/([^/]+)\/$/.exec(attr(a, 'href') ?? '')?.[1]);
    expect(listed.length).toBeGreaterThan(0);
    for (const slug of listed) expect(docs.get(slug!)?.meta.kind).toBe(kind);
  }
});

it('place pages have ASCII addresses', () => {
  const dirs = readdirSync(`${DIST}/places`, { withFileTypes: true }).filter((d) => d.isDirectory());
  expect(dirs.length).toBeGreaterThan(0);
  for (const dir of dirs) expect(dir.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
});

it('publishes a sitemap with every plan page', () => {
  // XML, not HTML: the <loc> entries are read as text.
  const maps = readdirSync(DIST).filter((f) => /^sitemap-\d+\.xml$/.test(f)).map((f) => readFileSync(`${DIST}/${f}`, 'utf8')).join('');
  expect(slugs.length).toBeGreaterThan(0);
  for (const slug of slugs) expect(maps).toContain(`/plans/${slug}/</loc>`);
  expect(maps).toContain('/themes/clear-water/</loc>');
});

/** The sections of a plan page that show theme tags: the id of the section's heading (or of its
 * anchor when it has none) and its tag list. */
function taggedSections(tree: Root | undefined): { id: string | undefined; tags: Element }[] {
  if (!tree) return [];
  let found = tagged.get(tree);
  if (!found) {
    found = $$(tree, ':has(> ul.tags)').map((holder) => ({
      id: attr($(holder, ':scope > .sec-head > :is(h2, h3, h4, h5, h6), :scope > span[id]'), 'id'),
      tags: $(holder, ':scope > ul.tags')!,
    }));
    tagged.set(tree, found);
  }
  return found;
}
const tagged = new WeakMap<Root, { id: string | undefined; tags: Element }[]>();

/** The element after `el` among its siblings (the <dd> of a <dt>). */
function nextElement(tree: Root, el: Element): Element | undefined {
  const parent = $$(tree, '*').find((p) => p.children.includes(el));
  const after = parent?.children.slice(parent.children.indexOf(el) + 1);
  return after?.find((c): c is Element => c.type === 'element');
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

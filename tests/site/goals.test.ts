/**
 * The goals pages and the open data (issue 7) in the built site, checked against the documents the
 * build published (content/plan-data/):
 *   - /data/goals.csv opens with a UTF-8 byte-order mark and the documented header, one row per goal,
 *     e.g. seed 001's PM2.5 goal with its value, unit, year and verbatim quote;
 *   - /data/goals.json holds every goal of every document with its clause URL, which resolves;
 *   - /data/plans.json lists every plan, and /data/plans/<slug>.json is the document as parsed;
 *   - /goals/ links to a page for every indicator with goals and to one page per province, which
 *     has a labelled, focusable place × indicator table per theme and lists every place with
 *     goals of that province; each indicator page has its SVG chart (title, desc) and a table
 *     with a row per goal whose link reaches the clause;
 *   - the plan page's goals summary lists the comparable goals with links to their clauses;
 *   - the 数据说明 page documents every field and the copyright note.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Goal, PlanDocument } from '../../src/pipeline/index.ts';
import { GOAL_FIELDS } from '../../src/views/goals-data.ts';
import { $, $$, DIST, attr, collapsed, hrefs, ids, page, text } from '../helpers/html.ts';
import { TEST_ORIGIN } from '../helpers/site-url.ts';

const ORIGIN = TEST_ORIGIN;

const slugs = readdirSync('content/plan-data').filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
const docs = new Map(slugs.map((s) => [s, JSON.parse(readFileSync(`content/plan-data/${s}.json`, 'utf8')) as PlanDocument]));
const allGoals = [...docs].flatMap(([slug, doc]) => doc.goals.map((g) => ({ slug, g })));
const planPages = new Map<string, Set<string>>();
/** Whether /plans/<slug>/#<id> reaches an element of the built page. */
function resolves(url: string): boolean {
  const m = /^\/plans\/([^/]+)\/#(.+)$/.exec(url.startsWith(ORIGIN) ? url.slice(ORIGIN.length) : url);
  if (!m) return false;
  let set = planPages.get(m[1]!);
  if (!set) planPages.set(m[1]!, (set = ids(page(`/plans/${m[1]}/`))));
  return set.has(m[2]!);
}

/** RFC 4180 rows (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; } else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

describe('/data/goals.csv', () => {
  const bytes = readFileSync(`${DIST}/data/goals.csv`);
  const [header, ...rows] = parseCsv(bytes.toString('utf8').replace(/^\uFEFF/, ''));

  it('starts with the UTF-8 byte-order mark, then the field names', () => {
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(header).toEqual(GOAL_FIELDS.map((f) => f.name));
  });

  it('has one row per goal of every published document, each as wide as the header', () => {
    expect(allGoals.length).toBeGreaterThan(0);
    expect(rows).toHaveLength(allGoals.length);
    for (const r of rows) expect(r).toHaveLength(header!.length);
  });

  it('carries seed 001’s PM2.5 goal as the document states it', () => {
    const doc = docs.get('xx-touziqu-gongjianzhan-fangan')!;
    const pm = doc.goals.find((g) => g.indicatorId === 'air.pm25')!;
    expect(pm.quote).toContain('PM2.5');
    const col = (name: string) => header!.indexOf(name);
    const row = rows.find((r) => r[col('id')] === pm.id && r[col('planSlug')] === 'xx-touziqu-gongjianzhan-fangan')!;
    expect(row).toBeDefined();
    expect(Number(row[col('value')])).toBe(pm.value);
    expect(row[col('unit')]).toBe(pm.unit);
    expect(row[col('year')]).toBe(String(pm.year));
    expect(row[col('quote')]).toBe(pm.quote);
    expect(row[col('indicatorName')]).toBe('细颗粒物（PM2.5）浓度');
    expect(row[col('placePath')]).toBe('XX投资区');
    expect(row[col('clauseUrl')]).toBe(`${ORIGIN}/plans/xx-touziqu-gongjianzhan-fangan/#${pm.blockId}`);
  });
});

describe('/data/goals.json', () => {
  const data = JSON.parse(readFileSync(`${DIST}/data/goals.json`, 'utf8')) as { goals: Record<string, unknown>[]; actuals: { source: { url: string } }[]; note: string };

  it('holds every goal of every document with the document’s values, and a clause URL that resolves', () => {
    expect(allGoals.length).toBeGreaterThan(0);
    expect(data.goals).toHaveLength(allGoals.length);
    const byKey = new Map(data.goals.map((r) => [`${r.planSlug}|${r.id}`, r]));
    for (const { slug, g } of allGoals) {
      const r = byKey.get(`${slug}|${g.id}`)!;
      expect(r, `${slug} ${g.id}`).toBeDefined();
      const fields: (keyof Goal)[] = ['indicatorId', 'comparator', 'value', 'unit', 'year', 'baselineYear', 'change', 'scope', 'quote'];
      for (const f of fields) expect(r[f], `${slug} ${g.id} ${f}`).toEqual(g[f]);
      expect(r.clauseUrl).toBe(`${ORIGIN}/plans/${slug}/#${g.blockId}`);
      expect(resolves(r.clauseUrl as string), r.clauseUrl as string).toBe(true);
    }
  });

  it('judges only against recorded actuals, and links each actual used to its source', () => {
    const judged = data.goals.filter((r) => r.status === 'met' || r.status === 'not-met');
    expect(judged.length).toBeGreaterThan(0);
    for (const r of judged) {
      expect(r.actualValue).not.toBeNull();
      expect(r.actualYear).toBe(r.year);
    }
    const onPlans = data.actuals.filter((x) => x.source.url.startsWith(`${ORIGIN}/plans/`));
    expect(onPlans.length).toBeGreaterThan(0);
    for (const a of onPlans) expect(resolves(a.source.url), a.source.url).toBe(true);
    expect(data.note).toContain('第五条');
  });
});

describe('/data/plans.json and /data/plans/<slug>.json', () => {
  const data = JSON.parse(readFileSync(`${DIST}/data/plans.json`, 'utf8')) as { plans: { slug: string; url: string; dataUrl: string; goals: number }[] };

  it('lists every plan, with its page and its document', () => {
    expect(slugs.length).toBeGreaterThan(0);
    expect(data.plans.map((p) => p.slug).sort()).toEqual(slugs);
    for (const p of data.plans) {
      expect(p.url).toBe(`${ORIGIN}/plans/${p.slug}/`);
      expect(p.goals).toBe(docs.get(p.slug)!.goals.length);
      const file = `${DIST}${new URL(p.dataUrl).pathname}`;
      expect(existsSync(file), file).toBe(true);
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(docs.get(p.slug));
    }
  });
});

describe('/goals/', () => {
  const tree = page('/goals/');
  const indicatorIds = [...new Set(allGoals.map(({ g }) => g.indicatorId).filter((x): x is string => Boolean(x)))];

  it('links to a page for every indicator that has goals, and each page exists', () => {
    expect(indicatorIds.length).toBeGreaterThan(0);
    const links = new Set(hrefs(tree).filter((h) => /^\/goals\/[^/]+\/$/.test(h)));
    for (const id of indicatorIds) {
      expect(links, id).toContain(`/goals/${id}/`);
      expect(existsSync(`${DIST}/goals/${id}/index.html`), id).toBe(true);
    }
  });

  const regionLinks = hrefs(tree).filter((h) => /^\/goals\/places\/[^/]+\/$/.test(h));
  const regions = regionLinks.map((h) => ({ href: h, tree: page(h) }));

  it('links to one page per province, and together they list every place with comparable goals once', () => {
    expect(regions.length).toBeGreaterThan(1);
    expect(new Set(regionLinks).size).toBe(regionLinks.length);
    const listed = regions.flatMap((r) => $$(r.tree, 'section.place-goals h3').map((h) => text(h)));
    expect(listed.length).toBeGreaterThan(0);
    expect(new Set(listed).size).toBe(listed.length);
    const comparable = allGoals.filter(({ g }) => g.indicatorId).length;
    const rows = regions.reduce((n, r) => n + $$(r.tree, 'section.place-goals li').length, 0);
    expect(rows).toBeGreaterThan(0);
    expect(rows).toBeLessThanOrEqual(comparable);
    expect($(tree, 'div.matrix-wrap'), '/goals/ itself holds no place table').toBeUndefined();
  });

  it('puts each place × indicator table of a province in a labelled, focusable region with a caption', () => {
    let checked = 0;
    for (const r of regions) {
      const wraps = $$(r.tree, 'div.matrix-wrap');
      expect(wraps.length, r.href).toBeGreaterThan(0);
      const all = ids(r.tree);
      for (const w of wraps) {
        checked++;
        expect(attr(w, 'role')).toBe('region');
        expect(attr(w, 'tabIndex')).toBe('0');
        const label = attr(w, 'ariaLabelledBy');
        expect(label, 'aria-labelledby').toBeDefined();
        expect(all, label).toContain(label);
      }
      expect($$(r.tree, 'caption'), r.href).toHaveLength(wraps.length);
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('links every goal a province page lists to a clause that exists', () => {
    const clauses = regions.flatMap((r) => hrefs(r.tree)).filter((h) => h.startsWith('/plans/') && h.includes('#'));
    expect(clauses.length).toBeGreaterThan(0);
    for (const h of clauses) expect(resolves(h), h).toBe(true);
  });
});

describe('indicator pages', () => {
  it.each(['air.pm25', 'air.good-days', 'water.drinking-source', 'soil.farmland-safe-use'])('%s compares every plan that states it, with a chart and its table', (id) => {
    const tree = page(`/goals/${id}/`);
    const goals = allGoals.filter(({ g }) => g.indicatorId === id);
    expect(goals.length).toBeGreaterThan(0);
    const svg = $(tree, 'svg.chart');
    expect(svg, 'chart').toBeDefined();
    expect($(tree, 'svg.chart + figcaption'), 'the chart’s figcaption').toBeDefined();
    expect(attr(svg, 'role')).toBe('img');
    const [title, desc] = (attr(svg, 'ariaLabelledBy') ?? '').split(' ').map((label) => $(svg!, `[id="${label}"]`));
    expect(title?.tagName, 'aria-labelledby names the chart’s <title>').toBe('title');
    expect(text(title!)).not.toBe('');
    expect(desc?.tagName, 'and then its <desc>').toBe('desc');
    expect(text(desc!)).not.toBe('');
    const table = $(tree, 'table#goal-table')!;
    expect(table, 'table#goal-table').toBeDefined();
    const rows = $$(table, 'tr[id^="goal-"]').map((tr) => attr(tr, 'id')!.slice('goal-'.length));
    expect(rows.sort()).toEqual(goals.map(({ g }) => g.id).sort());
    const links = hrefs(table);
    for (const { slug, g } of goals) {
      expect(links).toContain(`/plans/${slug}/#${g.blockId}`);
      expect(text(table)).toContain(collapsed(g.quote));
    }
    const clauses = links.filter((x) => x.startsWith('/plans/'));
    expect(clauses.length).toBeGreaterThan(0);
    for (const h of clauses) expect(resolves(h), h).toBe(true);
  });
});

describe('plan pages', () => {
  it('show each plan’s comparable goals near the top, kept out of search, each linking to its clause', () => {
    expect(docs.size).toBeGreaterThan(0);
    let linked = 0;
    for (const [slug, doc] of docs) {
      const tree = page(`/plans/${slug}/`);
      const box = $(tree, 'section.goals-box');
      expect(box, slug).toBeDefined();
      expect(attr(box, 'dataPagefindIgnore'), `${slug}: data-pagefind-ignore`).toBeDefined();
      const article = $(tree, 'article.plan-body');
      expect(article, slug).toBeDefined();
      expect(box!.position!.start.offset!).toBeLessThan(article!.position!.start.offset!);
      const links = new Set(hrefs(box!));
      for (const g of doc.goals.filter((x) => x.indicatorId)) {
        expect(links, `${slug} ${g.id}`).toContain(`/plans/${slug}/#${g.blockId}`);
        expect(links, `${slug} ${g.indicatorId}`).toContain(`/goals/${g.indicatorId}/`);
        linked++;
      }
    }
    // Some plans state no comparable goal; the sample as a whole must.
    expect(linked).toBeGreaterThan(0);
  });

  it('show met / not met with the actual’s source on a goal whose year has passed', () => {
    const data = JSON.parse(readFileSync(`${DIST}/data/goals.json`, 'utf8')) as { goals: Record<string, string | number | null>[] };
    const judged = data.goals.filter((r) => r.status === 'met' || r.status === 'not-met');
    expect(judged.length).toBeGreaterThan(0);
    for (const r of judged) {
      const box = $(page(`/plans/${r.planSlug}/`), 'section.goals-box');
      expect(box, `${r.planSlug}: section.goals-box`).toBeDefined();
      expect(text(box!)).toContain(r.status === 'met' ? '已达到' : '未达到');
      expect(hrefs(box!)).toContain(new URL(r.actualSourceUrl as string).pathname + new URL(r.actualSourceUrl as string).hash);
    }
  });
});

describe('数据说明 and theme pages', () => {
  it('documents every field of the goals data, the files and the copyright note', () => {
    const words = text(page('/data/'));
    expect(GOAL_FIELDS.length).toBeGreaterThan(0);
    for (const f of GOAL_FIELDS) expect(words).toContain(f.name);
    for (const f of ['goals.csv', 'goals.json', 'plans.json']) expect(words).toContain(f);
    expect(words).toContain('著作权法》第五条');
    expect(words).toContain('BOM');
  });

  it('lists the goals of a theme by indicator on its theme page', () => {
    const box = $(page('/themes/blue-sky/'), 'section.theme-goals');
    expect(box, 'section.theme-goals').toBeDefined();
    const links = hrefs(box!);
    expect(links).toContain('/goals/air.pm25/');
    const pm25 = allGoals.filter((x) => x.g.indicatorId === 'air.pm25');
    expect(pm25.length).toBeGreaterThan(0);
    for (const { slug, g } of pm25) expect(links).toContain(`/plans/${slug}/#${g.blockId}`);
  });
});

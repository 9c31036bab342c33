/**
 * The goals pages and the open data (issue 7) in the built site, checked against the documents the
 * build published (content/plan-data/):
 *   - /data/goals.csv opens with a UTF-8 byte-order mark and the documented header, one row per goal,
 *     e.g. seed 001's PM2.5 goal with its value, unit, year and verbatim quote;
 *   - /data/goals.json holds every goal of every document with its clause URL, which resolves;
 *   - /data/plans.json lists every plan, and /data/plans/<slug>.json is the document as parsed;
 *   - /goals/ has a labelled, focusable place × indicator table per theme and links to a page for
 *     every indicator with goals; each indicator page has its SVG chart (title, desc) and a table
 *     with a row per goal whose link reaches the clause;
 *   - the plan page's goals summary lists the comparable goals with links to their clauses;
 *   - the 数据说明 page documents every field and the copyright note.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Goal, PlanDocument } from '../../src/pipeline/index.ts';
import { GOAL_FIELDS } from '../../src/views/goals-data.ts';
import { TEST_ORIGIN } from '../helpers/site-url.ts';

const ORIGIN = TEST_ORIGIN;
const DIST = process.env.E2E_DIST_DIR ?? 'dist';
const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&#x27;/g, "'").replace(/&amp;/g, '&');
const page = (route: string) => readFileSync(`${DIST}${route}index.html`, 'utf8');
const textOf = (html: string) => decode(html.replace(/<[^>]+>/g, ''));
const ids = (html: string) => new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => decode(m[1]!)));
const hrefs = (html: string) => [...html.matchAll(/\shref="([^"]+)"/g)].map((m) => decode(m[1]!));

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
  const text = bytes.toString('utf8');
  const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ''));

  it('starts with the UTF-8 byte-order mark, then the field names', () => {
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(header).toEqual(GOAL_FIELDS.map((f) => f.name));
  });

  it('has one row per goal of every published document, each as wide as the header', () => {
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
    for (const r of judged) {
      expect(r.actualValue).not.toBeNull();
      expect(r.actualYear).toBe(r.year);
    }
    for (const a of data.actuals.filter((x) => x.source.url.startsWith(`${ORIGIN}/plans/`))) expect(resolves(a.source.url), a.source.url).toBe(true);
    expect(data.note).toContain('第五条');
  });
});

describe('/data/plans.json and /data/plans/<slug>.json', () => {
  const data = JSON.parse(readFileSync(`${DIST}/data/plans.json`, 'utf8')) as { plans: { slug: string; url: string; dataUrl: string; goals: number }[] };

  it('lists every plan, with its page and its document', () => {
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
  const html = page('/goals/');
  const indicatorIds = [...new Set(allGoals.map(({ g }) => g.indicatorId).filter((x): x is string => Boolean(x)))];

  it('links to a page for every indicator that has goals, and each page exists', () => {
    const links = new Set(hrefs(html).filter((h) => /^\/goals\/[^/]+\/$/.test(h)));
    for (const id of indicatorIds) {
      expect(links, id).toContain(`/goals/${id}/`);
      expect(existsSync(`${DIST}/goals/${id}/index.html`), id).toBe(true);
    }
  });

  it('puts each place × indicator table in a labelled, focusable region with a caption', () => {
    const regions = [...html.matchAll(/<div class="matrix-wrap"[^>]*>/g)].map((m) => m[0]);
    expect(regions.length).toBeGreaterThan(0);
    const all = ids(html);
    for (const r of regions) {
      expect(r).toMatch(/role="region"/);
      expect(r).toMatch(/tabindex="0"/);
      const label = /aria-labelledby="([^"]+)"/.exec(r)![1]!;
      expect(all, label).toContain(label);
    }
    expect((html.match(/<caption/g) ?? []).length).toBe(regions.length);
  });

  it('links every goal it lists to a clause that exists', () => {
    const clauses = hrefs(html).filter((h) => h.startsWith('/plans/') && h.includes('#'));
    expect(clauses.length).toBeGreaterThan(0);
    for (const h of clauses) expect(resolves(h), h).toBe(true);
  });
});

describe('indicator pages', () => {
  it.each(['air.pm25', 'air.good-days', 'water.drinking-source', 'soil.farmland-safe-use'])('%s compares every plan that states it, with a chart and its table', (id) => {
    const html = page(`/goals/${id}/`);
    const goals = allGoals.filter(({ g }) => g.indicatorId === id);
    expect(goals.length).toBeGreaterThan(0);
    const svg = /<svg class="chart"[^>]*>([\s\S]*?)<\/svg>\s*<figcaption/.exec(html);
    expect(svg, 'chart').not.toBeNull();
    expect(svg![0]).toMatch(/role="img"/);
    const labelled = /aria-labelledby="([^"]+)"/.exec(svg![0])![1]!.split(' ');
    expect(svg![1]).toMatch(new RegExp(`<title id="${labelled[0]}"[^>]*>[^<]+</title>`));
    expect(svg![1]).toMatch(new RegExp(`<desc id="${labelled[1]}"[^>]*>[^<]+</desc>`));
    const table = /<table id="goal-table"[\s\S]*?<\/table>/.exec(html)![0];
    const rows = [...table.matchAll(/<tr id="goal-([^"]+)"/g)].map((m) => m[1]);
    expect(rows.sort()).toEqual(goals.map(({ g }) => g.id).sort());
    for (const { slug, g } of goals) {
      expect(hrefs(table)).toContain(`/plans/${slug}/#${g.blockId}`);
      expect(textOf(table)).toContain(g.quote);
    }
    for (const h of hrefs(table).filter((x) => x.startsWith('/plans/'))) expect(resolves(h), h).toBe(true);
  });
});

describe('plan pages', () => {
  it('show each plan’s comparable goals near the top, kept out of search, each linking to its clause', () => {
    for (const [slug, doc] of docs) {
      const html = page(`/plans/${slug}/`);
      const box = /<section class="goals-box"[^>]*>[\s\S]*?<\/section>/.exec(html)?.[0];
      expect(box, slug).toBeDefined();
      expect(box).toMatch(/data-pagefind-ignore/);
      expect(html.indexOf('class="goals-box"')).toBeLessThan(html.indexOf('<article class="plan-body"'));
      const links = new Set(hrefs(box!));
      for (const g of doc.goals.filter((x) => x.indicatorId)) {
        expect(links, `${slug} ${g.id}`).toContain(`/plans/${slug}/#${g.blockId}`);
        expect(links, `${slug} ${g.indicatorId}`).toContain(`/goals/${g.indicatorId}/`);
      }
    }
  });

  it('show met / not met with the actual’s source on a goal whose year has passed', () => {
    const data = JSON.parse(readFileSync(`${DIST}/data/goals.json`, 'utf8')) as { goals: Record<string, string | number | null>[] };
    const judged = data.goals.filter((r) => r.status === 'met' || r.status === 'not-met');
    expect(judged.length).toBeGreaterThan(0);
    for (const r of judged) {
      const box = /<section class="goals-box"[^>]*>[\s\S]*?<\/section>/.exec(page(`/plans/${r.planSlug}/`))![0];
      expect(textOf(box)).toContain(r.status === 'met' ? '已达到' : '未达到');
      expect(hrefs(box)).toContain(new URL(r.actualSourceUrl as string).pathname + new URL(r.actualSourceUrl as string).hash);
    }
  });
});

describe('数据说明 and theme pages', () => {
  it('documents every field of the goals data, the files and the copyright note', () => {
    const text = textOf(page('/data/'));
    for (const f of GOAL_FIELDS) expect(text).toContain(f.name);
    for (const f of ['goals.csv', 'goals.json', 'plans.json']) expect(text).toContain(f);
    expect(text).toContain('著作权法》第五条');
    expect(text).toContain('BOM');
  });

  it('lists the goals of a theme by indicator on its theme page', () => {
    const html = page('/themes/blue-sky/');
    const box = /<section class="theme-goals"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    expect(hrefs(box)).toContain('/goals/air.pm25/');
    for (const { slug, g } of allGoals.filter((x) => x.g.indicatorId === 'air.pm25')) expect(hrefs(box)).toContain(`/plans/${slug}/#${g.blockId}`);
  });
});

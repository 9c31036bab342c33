/**
 * The participation pages (issue 8) in the built site, and the build-time index behind them:
 *   - every channel a plan's text promises is on its plan page's "参与" box with a link to its
 *     clause; a plan that promises none says so and points to 12369, 12345 and /participate/;
 *   - /participate/ explains each way to take part under its own heading and lists every place;
 *   - each place page and card shows the registry's numbers with their verified dates, flagged
 *     when older than a year, and its plans' promises and main goals with links that resolve;
 *   - the letter page of every plan is printable without JavaScript: blanks and a clause link;
 *   - every theme page carries its "act on this" box from content/theme-actions.yaml.
 */
import { DataFileError } from '../../src/data/problem.ts';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PlanDocument } from '../../src/pipeline/index.ts';
import { loadChannelRegistry, oneYearBefore } from '../../src/pipeline/enrich/channels-registry.ts';
import { loadVocabulary } from '../../src/pipeline/enrich/channels-vocabulary.ts';
import { loadIndicators } from '../../src/pipeline/enrich/goals-indicators.ts';
import { loadThemes } from '../../src/pipeline/enrich/themes-taxonomy.ts';
import { buildParticipation, planPromises, placeKey, walkSections, type PlanInput } from '../../src/views/participation.ts';
import { goalTarget, mainGoals } from '../../src/views/participation-goals.ts';
import { parseThemeActions, loadThemeActions } from '../../src/views/theme-actions.ts';
import { TEST_ORIGIN } from '../helpers/site-url.ts';

const ORIGIN = TEST_ORIGIN;
/** The built site: dist/ (built by the site project's globalSetup), or E2E_DIST_DIR. */
const DIST = process.env.E2E_DIST_DIR ?? 'dist';
const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&#x27;/g, "'").replace(/&amp;/g, '&');
const textOf = (html: string) => decode(html.replace(/<[^>]+>/g, ''));
const page = (route: string) => readFileSync(`${DIST}${decodeURI(route)}index.html`, 'utf8');
/** The element that starts at the first match of `open` up to its `</tag>` (no nesting of the same tag inside). */
function slice(html: string, open: RegExp, tag: string): string {
  const m = open.exec(html);
  if (!m) return '';
  const end = html.indexOf(`</${tag}>`, m.index);
  return html.slice(m.index, end < 0 ? undefined : end);
}
const ids = (html: string) => new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => decode(m[1]!)));
const hrefs = (html: string) => [...html.matchAll(/\shref="([^"]+)"/g)].map((m) => decode(m[1]!));

const slugs = readdirSync('content/plan-data').filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
const docs = new Map(slugs.map((s) => [s, JSON.parse(readFileSync(`content/plan-data/${s}.json`, 'utf8')) as PlanDocument]));
const plans: PlanInput[] = slugs.map((slug) => ({ slug, title: docs.get(slug)!.meta.title ?? slug, doc: docs.get(slug)! }));
const vocabulary = loadVocabulary();
const registry = loadChannelRegistry();
/** The places as the pages show them, with the staleness as of the day the site was built. */
const builtOn = /本页生成于 (\d{4})年(\d{1,2})月(\d{1,2})日/.exec(textOf(page('/participate/')));
const asOf = builtOn ? `${builtOn[1]}-${builtOn[2]!.padStart(2, '0')}-${builtOn[3]!.padStart(2, '0')}` : '';
const index = buildParticipation(plans, { registry: registry.places, kinds: vocabulary.kinds, asOf });
/** Place pages by the full place name: the route is found from the /participate/ page's links. */
const placeRoutes = new Map<string, string>();
{
  const html = page('/participate/');
  for (const m of html.matchAll(/<h4[^>]*><a href="(\/participate\/[^"]+\/)"[^>]*>/g)) {
    const route = decode(m[1]!);
    const full = /<p class="full"[^>]*>([^<]+)<\/p>/.exec(page(route))?.[1] ?? /<h1[^>]*>([^：<]+)/.exec(page(route))?.[1];
    if (full) placeRoutes.set(decode(full), route);
  }
}

describe('the build-time participation index', () => {
  it('puts channels named in one sentence together and keeps other sentences apart (seed 003)', () => {
    const yangzhou = plans.find((p) => p.doc.channels.some((c) => c.value === '12369' && /有奖举报/.test(c.quote)))!;
    expect(yangzhou, 'a plan whose one sentence names 12369 and 有奖举报').toBeDefined();
    const items = planPromises(yangzhou, vocabulary.kinds);
    const hotline = items.find((i) => i.labels.some((l) => l.includes('12369')))!;
    expect(hotline.kinds).toEqual(expect.arrayContaining(['hotline', 'reward-report']));
    expect(hotline.action).toBe('report');
    // Every item's quote is verbatim text of its block, and every channel is in some item.
    for (const plan of plans) {
      const blocks = new Map<string, string>();
      walkSections(plan.doc.sections, (s) => s.blocks.forEach((b) => blocks.set(b.id, b.text)));
      const promised = planPromises(plan, vocabulary.kinds);
      for (const item of promised) expect(blocks.get(item.blockId), `${plan.slug} ${item.blockId}`).toContain(item.quote);
      for (const c of plan.doc.channels) {
        expect(promised.some((i) => i.blockId === c.blockId && i.kinds.includes(c.kind) && i.quote.includes(c.quote)), `${plan.slug}: ${c.label} “${c.quote}”`).toBe(true);
      }
    }
  });

  it('flags a registry entry only when it was verified more than a year before the build', () => {
    const entries = registry.places.flatMap((p) => p.entries);
    expect(entries.length).toBeGreaterThan(0);
    const newest = entries.map((e) => e.verified).sort().at(-1)!;
    const [y, m, d] = newest.split('-').map(Number) as [number, number, number];
    const dayAfterAYear = new Date(Date.UTC(y + 1, m - 1, d + 1)).toISOString().slice(0, 10);
    const later = buildParticipation(plans, { registry: registry.places, kinds: vocabulary.kinds, asOf: dayAfterAYear });
    const fresh = buildParticipation(plans, { registry: registry.places, kinds: vocabulary.kinds, asOf: newest });
    for (const place of later.places) for (const c of place.contacts) expect(c.stale, `${place.key} ${c.label} verified ${c.verified}`).toBe(true);
    for (const place of fresh.places) for (const c of place.contacts) expect(c.stale).toBe(c.verified < oneYearBefore(newest));
  });

  it('picks main goals one per indicator, latest deadline within the plan period, every theme before a second of any', () => {
    const catalogue = loadIndicators();
    const themes = loadThemes();
    const indicators = new Map(catalogue.entries.map((e, order) => [e.id, { name: e.name, theme: e.theme, order }]));
    const rich = [...plans].sort((a, b) => b.doc.goals.filter((g) => g.indicatorId).length - a.doc.goals.filter((g) => g.indicatorId).length)[0]!;
    const picked = mainGoals([rich], { indicators, themeOrder: themes.order, limit: 6 });
    expect(picked.length).toBeGreaterThan(0);
    expect(new Set(picked.map((g) => g.indicatorId)).size).toBe(picked.length);
    for (const g of picked) {
      const same = rich.doc.goals.filter((x) => x.indicatorId === g.indicatorId);
      const end = rich.doc.meta.period?.to ?? Infinity;
      const years = same.map((x) => x.year ?? 0);
      const inside = years.filter((y) => y <= end);
      expect(g.year).toBe(Math.max(...(inside.length ? inside : years)) || null);
      expect(same.map((x) => x.quote)).toContain(g.quote);
    }
    const themesPicked = picked.map((g) => g.theme);
    const distinct = new Set(rich.doc.goals.filter((g) => g.indicatorId).map((g) => indicators.get(g.indicatorId!)?.theme ?? g.theme)).size;
    expect(new Set(themesPicked.slice(0, Math.min(distinct, picked.length))).size).toBe(Math.min(distinct, picked.length));
  });

  it('words targets as the plans do', () => {
    const changed = plans.flatMap((p) => p.doc.goals).filter((g) => g.change && g.baselineYear);
    // Shares rise and fall (提高/下降), amounts grow and shrink (增加/减少): "比2015年增加37.5平方公里".
    for (const g of changed) expect(goalTarget(g)).toMatch(new RegExp(`^比${g.baselineYear}年${g.unit === '%' || g.unit === '个百分点' ? (g.change === 'decrease' ? '下降' : '提高') : (g.change === 'decrease' ? '减少' : '增加')}${g.value}`));
    expect(goalTarget({ comparator: '<', value: 19.2, unit: 'μg/m³', change: null, baselineYear: null })).toBe('低于19.2μg/m³');
  });
});

describe('content/theme-actions.yaml', () => {
  const themeIds = loadThemes().order;
  it('gives advice for every theme, with numbers to call', () => {
    const actions = loadThemeActions(themeIds);
    for (const id of themeIds) {
      expect(actions.get(id)?.situations.length, id).toBeGreaterThan(0);
    }
  });
  it('names the file, the field, the value and the fix when it is wrong', () => {
    const bad = 'themes:\n  blue-sky:\n    intro: 空气\n    situations:\n      - see: 冒黑烟\n        tell: 地点和时间\n        numbers: [12369]\n';
    expect(() => parseThemeActions(bad, 'content/theme-actions.yaml', themeIds)).toThrow(DataFileError);
    try {
      parseThemeActions(bad, 'content/theme-actions.yaml', themeIds);
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('content/theme-actions.yaml');
      expect(message).toContain('numbers');
      expect(message).toMatch(/加引号/);
    }
    const unknown = "themes:\n  sky:\n    intro: 空气质量\n    situations:\n      - see: 冒黑烟\n        tell: 地点和时间\n        numbers: ['12369']\n";
    expect(() => parseThemeActions(unknown, 'content/theme-actions.yaml', themeIds)).toThrow(/“sky”不是 content\/themes.yaml 里的主题/);
  });
});

describe.each(slugs)('plan page %s: the 参与 box', (slug) => {
  const html = page(`/plans/${slug}/`);
  const box = slice(html, /<section class="participate-box"/, 'section');
  const doc = docs.get(slug)!;
  const anchors = ids(html);

  it('is on the page', () => {
    expect(box, 'section.participate-box').not.toBe('');
    expect(hrefs(box)).toContain('/participate/');
  });

  it('quotes every channel the plan promises and links to its clause', () => {
    const text = textOf(box);
    for (const c of doc.channels) {
      expect(text, c.quote).toContain(c.quote);
      expect(hrefs(box), c.blockId).toContain(`/plans/${slug}/#${c.blockId}`);
      expect(anchors.has(c.blockId), `#${c.blockId} exists on the page`).toBe(true);
    }
    if (doc.channels.length === 0) {
      expect(text).toMatch(/没有写明/);
      expect(text).toContain('12369');
      expect(text).toContain('12345');
    }
  });

  it('shows the registry numbers of the plan place', () => {
    const view = index.plans.get(slug)!;
    for (const c of view.contacts) expect(textOf(box)).toContain(c.value);
    expect(hrefs(box)).toContain(`/participate/letter/${slug}/`);
  });
});

describe('/participate/', () => {
  const html = page('/participate/');
  const text = textOf(html);

  it('explains each way to take part under its own heading, in plain language', () => {
    for (const id of ['report', 'ask', 'speak', 'visit', 'join', 'places']) expect(html).toMatch(new RegExp(`<h2[^>]*id="${id}"`));
    expect(html).not.toMatch(/<details/);
    for (const words of ['12369', '12345', '在哪里', '什么时候', '照片', '之后会怎样', '受理编号', '20 个工作日']) expect(text).toContain(words);
    expect(hrefs(html)).toContain('/participate/letter/');
  });

  it('lists every place a plan names, each with its page and card', () => {
    const names = new Set(plans.map((p) => p.doc.meta.jurisdiction).filter((j) => j !== null).map((j) => placeKey(j!)));
    expect(placeRoutes.size).toBe(index.places.length);
    for (const key of names) {
      const route = placeRoutes.get(key);
      expect(route, key).toBeDefined();
      expect(hrefs(html)).toContain(`${route}card/`);
    }
  });
});

describe('place pages and cards', () => {
  it('has one page per place', () => {
    expect(index.places.length).toBeGreaterThan(0);
  });

  for (const place of index.places) {
    it(`${place.key}: registry numbers with dates and staleness, promises with working clause links, goals`, () => {
      const route = placeRoutes.get(place.key)!;
      expect(route, `${place.key} is linked from /participate/`).toBeDefined();
      const html = page(route);
      const text = textOf(html);
      for (const c of place.contacts) {
        expect(text).toContain(c.value);
        const [y, m, d] = c.verified.split('-').map(Number);
        expect(text).toContain(`${y}年${m}月${d}日核实`);
      }
      const stale = place.contacts.filter((c) => c.stale).length;
      expect((text.match(/信息可能已过期：/g) ?? []).length).toBe(stale);
      for (const p of place.promises) {
        expect(text).toContain(p.quote);
        expect(hrefs(html)).toContain(p.href);
        expect(ids(page(`/plans/${p.planSlug}/`)).has(p.blockId), p.href).toBe(true);
      }
      for (const p of place.plans) expect(hrefs(html)).toContain(`/plans/${p.slug}/`);

      const card = page(`${route}card/`);
      const cardText = textOf(card);
      // The card prints on A4: its stylesheets (files, never inline: the site's CSP) say so.
      const sheets = [...card.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => readFileSync(`dist${m[1]}`, 'utf8'));
      expect(sheets.length).toBeGreaterThan(0);
      expect(sheets.join('\n')).toMatch(/@page\s*\{\s*size:\s*A4/);
      for (const c of place.contacts.filter((x) => x.link?.startsWith('tel:'))) expect(cardText).toContain(c.value);
      if (place.goals.length) {
        const goalRows = (slice(card, /<table class="goals/, 'table').match(/<tr/g) ?? []).length - 1;
        expect(goalRows).toBe(Math.min(place.goals.length, 6));
      }
      expect(cardText).toContain(`${ORIGIN}${decodeURI(route)}`);
    });
  }
});

describe.each(slugs)('letter page of %s without JavaScript', (slug) => {
  const html = page(`/participate/letter/${slug}/`);
  const letter = slice(html, /<article class="letter"/, 'article');

  it('is a printable letter with blanks to fill in by hand', () => {
    for (const field of ['agency', 'name', 'idno', 'phone', 'address', 'info', 'signature', 'date']) {
      expect(letter, field).toMatch(new RegExp(`class="blank[^"]*"[^>]*data-fill="${field}"|data-fill="${field}"[^>]*class="blank`));
    }
    expect(html).toMatch(/<form[^>]*data-letter-form[^>]*hidden|<form[^>]*hidden[^>]*data-letter-form/);
    expect(textOf(letter)).toContain('中华人民共和国政府信息公开条例');
  });

  it('cites a clause of the plan by its permanent link, whose anchor exists', () => {
    const link = hrefs(letter).find((h) => h.startsWith(`${ORIGIN}/plans/${slug}/`));
    expect(link, 'a link to the plan in the letter').toBeDefined();
    expect(textOf(letter)).toContain(link!);
    const anchor = link!.split('#')[1];
    if (anchor) expect(ids(page(`/plans/${slug}/`)).has(anchor), link).toBe(true);
    const disclosure = docs.get(slug)!.channels.find((c) => c.kind === 'disclosure');
    if (disclosure) expect(anchor, 'the default clause is the plan’s first clause on disclosure').toBe(disclosure.blockId);
  });
});

describe('theme pages', () => {
  const themes = loadThemes().file.themes;
  it.each(themes.map((t) => [t.id]))('/themes/%s/ has its act-on-this box', (id) => {
    expect(existsSync(`${DIST}/themes/${id}/index.html`), `${DIST}/themes/${id}/index.html`).toBe(true);
    const html = page(`/themes/${id}/`);
    const box = slice(html, /<section class="theme-actions"/, 'section');
    expect(box).not.toBe('');
    const advice = loadThemeActions(themes.map((t) => t.id)).get(id)!;
    expect(textOf(box)).toContain(advice.intro);
    for (const s of advice.situations) for (const n of s.numbers) expect(hrefs(box)).toContain(`tel:${n}`);
    for (const h of hrefs(box).filter((x) => x.startsWith('/plans/'))) {
      const [path, anchor] = h.split('#');
      expect(ids(page(path!)).has(anchor!), h).toBe(true);
    }
  });
});

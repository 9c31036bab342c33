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
import { $, $$, DIST, attr, collapsed, hrefs, ids, page, text, type Element, type Root } from '../helpers/html.ts';
import { TEST_ORIGIN } from '../helpers/site-url.ts';

const ORIGIN = TEST_ORIGIN;
/** The element `selector` picks on a page, failing the test that asks when there is none. */
function part(tree: Root, selector: string): Element {
  const found = $(tree, selector);
  expect(found, selector).toBeDefined();
  return found!;
}

const slugs = readdirSync('content/plan-data').filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
const docs = new Map(slugs.map((s) => [s, JSON.parse(readFileSync(`content/plan-data/${s}.json`, 'utf8')) as PlanDocument]));
const plans: PlanInput[] = slugs.map((slug) => ({ slug, title: docs.get(slug)!.meta.title ?? slug, doc: docs.get(slug)! }));
const vocabulary = loadVocabulary();
const registry = loadChannelRegistry();
/** The places as the pages show them, with the staleness as of the day the site was built. */
const builtOn = /本页生成于 (\d{4})年(\d{1,2})月(\d{1,2})日/.exec(text(page('/participate/')));
const asOf = builtOn ? `${builtOn[1]}-${builtOn[2]!.padStart(2, '0')}-${builtOn[3]!.padStart(2, '0')}` : '';
const index = buildParticipation(plans, { registry: registry.places, kinds: vocabulary.kinds, asOf });
/** Place pages by the full place name: the route is found from the /participate/ page's links. */
const placeRoutes = new Map<string, string>();
for (const a of $$(page('/participate/'), 'h4 > a[href^="/participate/"]')) {
  const route = attr(a, 'href')!;
  const placePage = page(route);
  const full = $(placePage, 'p.full');
  const h1 = $(placePage, 'h1');
  const name = full ? text(full) : h1 && text(h1).split('：')[0];
  if (name) placeRoutes.set(name, route);
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
    let promises = 0;
    let channels = 0;
    for (const plan of plans) {
      const blocks = new Map<string, string>();
      walkSections(plan.doc.sections, (s) => s.blocks.forEach((b) => blocks.set(b.id, b.text)));
      const promised = planPromises(plan, vocabulary.kinds);
      promises += promised.length;
      channels += plan.doc.channels.length;
      for (const item of promised) expect(blocks.get(item.blockId), `${plan.slug} ${item.blockId}`).toContain(item.quote);
      for (const c of plan.doc.channels) {
        expect(promised.some((i) => i.blockId === c.blockId && i.kinds.includes(c.kind) && i.quote.includes(c.quote)), `${plan.slug}: ${c.label} “${c.quote}”`).toBe(true);
      }
    }
    expect(promises).toBeGreaterThan(0);
    expect(channels).toBeGreaterThan(0);
  });

  it('flags a registry entry only when it was verified more than a year before the build', () => {
    const entries = registry.places.flatMap((p) => p.entries);
    expect(entries.length).toBeGreaterThan(0);
    const newest = entries.map((e) => e.verified).sort().at(-1)!;
    const [y, m, d] = newest.split('-').map(Number) as [number, number, number];
    const dayAfterAYear = new Date(Date.UTC(y + 1, m - 1, d + 1)).toISOString().slice(0, 10);
    const later = buildParticipation(plans, { registry: registry.places, kinds: vocabulary.kinds, asOf: dayAfterAYear });
    const fresh = buildParticipation(plans, { registry: registry.places, kinds: vocabulary.kinds, asOf: newest });
    const contacts = (built: typeof later) => built.places.flatMap((place) => place.contacts.map((c) => ({ place, c })));
    expect(contacts(later).length).toBeGreaterThan(0);
    for (const { place, c } of contacts(later)) expect(c.stale, `${place.key} ${c.label} verified ${c.verified}`).toBe(true);
    expect(contacts(fresh).length).toBe(contacts(later).length);
    for (const { c } of contacts(fresh)) expect(c.stale).toBe(c.verified < oneYearBefore(newest));
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
    expect(changed.length).toBeGreaterThan(0);
    for (const g of changed) expect(goalTarget(g)).toMatch(new RegExp(`^比${g.baselineYear}年${g.unit === '%' || g.unit === '个百分点' ? (g.change === 'decrease' ? '下降' : '提高') : (g.change === 'decrease' ? '减少' : '增加')}${g.value}`));
    expect(goalTarget({ comparator: '<', value: 19.2, unit: 'μg/m³', change: null, baselineYear: null })).toBe('低于19.2μg/m³');
  });
});

describe('content/theme-actions.yaml', () => {
  const themeIds = loadThemes().order;
  it('gives advice for every theme, with numbers to call', () => {
    const actions = loadThemeActions(themeIds);
    expect(themeIds.length).toBeGreaterThan(0);
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
  const tree = page(`/plans/${slug}/`);
  const doc = docs.get(slug)!;
  const anchors = ids(tree);

  it('is on the page', () => {
    expect(hrefs(part(tree, 'section.participate-box'))).toContain('/participate/');
  });

  it('quotes every channel the plan promises and links to its clause', () => {
    const box = part(tree, 'section.participate-box');
    const words = text(box);
    // A plan promises channels or says it promises none: one of the two branches runs on every plan.
    for (const c of doc.channels) {
      expect(words, c.quote).toContain(collapsed(c.quote));
      expect(hrefs(box), c.blockId).toContain(`/plans/${slug}/#${c.blockId}`);
      expect(anchors.has(c.blockId), `#${c.blockId} exists on the page`).toBe(true);
    }
    if (doc.channels.length === 0) {
      expect(words).toMatch(/没有写明/);
      expect(words).toContain('12369');
      expect(words).toContain('12345');
    }
  });

  it('shows the registry numbers of the plan place', () => {
    const box = part(tree, 'section.participate-box');
    const view = index.plans.get(slug);
    expect(view, slug).toBeDefined();
    // A place with no registry entry has no numbers ('the sample has registry numbers …' asks that some do).
    for (const c of view!.contacts) expect(text(box)).toContain(c.value);
    expect(hrefs(box)).toContain(`/participate/letter/${slug}/`);
  });
});

it('the sample has registry numbers for the place of some plan', () => {
  expect(slugs.some((slug) => (index.plans.get(slug)?.contacts.length ?? 0) > 0)).toBe(true);
});

describe('/participate/', () => {
  const tree = page('/participate/');
  const words = text(tree);

  it('explains each way to take part under its own heading, in plain language', () => {
    for (const id of ['report', 'ask', 'speak', 'visit', 'join', 'places']) expect($(tree, `h2[id="${id}"]`), `h2#${id}`).toBeDefined();
    expect($$(tree, 'details')).toEqual([]);
    for (const w of ['12369', '12345', '在哪里', '什么时候', '照片', '之后会怎样', '受理编号', '20 个工作日']) expect(words).toContain(w);
    expect(hrefs(tree)).toContain('/participate/letter/');
  });

  it('lists every place a plan names, each with its page and card', () => {
    const names = new Set(plans.map((p) => p.doc.meta.jurisdiction).filter((j) => j !== null).map((j) => placeKey(j!)));
    expect(names.size).toBeGreaterThan(0);
    expect(placeRoutes.size).toBe(index.places.length);
    for (const key of names) {
      const route = placeRoutes.get(key);
      expect(route, key).toBeDefined();
      expect(hrefs(tree)).toContain(`${route}card/`);
    }
  });
});

describe('place pages and cards', () => {
  it('has one page per place', () => {
    expect(index.places.length).toBeGreaterThan(0);
  });

  it('the places have what their pages are checked for: numbers, a promise, a plan, main goals', () => {
    expect(index.places.some((p) => p.contacts.length > 0)).toBe(true);
    expect(index.places.some((p) => p.contacts.some((c) => c.link?.startsWith('tel:')))).toBe(true);
    expect(index.places.some((p) => p.promises.length > 0)).toBe(true);
    expect(index.places.some((p) => p.plans.length > 0)).toBe(true);
    expect(index.places.some((p) => p.goals.length > 0)).toBe(true);
  });

  for (const place of index.places) {
    it(`${place.key}: registry numbers with dates and staleness, promises with working clause links, goals`, () => {
      const route = placeRoutes.get(place.key)!;
      expect(route, `${place.key} is linked from /participate/`).toBeDefined();
      const tree = page(route);
      const words = text(tree);
      for (const c of place.contacts) {
        expect(words).toContain(c.value);
        const [y, m, d] = c.verified.split('-').map(Number);
        expect(words).toContain(`${y}年${m}月${d}日核实`);
      }
      const stale = place.contacts.filter((c) => c.stale).length;
      expect((words.match(/信息可能已过期：/g) ?? []).length).toBe(stale);
      for (const p of place.promises) {
        expect(words).toContain(collapsed(p.quote));
        expect(hrefs(tree)).toContain(p.href);
        expect(ids(page(`/plans/${p.planSlug}/`)).has(p.blockId), p.href).toBe(true);
      }
      for (const p of place.plans) expect(hrefs(tree)).toContain(`/plans/${p.slug}/`);

      const card = page(`${route}card/`);
      const cardWords = text(card);
      // The card prints on A4: its stylesheets (files, never inline: the site's CSP) say so.
      const sheets = $$(card, 'link[rel~="stylesheet"]').map((l) => readFileSync(`${DIST}${attr(l, 'href')}`, 'utf8'));
      expect(sheets.length).toBeGreaterThan(0);
      expect(sheets.join('\n')).toMatch(/@page\s*\{\s*size:\s*A4/);
      for (const c of place.contacts.filter((x) => x.link?.startsWith('tel:'))) expect(cardWords).toContain(c.value);
      if (place.goals.length) {
        const goalRows = $$(part(card, 'table.goals'), 'tr').length - 1;
        expect(goalRows).toBe(Math.min(place.goals.length, 6));
      }
      expect(cardWords).toContain(`${ORIGIN}${decodeURI(route)}`);
    });
  }
});

describe.each(slugs)('letter page of %s without JavaScript', (slug) => {
  const tree = page(`/participate/letter/${slug}/`);

  it('is a printable letter with blanks to fill in by hand', () => {
    const letter = part(tree, 'article.letter');
    for (const field of ['agency', 'name', 'idno', 'phone', 'address', 'info', 'signature', 'date']) {
      expect($(letter, `.blank[data-fill="${field}"]`), field).toBeDefined();
    }
    expect($(tree, 'form[data-letter-form][hidden]'), 'form[data-letter-form][hidden]').toBeDefined();
    expect(text(letter)).toContain('中华人民共和国政府信息公开条例');
  });

  it('cites a clause of the plan by its permanent link, whose anchor exists', () => {
    const letter = part(tree, 'article.letter');
    const link = hrefs(letter).find((h) => h.startsWith(`${ORIGIN}/plans/${slug}/`));
    expect(link, 'a link to the plan in the letter').toBeDefined();
    expect(text(letter)).toContain(link!);
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
    const box = part(page(`/themes/${id}/`), 'section.theme-actions');
    const advice = loadThemeActions(themes.map((t) => t.id)).get(id)!;
    expect(text(box)).toContain(collapsed(advice.intro));
    expect(advice.situations.length).toBeGreaterThan(0);
    for (const s of advice.situations) for (const n of s.numbers) expect(hrefs(box)).toContain(`tel:${n}`);
    const clauses = hrefs(box).filter((x) => x.startsWith('/plans/'));
    expect(clauses.length).toBeGreaterThan(0);
    for (const h of clauses) {
      const [path, anchor] = h.split('#');
      expect(ids(page(path!)).has(anchor!), h).toBe(true);
    }
  });
});

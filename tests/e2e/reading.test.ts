// Reading the built site as a person would, in Debian's Chromium: the home page, a plan (one
// with a cover notice and a table), a battle's theme page and a place page, at 375 px and
// 1280 px; following a cross-link from one place's 碧水 section to another place's; the 引用
// control's citation (from the clipboard and from the text it shows); axe after each interaction
// (axe on the pages as they load: tests/e2e/pages.test.ts).
// Screenshots: tests/.tmp/screens/reading-*.png. Skipped like tests/e2e/pages.test.ts when
// Chromium is missing (SKIP_BROWSER_TESTS=1 skips on purpose).

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanDocument, Section } from '../../src/pipeline/types.ts';
import { issuedLabel } from '../../src/utils/plan-labels.ts';
import { chromiumAvailable, formatViolations, launchBrowser, runAxe, type BrowserSession, SCREENSHOTS } from './browser.ts';
import { startServer, type StaticServer } from '../../scripts/lib/static-server.ts';
import { TEST_ORIGIN } from '../helpers/site-url.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = path.resolve(ROOT, process.env.E2E_DIST_DIR ?? 'dist');
const SCREENS = path.join(ROOT, 'tests', '.tmp', 'screens');
const SITE = TEST_ORIGIN;
const skip = process.env.SKIP_BROWSER_TESTS === '1' || !chromiumAvailable() || !existsSync(path.join(DIST, 'index.html'));

const DATA = path.join(ROOT, 'content', 'plan-data');
const docs = existsSync(DATA)
  ? new Map(readdirSync(DATA).filter((f) => f.endsWith('.json')).map((f) => [f.slice(0, -5), JSON.parse(readFileSync(path.join(DATA, f), 'utf8')) as PlanDocument]))
  : new Map<string, PlanDocument>();
const flat = (list: Section[]): Section[] => list.flatMap((s) => [s, ...flat(s.children)]);
const hasTheme = (doc: PlanDocument, theme: string) => flat(doc.sections).some((s) => s.role !== 'notice' && s.themes.includes(theme));

/** A plan to read: a dated one with a cover notice, a table with a caption, a list and 碧水 sections, the largest such. */
const planSlug = [...docs.entries()]
  .filter(([, d]) => d.meta.issued && d.sections.some((s) => s.role === 'notice') && flat(d.sections).some((s) => s.blocks.some((b) => b.kind === 'table' && b.caption))
    && flat(d.sections).some((s) => s.blocks.some((b) => b.kind === 'list')) && hasTheme(d, 'clear-water'))
  .sort((a, b) => flat(b[1].sections).length - flat(a[1].sections).length)[0]?.[0];
const plan = planSlug ? docs.get(planSlug)! : undefined;
const placeName = (d: PlanDocument | undefined) => d?.meta.jurisdiction?.name ?? null;

async function shoot(page: Page, name: string, width: number, fullPage = true): Promise<void> {
  await mkdir(SCREENS, { recursive: true });
  if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENS, `reading-${name}-${width}.png`), fullPage, animations: 'disabled' });
}

async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  const violations = await runAxe(page);
  expect(violations.map((v) => v.id), `axe on ${where}:\n${formatViolations(violations)}`).toEqual([]);
}

describe.skipIf(skip)('reading the site', () => {
  let server: StaticServer;
  let session: BrowserSession;

  beforeAll(async () => {
    server = await startServer(DIST);
    session = await launchBrowser();
    await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  const open = async (route: string, width: number): Promise<Page> => {
    const page = await session.newPage();
    await page.setViewportSize({ width, height: 900 });
    const res = await page.goto(server.url + encodeURI(route), { waitUntil: 'load' });
    expect(res?.status(), route).toBe(200);
    return page;
  };

  it('has a plan with a notice, a captioned table and 碧水 sections to read', () => {
    expect(planSlug).toBeDefined();
  });

  for (const width of [375, 1280]) {
    describe(`at ${width} px`, () => {
      it('home page: the four battles, places, latest plans, search and how to take part', async () => {
        const page = await open('/', width);
        try {
          for (const battle of ['blue-sky', 'clear-water', 'clean-soil', 'blue-sea']) {
            await expect.poll(() => page.locator(`main a[href="/themes/${battle}/"]`).count(), { timeout: 15_000 }).toBeGreaterThan(0);
          }
          expect(await page.locator('main form[action="/search/"] input[name="q"]').count()).toBe(1);
          // The list pages' rules come from lists.css, which the components import (plan pages
          // do without it): the search box is boxed, the battles are laid out as cards.
          const styled = await page.evaluate(() => {
            const box = document.querySelector('.home-search');
            const cards = document.querySelector('.cards');
            return { padding: box ? getComputedStyle(box).paddingTop : null, cards: cards ? getComputedStyle(cards).display : null };
          });
          expect(styled).toEqual({ padding: '16px', cards: 'grid' });
          expect(await page.locator('main a[href="/participate/"]').count()).toBeGreaterThan(0);
          expect(await page.locator('main a[href^="/places/"]').count()).toBeGreaterThan(0);
          expect(await page.locator('main a[href^="/plans/"]').count()).toBeGreaterThan(0);
          await shoot(page, 'home', width);
        } finally {
          await page.close();
        }
      });

      it('plan page: header, notice apart, contents at hand, table region, tags', async () => {
        const page = await open(`/plans/${planSlug}/`, width);
        try {
          const h1 = (await page.locator('h1').innerText()).trim();
          expect(h1.length).toBeGreaterThan(0);
          expect(await page.locator('.meta dt').allInnerTexts()).toEqual(expect.arrayContaining(['地区', '发布日期', '来源']));
          // The notice is a labelled part that comes before the plan's first heading.
          const notice = page.locator('section.part-notice');
          expect(await notice.count()).toBe(1);
          expect(await notice.locator('h2').innerText()).toContain('印发通知');
          const order = await page.evaluate(() => {
            const n = document.querySelector('section.part-notice');
            const first = document.querySelector('article section.plan-section h2');
            return n && first ? Boolean(n.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING) : false;
          });
          expect(order).toBe(true);
          // Contents: a sidebar that stays in view on a wide screen, folded on a phone.
          if (width >= 1024) {
            expect(await page.locator('nav.toc-side').isVisible()).toBe(true);
            expect(await page.locator('nav.toc-fold').isVisible()).toBe(false);
            await page.mouse.wheel(0, 4000);
            await page.waitForTimeout(100);
            const top = await page.locator('nav.toc-side').evaluate((n) => n.getBoundingClientRect().top);
            expect(top).toBeGreaterThanOrEqual(0);
            expect(top).toBeLessThan(50);
            await page.mouse.wheel(0, -4000);
          } else {
            expect(await page.locator('nav.toc-side').isVisible()).toBe(false);
            expect(await page.locator('nav.toc-fold summary').isVisible()).toBe(true);
            expect(await page.locator('nav.toc-fold details').getAttribute('open')).toBeNull();
          }
          // The table scrolls inside its own labelled, focusable region; the page does not widen.
          const region = page.locator('.table-wrap[role="region"]').first();
          expect(await region.getAttribute('aria-label')).toMatch(/^表格/);
          expect(await region.getAttribute('tabindex')).toBe('0');
          expect(await region.locator('caption').isVisible()).toBe(true);
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width + 1);
          expect(await page.locator('article .tags a[href="/themes/clear-water/"]').count()).toBeGreaterThan(0);
          // Every section's "#" is a target of at least 24 × 24 px (WCAG 2.2 target size, which
          // Lighthouse's mobile audit checks on the touch layout, where the links are always shown).
          const anchors = await page.locator('article .sec-head .anchor').evaluateAll((els) => els.map((e) => { const r = e.getBoundingClientRect(); return [r.width, r.height]; }));
          expect(anchors.length).toBeGreaterThan(5);
          for (const [w, h] of anchors) expect(Math.min(w!, h!)).toBeGreaterThanOrEqual(24);
          await shoot(page, 'plan-top', width, false);
          await region.scrollIntoViewIfNeeded();
          await shoot(page, 'plan-table', width, false);
        } finally {
          await page.close();
        }
      });

      it('theme page and place page: sections grouped by place, plans of a place', async () => {
        const page = await open('/themes/clear-water/', width);
        try {
          expect(await page.locator('h1').innerText()).toContain('碧水');
          expect(await page.locator(`.theme-sections a[href^="/plans/${planSlug}/#"]`).count()).toBeGreaterThan(0);
          expect(await page.locator('.theme-sections .theme-place').count()).toBeGreaterThan(1);
          await shoot(page, 'theme', width);
          // From the plan's place link to its place page.
          await page.goto(`${server.url}/plans/${planSlug}/`);
          const placeHref = await page.locator('.meta dd a[href^="/places/"]').last().getAttribute('href');
          expect(placeHref).toMatch(/^\/places\/[a-z0-9-]+\/$/);
          await page.goto(server.url + placeHref!);
          expect(await page.locator('h1').innerText()).toBe(placeName(plan));
          // Listed once among the place's plans (an update about it may link to it too).
          expect(await page.locator(`main .plan-list a[href="/plans/${planSlug}/"]`).count()).toBe(1);
          await shoot(page, 'place', width);
        } finally {
          await page.close();
        }
      });
    });
  }

  it('follows a cross-link from one place’s 碧水 section to another place’s', async () => {
    const page = await open(`/plans/${planSlug}/`, 1280);
    try {
      const group = page.locator('.same-group[data-theme="clear-water"]').first();
      const box = group.locator('xpath=ancestor::details');
      await box.locator('summary').click();
      const hrefs = await group.locator('a[href^="/plans/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
      const elsewhere = hrefs.find((h) => {
        const slug = /^\/plans\/([^/]+)\//.exec(h)?.[1] ?? '';
        return slug !== planSlug && placeName(docs.get(slug)) && placeName(docs.get(slug)) !== placeName(plan);
      });
      expect(elsewhere, `a 碧水 link to another place among ${hrefs.join(' ')}`).toBeDefined();
      await expectNoAxeViolations(page, 'plan with the cross-links open');
      await group.locator(`a[href="${elsewhere}"]`).click();
      await page.waitForURL((u) => u.pathname + u.hash === elsewhere);
      const id = decodeURIComponent(elsewhere!.split('#')[1]!);
      const target = page.locator(`[id="${id}"]`);
      expect(await target.isVisible()).toBe(true);
      // The section landed on is a 碧水 section: it carries the tag (it is where the theme starts).
      const tagged = await target.evaluate((el) => {
        const section = el.closest('section, aside');
        return Boolean(section?.querySelector(':scope > .tags a[href="/themes/clear-water/"]'));
      });
      expect(tagged).toBe(true);
      const inView = await target.evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; });
      expect(inView).toBe(true);
    } finally {
      await page.close();
    }
  });

  it('copies a citation: 《title》, section path, permanent link and date', async () => {
    const page = await open(`/plans/${planSlug}/`, 1280);
    try {
      // A section two levels down, so that the path has more than one heading.
      const deep = flat(plan!.sections).find((s) => !s.role && s.level >= 2 && s.number && s.heading)!;
      const button = page.locator(`.sec-head:has([id="${deep.id}"]) button.cite`);
      expect(await button.count()).toBe(1);
      await button.focus();
      expect(await button.evaluate((b) => getComputedStyle(b).opacity)).toBe('1');
      await button.click();
      const shown = page.locator('.cite-box output');
      await shown.waitFor();
      const text = (await shown.innerText()).trim();
      const clip = await page.evaluate(() => navigator.clipboard.readText());
      expect(clip).toBe(text);
      expect(await page.locator('.cite-box p').innerText()).toContain('已复制');
      const title = plan!.meta.title!;
      expect(text).toContain(`《${title}》`);
      expect(text).toContain(issuedLabel(plan!.meta.issued)!);
      expect(text).toContain(`${SITE}/plans/${planSlug}/#${deep.id}`);
      // The path: the section's own heading and the heading it sits under.
      const path = await page.locator(`[id="${deep.id}"]`).evaluate((h) => {
        const out: string[] = [];
        for (let s = h.closest('section'); s; s = s.parentElement?.closest('section') ?? null) {
          const head = s.querySelector(':scope > .sec-head > :is(h2,h3,h4,h5,h6)');
          if (head) out.unshift(head.textContent!.trim());
        }
        return out;
      });
      expect(path.length).toBeGreaterThan(1);
      expect(text).toContain(path.join(' › '));
      await expectNoAxeViolations(page, 'plan with the citation shown');
      await shoot(page, 'plan-cite', 1280, false);
    } finally {
      await page.close();
    }
  });

  it('keeps AA contrast in dark mode (prefers-color-scheme: dark)', async () => {
    for (const [route, width] of [[`/plans/${planSlug}/`, 375], ['/themes/clear-water/', 1280], ['/', 1280]] as const) {
      const page = await session.newPage();
      try {
        await page.emulateMedia({ colorScheme: 'dark' });
        await page.setViewportSize({ width, height: 900 });
        await page.goto(server.url + route);
        const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
        // Dark, not merely "not white": a page whose stylesheet failed has a transparent body.
        const channels = /^rgb\((\d+), (\d+), (\d+)\)$/.exec(bg)?.slice(1).map(Number);
        expect(channels, `the dark palette applies (background ${bg})`).toBeDefined();
        expect(Math.max(...channels!), `the dark palette applies (background ${bg})`).toBeLessThan(64);
        await expectNoAxeViolations(page, `${route} @ ${width} dark`);
        await shoot(page, `dark-${route === '/' ? 'home' : route.split('/')[1]}`, width, false);
      } finally {
        await page.close();
      }
    }
  });

  it('without JavaScript every heading keeps its "#" link and every block its id, and no 引用 button is there', async () => {
    const noJs = await launchBrowser({ javaScriptEnabled: false });
    try {
      const page = await noJs.newPage();
      await page.goto(`${server.url}/plans/${planSlug}/`);
      expect(await page.locator('button.cite').count()).toBe(0);
      const headed = flat(plan!.sections).filter((s) => s.role !== 'signature' && (s.number || s.heading));
      const anchors = await page.locator('article .sec-head a.anchor').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(anchors.sort()).toEqual(headed.map((s) => `#${s.id}`).sort());
      const blocks = flat(plan!.sections).flatMap((s) => s.blocks.map((b) => b.id));
      const present = await page.evaluate((ids) => ids.filter((id) => document.getElementById(id)?.classList.contains('block')).length, blocks);
      expect(present).toBe(blocks.length);
      expect(await page.locator('nav.toc-side a[href^="#"]').count()).toBeGreaterThan(0);
    } finally {
      await noJs.close();
    }
  });

  it('with JavaScript every block gets its "#" link and 引用 button, shown on focus', async () => {
    const page = await open(`/plans/${planSlug}/`, 1280);
    try {
      const blocks = flat(plan!.sections).flatMap((s) => s.blocks.map((b) => b.id));
      const linked = await page.evaluate((ids) => ids.filter((id) => {
        // At the end of the block's text: in the block itself, its last list item or last paragraph.
        const a = document.querySelector(`[id="${id}"] a.anchor[href="#${CSS.escape(id)}"]`);
        return a?.getAttribute('href') === `#${id}` && a.getAttribute('aria-label') && a.nextElementSibling?.matches('button.cite');
      }).length, blocks);
      expect(linked).toBe(blocks.length);
      const block = page.locator(`[id="${blocks[Math.floor(blocks.length / 2)]}"]`);
      const anchor = block.locator('a.anchor');
      expect(await anchor.evaluate((a) => getComputedStyle(a).opacity)).toBe('0');
      await anchor.focus();
      expect(await anchor.evaluate((a) => getComputedStyle(a).opacity)).toBe('1');
      await expectNoAxeViolations(page, 'plan with a block link focused');
      // A list block's link ends its last item, so that on a phone it opens no line of its own.
      const list = await page.evaluate(() => {
        const b = document.querySelector('article div.block-list');
        const a = b?.querySelector('a.anchor');
        return { inLastItem: Boolean(b) && a?.parentElement === b?.querySelector('li:last-child') };
      });
      expect(list.inLastItem).toBe(true);
    } finally {
      await page.close();
    }
  });
});

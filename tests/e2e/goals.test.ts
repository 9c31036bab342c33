// The goals pages (issue 7) in Debian's Chromium: /goals/, an indicator page with its chart and a
// plan's goals summary (axe and overflow at 375 px and 1280 px: tests/e2e/pages.test.ts, over pages
// that show every part of these templates).
//   - the chart is an SVG image named by its <title> and described by its <desc>, drawn without
//     JavaScript, with the data table as its alternative, the same goals in the same order;
//   - the place × indicator table scrolls inside its labelled region, which takes keyboard focus;
//   - the plan page's goals summary comes before the plan's text and links to the clauses.
//
// Skipped when SKIP_BROWSER_TESTS=1 or /usr/bin/chromium is missing (as tests/e2e/pages.test.ts).

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchBrowser, type BrowserSession } from './browser.ts';
import { startServer, type StaticServer } from '../../scripts/lib/static-server.ts';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = path.resolve(REPO_ROOT, process.env.E2E_DIST_DIR ?? 'dist');
const skip = process.env.SKIP_BROWSER_TESTS === '1' || !chromiumAvailable();

describe.skipIf(skip)('goals pages in Chromium', () => {
  let server: StaticServer;
  let session: BrowserSession;
  let noScript: BrowserSession;

  beforeAll(async () => {
    server = await startServer(DIST);
    session = await launchBrowser();
    noScript = await launchBrowser({ javaScriptEnabled: false });
  });

  afterAll(async () => {
    await session?.close();
    await noScript?.close();
    await server?.close();
  });

  async function open(route: string, width: number, s: BrowserSession = session): Promise<Page> {
    const page = await s.newPage();
    await page.setViewportSize({ width, height: 900 });
    const res = await page.goto(server.url + route);
    expect(res?.status(), route).toBe(200);
    return page;
  }

  it('draws the PM2.5 chart without JavaScript as a named, described image, with the table as its alternative', async () => {
    const page = await open('/goals/air.pm25/', 375, noScript);
    try {
      const chart = page.locator('svg.chart');
      await expect.poll(() => chart.isVisible()).toBe(true);
      expect(await chart.getAttribute('role')).toBe('img');
      const [titleId, descId] = (await chart.getAttribute('aria-labelledby'))!.split(' ');
      const title = await page.locator(`svg.chart title#${titleId}`).textContent();
      const desc = await page.locator(`svg.chart desc#${descId}`).textContent();
      expect(title).toContain('细颗粒物');
      expect(desc).toContain('见图下的表格');
      // The chart fits the phone: its width is the page's, its text keeps a readable size.
      const box = (await chart.boundingBox())!;
      expect(box.width).toBeLessThanOrEqual(375);
      const fontSize = await page.locator('svg.chart text.label').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      expect(fontSize).toBeGreaterThanOrEqual(13);
      // One dot per level goal, in the table's order.
      const labels = await page.locator('svg.chart text.label').allTextContents();
      const rows = await page.locator('#goal-table tbody tr').evaluateAll((trs) => trs.map((tr) => tr.querySelector('th')!.textContent!.trim()));
      expect(await page.locator('svg.chart circle.target').count()).toBe(labels.length);
      expect(labels.length).toBeGreaterThan(0);
      expect(rows.length).toBeGreaterThanOrEqual(labels.length);
      labels.forEach((label, i) => expect(rows[i]!.startsWith(label.split(' ')[0]!)).toBe(true));
      // The caption points to the table, which has a caption of its own.
      await page.locator('figcaption a[href="#goal-table"]').click();
      expect(await page.locator('#goal-table caption').textContent()).toContain('各规划的目标');
    } finally {
      await page.close();
    }
  });

  it('shows the reported value beside the target where a goal was judged (普陀区 sponge city, 2025)', async () => {
    const page = await open('/goals/sponge.area-share/', 1280);
    try {
      expect(await page.locator('svg.chart rect.actual').count()).toBeGreaterThan(0);
      const judged = page.locator('#goal-table .badge-met, #goal-table .badge-not-met');
      expect(await judged.count()).toBeGreaterThan(0);
      const source = page.locator('#goal-table .goal-status a').first();
      await source.click();
      await page.waitForURL(/\/plans\/[^/]+\/#b-/);
      const target = await page.evaluate(() => decodeURIComponent(location.hash.slice(1)));
      expect(await page.locator(`[id="${target}"]`).count()).toBe(1);
    } finally {
      await page.close();
    }
  });

  it('scrolls the place × indicator table inside its labelled region on a phone, and the region takes focus', async () => {
    // Shanghai's province page has the widest table of the published plans (/goals/ links to one page per province).
    const page = await open('/goals/places/shanghai/', 375);
    try {
      const region = page.locator('.matrix-wrap').first();
      const { scroll, client } = await region.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
      expect(scroll).toBeGreaterThan(client);
      const label = await region.getAttribute('aria-labelledby');
      expect(await page.locator(`[id="${label}"]`).textContent()).toMatch(/个地区 × \d+ 个指标/);
      await region.focus();
      expect(await page.evaluate(() => document.activeElement?.classList.contains('matrix-wrap'))).toBe(true);
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
      // The same goals, listed by place, need no sideways scrolling.
      expect(await page.locator('#by-place ~ section.place-goals li').count()).toBeGreaterThan(0);
    } finally {
      await page.close();
    }
  });

  it('puts the plan’s goals summary before its text, each comparable goal linking to its clause', async () => {
    const page = await open('/plans/xuchang-2018-yijian/', 375, noScript);
    try {
      const box = page.locator('section.goals-box');
      const boxTop = (await box.boundingBox())!.y;
      const textTop = (await page.locator('article.plan-body').boundingBox())!.y;
      expect(boxTop).toBeLessThan(textTop);
      const pm = box.locator('a[href="/goals/air.pm25/"]').first();
      expect(await pm.textContent()).toContain('PM2.5');
      const clause = box.locator('table.goal-table tbody td a[href^="/plans/xuchang-2018-yijian/#"]').first();
      const href = (await clause.getAttribute('href'))!;
      await clause.click();
      await page.waitForURL((u) => u.hash === href.slice(href.indexOf('#')));
      expect(await page.locator(`[id="${href.slice(href.indexOf('#') + 1)}"]`).isVisible()).toBe(true);
    } finally {
      await page.close();
    }
  });
});

// The participation pages (issue 8) in Debian's Chromium, as a reader uses them:
//   - (axe, overflow and requests elsewhere on /participate/, place, card and letter pages at 375
//     and 1280 px: tests/e2e/pages.test.ts, over pages that show every part of these templates);
//   - place cards printed (print media, A4) fit one page and show their essentials, with the
//     site's header and footer left off paper: the largest card (the one most likely to run onto
//     a second page) and those that together show every part of the card template (sample.ts;
//     E2E_ALL_PAGES=1 prints every card);
//   - the information-request letter without JavaScript: a printable page with blanks and the
//     clause link, the form hidden; with JavaScript: typing and choosing fill the letter.
// Screenshots: tests/.tmp/screens/participate-*.png (375, 1280 and the printed card).
//
// Skipped like the other browser tests when SKIP_BROWSER_TESTS=1 or Chromium is missing.

import { existsSync, readdirSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchBrowser, type BrowserSession, SCREENSHOTS } from './browser.ts';
import { startServer, type StaticServer } from '../../scripts/lib/static-server.ts';
import { coverSample } from './sample.ts';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = path.resolve(REPO_ROOT, process.env.E2E_DIST_DIR ?? 'dist');
const SCREENS = path.join(REPO_ROOT, 'tests', '.tmp', 'screens');
const skip = process.env.SKIP_BROWSER_TESTS === '1' || !chromiumAvailable();

/** Place routes (/participate/<slug>/) found in dist: every folder with an index.html and a card/. */
const placeRoutes = existsSync(path.join(DIST, 'participate'))
  ? readdirSync(path.join(DIST, 'participate'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(DIST, 'participate', d.name, 'card', 'index.html')))
    .map((d) => `/participate/${encodeURIComponent(d.name)}/`)
    .sort()
  : [];
const letterRoutes = existsSync(path.join(DIST, 'participate', 'letter'))
  ? readdirSync(path.join(DIST, 'participate', 'letter'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => `/participate/letter/${d.name}/`).sort()
  : [];
/** The letter of the first plan in name order (any plan has sections to pick from). */
const letterRoute = letterRoutes[0] ?? '/participate/letter/';
const shotName = (route: string) => `participate${decodeURIComponent(route).replace(/^\/participate/, '').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/-$/, '')}`;

/** Pages in a PDF made by Chromium (one "/Type /Page" object per page; "/Pages" is the tree). */
function pdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

describe.skipIf(skip)('participation pages in Chromium', () => {
  let server: StaticServer;
  let session: BrowserSession;

  beforeAll(async () => {
    await mkdir(SCREENS, { recursive: true });
    server = await startServer(DIST);
    session = await launchBrowser();
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('finds the participation pages in dist/', () => {
    expect(existsSync(path.join(DIST, 'participate', 'index.html')), `${DIST}/participate/index.html`).toBe(true);
    expect(placeRoutes.length, 'place pages with cards').toBeGreaterThan(0);
    expect(letterRoutes.length, 'letter pages').toBeGreaterThan(0);
  });

  it('/participate/: the five ways to take part are headings, and every place link opens', async () => {
    const page = await session.newPage();
    try {
      await page.goto(`${server.url}/participate/`);
      const headings = await page.locator('h2').allInnerTexts();
      for (const h of ['反映污染问题', '申请公开信息', '对规划和项目提意见', '参观环保设施', '当监督员和志愿者', '各地的参与渠道']) expect(headings).toContain(h);
      expect(await page.locator('a[href="tel:12369"]').first().isVisible()).toBe(true);
      const links = await page.locator('#places ~ * a, #places ~ ul a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')!));
      const places = [...new Set(links.filter((h) => h.startsWith('/participate/') && !h.endsWith('/card/')))];
      expect(places.sort()).toEqual(placeRoutes);
      for (const href of places) {
        const res = await page.request.get(server.url + href);
        expect(res.status(), href).toBe(200);
      }
    } finally {
      await page.close();
    }
  });

  it('prints a PDF page counter that can tell one page from several', async () => {
    const page = await session.newPage();
    try {
      await page.goto(`${server.url}/participate/`);
      await page.emulateMedia({ media: 'print' });
      expect(pdfPages(await page.pdf({ format: 'A4' }))).toBeGreaterThan(1);
    } finally {
      await page.close();
    }
  });

  const printed = coverSample(placeRoutes, (route) => path.join(DIST, decodeURIComponent(route), 'card', 'index.html'));
  for (const route of printed) {
    it(`${decodeURIComponent(route)}card/ printed: one A4 page with the numbers, goals and promises, no site chrome`, async () => {
      const page = await session.newPage();
      try {
        await page.setViewportSize({ width: 794, height: 1123 });
        await page.goto(`${server.url}${route}card/`);
        await page.emulateMedia({ media: 'print' });
        const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
        expect(pdfPages(pdf), 'pages when printed on A4').toBe(1);
        const shown = await page.evaluate(() => {
          const visible = (sel: string) => [...document.querySelectorAll(sel)].some((e) => e.getBoundingClientRect().height > 0 && getComputedStyle(e).display !== 'none');
          return {
            header: visible('.site-header'), footer: visible('.site-footer'),
            title: document.querySelector('h1')?.textContent ?? '',
            phones: [...document.querySelectorAll('.phones li')].map((e) => e.textContent ?? ''),
            sections: [...document.querySelectorAll('.card h2')].map((e) => e.textContent ?? ''),
            url: document.querySelector('.card footer .url')?.textContent ?? '',
          };
        });
        expect(shown.header || shown.footer, 'site header and footer are left off paper').toBe(false);
        expect(shown.title).toMatch(/环境目标和参与渠道/);
        expect(shown.phones.join(' ')).toMatch(/12369/);
        expect(shown.sections).toEqual(['发现污染，打这些电话', '规划定下的主要目标', '规划承诺的参与方式']);
        expect(shown.url).toContain(decodeURIComponent(route));
        if (SCREENSHOTS && route === printed[0]) await page.screenshot({ path: path.join(SCREENS, `${shotName(route)}-card-print.png`), fullPage: true });
      } finally {
        await page.close();
      }
    });
  }

  describe('the information-request letter', () => {
    let noJs: BrowserSession;
    beforeAll(async () => {
      noJs = await launchBrowser({ javaScriptEnabled: false });
    });
    afterAll(async () => {
      await noJs?.close();
    });

    it('without JavaScript: a printable page with blanks and the clause link, no form', async () => {
      const page = await noJs.newPage();
      try {
        await page.goto(server.url + letterRoute);
        expect(await page.locator('form[data-letter-form]').isVisible()).toBe(false);
        expect(await page.locator('article.letter').isVisible()).toBe(true);
        expect(await page.locator('article.letter .blank').count()).toBeGreaterThanOrEqual(8);
        const link = page.locator('article.letter a[data-fill-clause="url"]');
        const href = (await link.getAttribute('href'))!;
        expect(href).toMatch(/^https?:\/\/[^/]+\/plans\/[a-z0-9-]+\/#[a-z][a-z0-9-]*$/);
        expect(await link.innerText()).toBe(href);
        // The clause exists on the plan page.
        const target = new URL(href);
        const plan = await noJs.newPage();
        await plan.goto(server.url + target.pathname);
        expect(await plan.locator(`[id="${target.hash.slice(1)}"]`).count()).toBe(1);
        await plan.close();
        await page.emulateMedia({ media: 'print' });
        expect(await page.locator('.site-header').isVisible()).toBe(false);
        expect(await page.locator('article.letter').isVisible()).toBe(true);
        if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENS, 'participate-letter-nojs-print.png'), fullPage: true });
      } finally {
        await page.close();
      }
    });

    it('with JavaScript: the form fills the letter, and ?clause= picks the clause', async () => {
      const page: Page = await session.newPage();
      try {
        await page.goto(server.url + letterRoute);
        await expect.poll(() => page.locator('form[data-letter-form]').isVisible()).toBe(true);
        await page.fill('#lf-name', '张三');
        await page.fill('#lf-agency', '某市生态环境局');
        await page.fill('#lf-info', '2024年全市重点排污单位名录');
        await page.check('input[name="delivery"][value="email"]');
        const letter = page.locator('article.letter');
        await expect.poll(() => letter.innerText()).toContain('张三');
        const text = await letter.innerText();
        expect(text).toContain('某市生态环境局');
        expect(text).toContain('2024年全市重点排污单位名录');
        expect(text).toMatch(/☑\s*电子邮件/);
        expect(text).toMatch(/□\s*邮寄纸质文本/);

        const options = await page.locator('#lf-clause option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
        expect(options.length).toBeGreaterThan(1);
        const other = options.at(-1)!;
        await page.selectOption('#lf-clause', other);
        await expect.poll(() => page.locator('a[data-fill-clause="url"]').getAttribute('href')).toMatch(new RegExp(`#${other}$`));
        // Clearing a field gives the blank back.
        await page.fill('#lf-name', '');
        await expect.poll(() => page.locator('[data-fill="name"]').innerText()).not.toContain('张三');
        if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENS, 'participate-letter-js-1280.png'), fullPage: true });

        await page.goto(`${server.url}${letterRoute}?clause=${other}`);
        await expect.poll(() => page.locator('#lf-clause').inputValue()).toBe(other);
        expect(await page.locator('a[data-fill-clause="url"]').getAttribute('href')).toMatch(new RegExp(`#${other}$`));
      } finally {
        await page.close();
      }
    });
  });
});

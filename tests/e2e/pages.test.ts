// Drives Debian's Chromium over the built site (`dist/`, built by the `site` project's
// globalSetup) and checks, of every kind of page (plan, theme, place, indicator, card, letter,
// filter page …), the pages that together show every part of that kind's template
// (tests/e2e/sample.ts; E2E_ALL_PAGES=1 checks them all), at 375 px and 1280 px. This is the one
// sweep of axe and overflow over the site; the other browser files check behaviour and states
// (dark mode, print, open panels). The HTML tests in tests/site/ read every page:
//   - no axe-core violations (WCAG 2.0/2.1/2.2 A + AA and axe best practices, as Lighthouse),
//   - no horizontal overflow at 375 px,
//   - <html lang="zh-CN">,
//   - no requests to any host other than 127.0.0.1,
//   - no web fonts (no font downloads, no @font-face with url()).
// Full-page screenshots go to tests/.tmp/screens/<slug-or-index>-<width>.png, for a person to look
// at (E2E_SCREENSHOTS=0 leaves them out: they take a third of this file's time).
// Pages are inspected E2E_CONCURRENCY (default 2) at a time, each in a tab of its own.
// Plus: the sampled plan pages work with JavaScript disabled (h1 + TOC links whose targets exist).
//
// Skipped when SKIP_BROWSER_TESTS=1 or /usr/bin/chromium is missing; on CI (CI=true) a
// missing Chromium is a failure instead. E2E_DIST_DIR overrides the directory served.

import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import type { Result } from 'axe-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHROMIUM_PATH,
  chromiumAvailable,
  findOverflowingElements,
  findWebFontFaces,
  formatViolations,
  isFontResponse,
  isLocalUrl,
  launchBrowser,
  runAxe,
  SCREENSHOTS,
  type BrowserSession,
} from './browser.ts';
import { startServer, type StaticServer } from '../../scripts/lib/static-server.ts';
import { ALL_PAGES, coverSample, filePartsOf } from './sample.ts';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = path.resolve(REPO_ROOT, process.env.E2E_DIST_DIR ?? 'dist');
const SCREENS = path.join(REPO_ROOT, 'tests', '.tmp', 'screens');
const WIDTHS = [375, 1280] as const;
const MOBILE = 375;
const CONCURRENCY = Math.max(1, Number(process.env.E2E_CONCURRENCY ?? 2) || 1);
import { INSTALL_COMMAND } from '../../scripts/ensure-chromium.ts';

const skipRequested = process.env.SKIP_BROWSER_TESTS === '1';
const chromiumMissing = !chromiumAvailable();
const onCI = /^(true|1)$/i.test(process.env.CI ?? '');
const mustFailForMissingChromium = !skipRequested && chromiumMissing && onCI;
const skip = skipRequested || chromiumMissing;

if (skip && !mustFailForMissingChromium) {
  console.warn(
    skipRequested
      ? '[e2e] SKIP_BROWSER_TESTS=1: browser tests skipped.'
      : `[e2e] ${CHROMIUM_PATH} not found: browser tests skipped. 安装 / install: ${INSTALL_COMMAND}`,
  );
}

interface SitePage {
  /** URL path, always with a trailing slash (Astro `trailingSlash: 'always'`), e.g. `/plans/x/`. */
  route: string;
  /** Screenshot base name: `index`, the plan slug, or the other path's segments joined with `-`. */
  name: string;
  isPlan: boolean;
}

function discoverPages(dist: string): SitePage[] {
  if (!existsSync(dist) || !statSync(dist).isDirectory()) return [];
  const files = readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => f === 'index.html' || f.endsWith('/index.html'))
    .filter((f) => !f.startsWith('_astro/') && !f.startsWith('pagefind/'))
    .sort();
  const pages = files.map((f): SitePage => {
    const dir = f.slice(0, -'index.html'.length); // '' or 'plans/x/'
    const route = `/${dir}`;
    const segments = dir.split('/').filter(Boolean);
    const isPlan = segments.length === 2 && segments[0] === 'plans';
    const name = segments.length === 0 ? 'index' : isPlan ? segments[1]! : segments.join('-');
    return { route, name: name.replace(/[^\p{L}\p{N}._-]+/gu, '_'), isPlan };
  });
  // Disambiguate screenshot names if two routes collapse to the same name.
  const seen = new Map<string, number>();
  for (const p of pages) {
    const n = seen.get(p.name) ?? 0;
    seen.set(p.name, n + 1);
    if (n > 0) p.name = `${p.name}~${n}`;
  }
  return pages;
}

/**
 * Pages of each kind that together show every part of that kind's template (sample.ts). A kind is
 * the first path segment and the depth (/themes/<id>/, /places/<slug>/, /plans/kind/<value>/ …),
 * or for a page under a plan its last segment (/plans/<slug>/notes/). So the plan pages with a
 * table, a goal list, a history …, the indicator page with a chart, the letter page and the card
 * are each opened, and a few pages stand for the rest (30 of 235 at the time of writing).
 */
function sample(all: SitePage[], dist: string): SitePage[] {
  if (ALL_PAGES) return all;
  const plans = new Set(all.filter((p) => p.isPlan).map((p) => p.route.split('/')[2]));
  const kinds = new Map<string, SitePage[]>();
  for (const p of all) {
    const segments = p.route.split('/').filter(Boolean);
    // A page under a plan (/plans/<slug>/notes/) is a kind of its own, not a filter page (/plans/kind/<value>/).
    const underPlan = segments[0] === 'plans' && segments.length === 3 && plans.has(segments[1]);
    const kind = underPlan ? `plans/<slug>/${segments[2]}` : `${segments[0] ?? ''}/${segments.length}`;
    kinds.set(kind, [...(kinds.get(kind) ?? []), p]);
  }
  const chosen = new Set([...kinds.values()].flatMap((ps) => coverSample(ps, (p) => pageFile(dist, p))));
  return all.filter((p) => chosen.has(p));
}

const pageFile = (dist: string, p: SitePage): string => path.join(dist, p.route, 'index.html');

const pages = skip ? [] : sample(discoverPages(DIST), DIST);
const planPages = pages.filter((p) => p.isPlan);

/** Encodes each path segment (plan slugs may be Chinese). */
function urlFor(base: string, route: string): string {
  return base + route.split('/').map(encodeURIComponent).join('/');
}

interface PageReport {
  lang: string | null;
  scrollWidth: number;
  overflowing: string[];
  violations: Result[];
  thirdParty: string[];
  fontResponses: string[];
  fontFaces: string[];
  httpErrors: string[];
  /** Errors the page logged or threw: a refused script or style (Content-Security-Policy), a script error. */
  consoleErrors: string[];
}

async function inspect(session: BrowserSession, url: string, width: number, screenshot: string): Promise<PageReport> {
  const page: Page = await session.newPage();
  const thirdParty: string[] = [];
  const fontResponses: string[] = [];
  const httpErrors: string[] = [];
  const consoleErrors: string[] = [];
  page.on('console', (msg) => { if (msg.type() === 'error') consoleErrors.push(msg.text()); });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  page.on('request', (req) => {
    if (!isLocalUrl(req.url())) thirdParty.push(`${req.resourceType()} ${req.url()}`);
  });
  page.on('response', (res) => {
    const req = res.request();
    if (isFontResponse(res.url(), req.resourceType(), res.headers()['content-type'])) {
      fontResponses.push(`${res.status()} ${res.url()}`);
    }
    if (res.status() >= 400 && isLocalUrl(res.url())) httpErrors.push(`${res.status()} ${res.url()}`);
  });
  page.on('requestfailed', (req) => {
    if (req.resourceType() === 'font') fontResponses.push(`failed ${req.url()}`);
  });
  const blockedBefore = session.blocked.length;
  try {
    await page.setViewportSize({ width, height: 800 });
    const res = await page.goto(url, { waitUntil: 'load' });
    expect(res?.status(), `HTTP status of ${url}`).toBe(200);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));

    const { lang, scrollWidth } = await page.evaluate(() => ({
      lang: document.documentElement.getAttribute('lang'),
      scrollWidth: document.documentElement.scrollWidth,
    }));
    const overflowing = width === MOBILE && scrollWidth > MOBILE + 1 ? await findOverflowingElements(page, MOBILE) : [];
    const fontFaces = await findWebFontFaces(page);
    const violations = await runAxe(page);

    await mkdir(path.dirname(screenshot), { recursive: true });
    if (SCREENSHOTS) await page.screenshot({ path: screenshot, fullPage: true, animations: 'disabled' });

    for (const b of session.blocked.slice(blockedBefore)) {
      const line = `${b.resourceType} ${b.url}`;
      if (!thirdParty.includes(line)) thirdParty.push(line);
    }
    return { lang, scrollWidth, overflowing, violations, thirdParty, fontResponses, fontFaces, httpErrors, consoleErrors };
  } finally {
    await page.close();
  }
}

describe.runIf(mustFailForMissingChromium)('browser test prerequisites (CI)', () => {
  it('Chromium is installed', () => {
    throw new Error(
      `Chromium is required on CI but ${CHROMIUM_PATH} is missing. 需要安装 Chromium：\n    ${INSTALL_COMMAND}\n` +
        `(or run \`node scripts/ensure-chromium.ts\` as root; set SKIP_BROWSER_TESTS=1 to skip deliberately)`,
    );
  });
});

describe.skipIf(skip)('built site in Chromium', () => {
  let server: StaticServer;
  let session: BrowserSession;

  beforeAll(async () => {
    server = await startServer(DIST);
    session = await launchBrowser();
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('opens pages that show every part any page of the site shows', () => {
    const all = discoverPages(DIST);
    const union = (ps: SitePage[]) => new Set(ps.flatMap((p) => [...filePartsOf(pageFile(DIST, p))]));
    const opened = union(pages);
    const missing = [...union(all)].filter((part) => !opened.has(part));
    expect(opened.size, 'parts of the opened pages').toBeGreaterThan(0);
    expect(missing, 'template parts no opened page shows').toEqual([]);
  });

  it('runs axe that reports what it should: an image with no text, pale grey on white, a page under its own CSP', async () => {
    // A page of the site with faults put in, so the strict CSP is in force as on every page.
    const page = await session.newPage();
    try {
      await page.goto(urlFor(server.url, '/'), { waitUntil: 'load' });
      await page.evaluate(() => {
        const main = document.querySelector('main')!;
        main.insertAdjacentHTML('afterbegin', '<img src="/favicon.svg"><p class="axe-probe">浅灰色的字</p>');
        (main.querySelector('.axe-probe') as HTMLElement).style.color = '#ddd';
      });
      const ids = (await runAxe(page)).map((v) => v.id);
      expect(ids).toContain('image-alt');
      expect(ids).toContain('color-contrast');
      // A second run on the same page uses the axe already there.
      expect((await runAxe(page)).map((v) => v.id)).toEqual(ids);
    } finally {
      await page.close();
    }
  });

  it('finds the home page and at least one plan page in dist/', () => {
    const routes = pages.map((p) => p.route);
    expect(routes, `no ${DIST}/index.html — did the site build run?`).toContain('/');
    expect(planPages.length, `no ${DIST}/plans/<slug>/index.html pages`).toBeGreaterThan(0);
  });

  // Every page at every width, a few at a time; the tests below read the reports.
  const reports = new Map<string, PageReport | Error>();
  const key = (p: SitePage, width: number) => `${p.route} ${width}`;
  beforeAll(async () => {
    const jobs = pages.flatMap((p) => WIDTHS.map((width) => ({ p, width })));
    const worker = async () => {
      for (let job = jobs.shift(); job; job = jobs.shift()) {
        const { p, width } = job;
        // A page that fails to load fails its own tests below, not the others'.
        const report = await inspect(session, urlFor(server.url, p.route), width, path.join(SCREENS, `${p.name}-${width}.png`))
          .catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
        reports.set(key(p, width), report);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  }, 900_000);

  for (const p of pages) {
    for (const width of WIDTHS) {
      describe(`${p.route} @ ${width}px`, () => {
        let report: PageReport;

        beforeAll(() => {
          const got = reports.get(key(p, width));
          if (!got) throw new Error(`${p.route} @ ${width}px was not inspected`);
          if (got instanceof Error) throw got;
          report = got;
        });

        it('has no axe violations (WCAG 2.x A/AA and best practices)', () => {
          // Compare ids only so the diff stays short; the message carries the readable details.
          expect(
            report.violations.map((v) => v.id),
            `axe violations on ${p.route} @ ${width}px:\n${formatViolations(report.violations)}\n`,
          ).toEqual([]);
        });

        if (width === MOBILE) {
          it(`does not overflow horizontally at ${MOBILE}px`, () => {
            expect(
              report.scrollWidth,
              `scrollWidth ${report.scrollWidth} > ${MOBILE}; elements sticking out:\n${report.overflowing.join('\n') || '(none found)'}`,
            ).toBeLessThanOrEqual(MOBILE + 1);
          });
        }

        it('logs no error: nothing refused by the Content-Security-Policy, no script error, no missing file', () => {
          expect(report.consoleErrors).toEqual([]);
        });

        it('declares <html lang="zh-CN">', () => {
          expect(report.lang).toBe('zh-CN');
        });

        it('makes no requests to hosts other than 127.0.0.1', () => {
          expect(report.thirdParty, `third-party requests (blocked):\n${report.thirdParty.join('\n')}`).toEqual([]);
        });

        it('loads no web fonts', () => {
          expect(report.fontResponses, `font downloads:\n${report.fontResponses.join('\n')}`).toEqual([]);
          expect(report.fontFaces, `@font-face rules with url():\n${report.fontFaces.join('\n')}`).toEqual([]);
        });

        it('requests no missing local resources (no 4xx/5xx)', () => {
          expect(report.httpErrors, `failed local requests:\n${report.httpErrors.join('\n')}`).toEqual([]);
        });
      });
    }
  }

  describe('plan pages work without JavaScript', () => {
    let noJs: BrowserSession;

    beforeAll(async () => {
      noJs = await launchBrowser({ javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
    });

    afterAll(async () => {
      await noJs?.close();
    });

    it('has at least one plan page to check', () => {
      expect(planPages.length).toBeGreaterThan(0);
    });

    for (const p of planPages) {
      it(`${p.route}: shows its <h1> and a table of contents whose links all resolve`, async () => {
        const page = await noJs.newPage();
        try {
          const res = await page.goto(urlFor(server.url, p.route), { waitUntil: 'load' });
          expect(res?.status()).toBe(200);
          const h1 = page.locator('h1').first();
          expect(await h1.isVisible(), `<h1> visible on ${p.route} without JS`).toBe(true);
          expect((await h1.innerText()).trim(), '<h1> text').not.toBe('');

          const links = page.locator('nav a[href^="#"]');
          const count = await links.count();
          expect(count, `no table-of-contents links (nav a[href^="#"]) on ${p.route}`).toBeGreaterThan(0);

          // The TOC must be on screen (a closed <details> with a visible <summary> counts).
          const tocNav = page.locator('nav:has(a[href^="#"])');
          const navVisible = await tocNav.evaluateAll((navs) =>
            navs.some((n) => {
              const r = n.getBoundingClientRect();
              const s = getComputedStyle(n);
              return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none';
            }),
          );
          expect(navVisible, `the TOC <nav> is hidden without JavaScript on ${p.route}`).toBe(true);

          const missing = await links.evaluateAll((as) =>
            as
              .map((a) => a.getAttribute('href') ?? '')
              .filter((href) => {
                let id = href.slice(1);
                try {
                  id = decodeURIComponent(id);
                } catch {
                  // keep raw
                }
                return id === '' || document.getElementById(id) === null;
              }),
          );
          expect(missing, `TOC links whose target id does not exist on ${p.route}:\n${missing.join('\n')}`).toEqual([]);
        } finally {
          await page.close();
        }
      });
    }
  });
});

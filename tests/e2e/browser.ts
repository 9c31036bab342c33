// Browser harness for the e2e tests: Debian's Chromium driven by playwright-core, a fresh
// temporary profile per launch, every request that is not to 127.0.0.1 blocked and recorded,
// and axe-core injected from node_modules (never fetched from a CDN).

import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { AxeResults, Result } from 'axe-core';

import { CHROMIUM_PATH } from '../../scripts/ensure-chromium.ts';

// One definition of where Chromium is and how to tell it is there: the install script's.
export { CHROMIUM_PATH, chromiumInstalled as chromiumAvailable } from '../../scripts/ensure-chromium.ts';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/** Full-page screenshots for a person to look at; `E2E_SCREENSHOTS=0` (CI) leaves them out. */
export const SCREENSHOTS = process.env.E2E_SCREENSHOTS !== '0';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface BlockedRequest {
  url: string;
  method: string;
  resourceType: string;
  /** URL of the page (frame) that made the request, if known. */
  from: string;
}

export interface LaunchOptions {
  /** Default true. The no-JavaScript test passes false. */
  javaScriptEnabled?: boolean;
  viewport?: { width: number; height: number };
}

export interface BrowserSession {
  context: BrowserContext;
  /** Every request to a host other than 127.0.0.1, in order. They were all aborted. */
  blocked: BlockedRequest[];
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** True for URLs the tests allow: 127.0.0.1 (any port), and in-page data:/blob:/about: URLs. */
export function isLocalUrl(raw: string): boolean {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return false;
  }
  if (u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'about:') return true;
  return (
    (u.protocol === 'http:' || u.protocol === 'https:' || u.protocol === 'ws:' || u.protocol === 'wss:') &&
    u.hostname === '127.0.0.1'
  );
}

/**
 * Launches Chromium with a fresh temporary --user-data-dir (via launchPersistentContext, since
 * Playwright refuses --user-data-dir in `args`). All non-127.0.0.1 requests are aborted and
 * recorded in `session.blocked`.
 */
export async function launchBrowser(options: LaunchOptions = {}): Promise<BrowserSession> {
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'plans-e2e-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      javaScriptEnabled: options.javaScriptEnabled ?? true,
      viewport: options.viewport ?? { width: 1280, height: 800 },
      deviceScaleFactor: 1,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      serviceWorkers: 'block',
      offline: false,
    });
  } catch (err) {
    await rm(userDataDir, { recursive: true, force: true });
    throw err;
  }

  const blocked: BlockedRequest[] = [];
  const record = (url: string, method: string, resourceType: string, from: string): void => {
    blocked.push({ url, method, resourceType, from });
  };

  await context.route(
    (url) => !isLocalUrl(url.href),
    async (route) => {
      const req = route.request();
      let from = '';
      try {
        from = req.frame().url();
      } catch {
        // Requests from workers have no frame.
      }
      record(req.url(), req.method(), req.resourceType(), from);
      await route.abort('blockedbyclient');
    },
  );
  await context.routeWebSocket(
    (url) => !isLocalUrl(url.href),
    (ws) => {
      record(ws.url(), 'GET', 'websocket', '');
      void ws.close();
    },
  );

  // A persistent context opens with one blank page; close it so every test gets a clean page.
  for (const p of context.pages()) await p.close();

  return {
    context,
    blocked,
    newPage: () => context.newPage(),
    close: async () => {
      try {
        await context.close();
      } finally {
        await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 });
      }
    },
  };
}

let axeSource: string | undefined;

function readAxeSource(): string {
  if (axeSource === undefined) {
    const require = createRequire(import.meta.url);
    axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  }
  return axeSource;
}

/**
 * Injects axe-core (from node_modules) into the page and runs the WCAG 2.0/2.1/2.2 A+AA rules.
 * Needs JavaScript enabled in the page. Returns the violations (empty array = pass).
 */
export async function runAxe(page: Page, tags: string[] = AXE_TAGS): Promise<Result[]> {
  const hasAxe = await page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe === 'object');
  if (!hasAxe) {
    // evaluate() rather than addScriptTag(): works under a strict CSP and leaves no <script>
    // element behind for axe to audit.
    await page.evaluate(readAxeSource());
  }
  const results = await page.evaluate(async (values: string[]) => {
    const axe = (globalThis as unknown as { axe: typeof import('axe-core') }).axe;
    const res: AxeResults = await axe.run(document, {
      runOnly: { type: 'tag', values },
      resultTypes: ['violations'],
    });
    return res.violations;
  }, tags);
  return results;
}

/** Readable multi-line summary: id, impact, help, first 3 target selectors per violation. */
export function formatViolations(violations: Result[]): string {
  return violations
    .map((v) => {
      const targets = v.nodes
        .slice(0, 3)
        .map((n) => `    - ${n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : String(t))).join(' → ')}`)
        .join('\n');
      const more = v.nodes.length > 3 ? `\n    … and ${v.nodes.length - 3} more` : '';
      return `• ${v.id} [${v.impact ?? 'n/a'}] ${v.help}\n  ${v.helpUrl}\n${targets}${more}`;
    })
    .join('\n');
}

/**
 * Every `@font-face` rule whose `src` uses `url(...)` in the page's stylesheets (including
 * nested @media/@supports/@layer blocks and adoptedStyleSheets). `local(...)` is fine.
 * Needs JavaScript enabled in the page.
 */
export async function findWebFontFaces(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const walk = (rules: CSSRuleList, sheetHref: string): void => {
      for (const rule of Array.from(rules)) {
        if (rule instanceof CSSFontFaceRule) {
          const src = rule.style.getPropertyValue('src');
          if (/url\s*\(/i.test(src)) {
            found.push(`${sheetHref}: @font-face { font-family: ${rule.style.getPropertyValue('font-family')}; src: ${src} }`);
          }
        } else if ('cssRules' in rule && (rule as CSSGroupingRule).cssRules) {
          walk((rule as CSSGroupingRule).cssRules, sheetHref);
        }
      }
    };
    const sheets = [...Array.from(document.styleSheets), ...document.adoptedStyleSheets];
    for (const sheet of sheets) {
      let rules: CSSRuleList;
      try {
        rules = sheet.cssRules;
      } catch {
        found.push(`${sheet.href ?? '(inline)'}: stylesheet not readable (cross-origin?)`);
        continue;
      }
      walk(rules, sheet.href ?? '(inline <style>)');
    }
    return found;
  });
}

/** True if a response looks like a font download. */
export function isFontResponse(url: string, resourceType: string, contentType: string | undefined): boolean {
  return (
    resourceType === 'font' ||
    /^(font\/|application\/(x-)?font|application\/vnd\.ms-fontobject)/i.test(contentType ?? '') ||
    /\.(woff2?|ttf|otf|eot)(\?|#|$)/i.test(new URL(url, 'http://x/').pathname)
  );
}

/**
 * Elements sticking out past `limit` px on the right (to explain a horizontal overflow).
 * Returns short CSS-ish paths of the outermost offenders, at most `max` of them.
 */
export async function findOverflowingElements(page: Page, limit: number, max = 8): Promise<string[]> {
  return page.evaluate(
    ({ limit, max }) => {
      const describe = (el: Element): string => {
        const parts: string[] = [];
        let cur: Element | null = el;
        while (cur && cur !== document.documentElement && parts.length < 4) {
          let s = cur.tagName.toLowerCase();
          if (cur.id) s += `#${cur.id}`;
          else if (cur.classList.length) s += `.${Array.from(cur.classList).slice(0, 2).join('.')}`;
          parts.unshift(s);
          cur = cur.parentElement;
        }
        return parts.join(' > ');
      };
      const out: string[] = [];
      const offenders = new Set<Element>();
      for (const el of Array.from(document.body.querySelectorAll('*'))) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        if (r.right > limit + 1 || r.left < -1) {
          // Content inside a horizontal scroller (e.g. a wide table in `overflow-x: auto`)
          // does not widen the page.
          let clipped = false;
          for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
            if (getComputedStyle(a).overflowX !== 'visible') {
              clipped = true;
              break;
            }
          }
          if (clipped) continue;
          // Report only the outermost offender of each subtree.
          let p = el.parentElement;
          let nested = false;
          while (p) {
            if (offenders.has(p)) {
              nested = true;
              break;
            }
            p = p.parentElement;
          }
          offenders.add(el);
          if (!nested && out.length < max) {
            out.push(`${describe(el)} (left ${Math.round(r.left)}, right ${Math.round(r.right)}, width ${Math.round(r.width)})`);
          }
        }
      }
      return out;
    },
    { limit, max },
  );
}

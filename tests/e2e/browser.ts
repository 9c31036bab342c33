// What the browser tests check in a page, beside the harness (scripts/lib/browser.ts, shared with
// the search benchmark): axe-core (from node_modules, never a CDN), web fonts, horizontal overflow.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { AxeResults, Result, RunOptions } from 'axe-core';

export {
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  chromiumAvailable,
  isLocalUrl,
  launchBrowser,
  type BlockedRequest,
  type BrowserSession,
  type LaunchOptions,
} from '../../scripts/lib/browser.ts';

/** Full-page screenshots for a person to look at; `E2E_SCREENSHOTS=0` (CI) leaves them out. */
export const SCREENSHOTS = process.env.E2E_SCREENSHOTS !== '0';

/**
 * WCAG 2.0/2.1/2.2 A and AA, and axe's best practices: Lighthouse's accessibility audit runs some of
 * those (unique landmarks, heading order, one main landmark), so a check without them passes pages
 * Lighthouse fails.
 */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

let axeSource: string | undefined;

/** axe-core's minified build, read once: it parses a fifth faster than the full one. */
function axeMinified(): string {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

/**
 * Runs axe-core's rules for AXE_TAGS on the page and returns the violations (empty array = pass).
 * axe is put into the page with Playwright's evaluate, which a strict Content-Security-Policy does
 * not stop and which leaves no <script> behind to audit, and only when the page does not have it
 * yet; then axe.run() runs in the page itself. Only violations are gathered (passes cost as much
 * again).
 *
 * Why not @axe-core/playwright's AxeBuilder: on these pages (no frames) it does the same run with
 * more round trips (it injects axe twice and configures it per check), measured at 0.86 s against
 * 0.37 s for a small page and 2.9 s against 1.9 s for the largest plan page, with the same
 * violations; over the browser tests that was a minute of CI.
 */
export async function runAxe(page: Page, tags: string[] = AXE_TAGS): Promise<Result[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeMinified());
  const options: RunOptions = { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] };
  const results = await page.evaluate(async (opts) => {
    const axe = (window as unknown as { axe: { run(context: Document, options: RunOptions): Promise<AxeResults> } }).axe;
    return (await axe.run(document, opts)).violations;
  }, options);
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

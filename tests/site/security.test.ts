/**
 * Security and integrity of the built site (issue 16): every page carries the Content-Security-
 * Policy (src/utils/csp.ts) as the first thing its head says after the charset, and nothing on any
 * page needs it relaxed — no inline script that runs, no <style> element, no style or on* attribute,
 * no javascript: link; every internal link and fragment reaches its target (src/check/links.ts); a
 * site icon, so that no browser asks for a missing /favicon.ico; a second build of the same commit
 * is byte-identical to the first.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLinks, filesUnder } from '../../src/check/links.ts';
import { CSP } from '../../src/utils/csp.ts';
import { $$, attr, type Root } from '../helpers/html.ts';
import { fromHtml } from 'hast-util-from-html';
import { TEST_ORIGIN } from '../helpers/site-url.ts';

const pages = filesUnder('dist', '.html').map((file) => ({ file, tree: fromHtml(readFileSync(file, 'utf8')) as Root }));

describe('Content-Security-Policy', () => {
  it('is on every page, first after the charset', () => {
    expect(pages.length).toBeGreaterThan(200);
    for (const { file, tree } of pages) {
      const metas = $$(tree, 'head > meta');
      expect(attr(metas[0], 'charSet'), file).toBe('utf-8');
      expect(attr(metas[1], 'httpEquiv'), file).toBe('Content-Security-Policy');
      expect(attr(metas[1], 'content'), file).toBe(CSP);
    }
    // Scripts and styles from this site only, and no way around it.
    expect(CSP).toMatch(/script-src 'self' 'wasm-unsafe-eval'(;|$)/);
    expect(CSP).toMatch(/style-src 'self'(;|$)/);
    expect(CSP).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\s\*/);
  });

  it('needs no exception on any page: no inline script or style, no style or event attribute, no javascript: link', () => {
    expect(pages.length).toBeGreaterThan(200);
    const found: string[] = [];
    for (const { file, tree } of pages) {
      for (const s of $$(tree, 'script')) {
        const type = attr(s, 'type');
        if (!attr(s, 'src') && type !== 'application/json') found.push(`${file}: inline <script${type ? ` type=${type}` : ''}>`);
      }
      if ($$(tree, 'style').length) found.push(`${file}: <style>`);
      for (const el of $$(tree, '[style]')) found.push(`${file}: style="${attr(el, 'style')}" on <${el.tagName}>`);
      for (const el of $$(tree, '*')) {
        for (const key of Object.keys(el.properties)) if (/^on[A-Z]/.test(key)) found.push(`${file}: ${key} on <${el.tagName}>`);
      }
      for (const a of $$(tree, 'a[href^="javascript:"]')) found.push(`${file}: ${attr(a, 'href')}`);
    }
    expect(found).toEqual([]);
  });

  it('has a site icon every page links, so that no page requests a missing /favicon.ico', () => {
    expect(pages.length).toBeGreaterThan(200);
    for (const { file, tree } of pages) expect(attr($$(tree, 'link[rel~="icon"]')[0], 'href'), file).toBe('/favicon.svg');
    expect(readFileSync('dist/favicon.svg', 'utf8')).toMatch(/^<svg /);
  });
});

describe('links', () => {
  it('reach a page and an element of it, every one', () => {
    const report = checkLinks('dist');
    expect(report.pages).toBe(pages.length);
    expect(report.fragments).toBeGreaterThan(5000);
    expect(report.broken).toEqual([]);
  });

  it('are reported when they land on nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'links-'));
    try {
      execFileSync('mkdir', ['-p', join(dir, 'a')]);
      const write = (p: string, html: string) => execFileSync('sh', ['-c', `cat > "${join(dir, p)}"`], { input: html });
      write('index.html', '<a href="/a/">a</a><a href="/a/#here">ok</a><a href="/a/#gone">gone</a><a href="/nowhere/">x</a><a href="#top">top</a><p id="top"></p><a href="https://example.org/">out</a>');
      write('a/index.html', '<h1 id="here">a</h1>');
      const report = checkLinks(dir);
      expect(report.broken.map((b) => `${b.href} ${b.problem}`)).toEqual(['/a/#gone missing-fragment', '/nowhere/ missing-page']);
      expect(report.links).toBe(5);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('determinism', () => {
  it('a second build of the same content is byte-identical', () => {
    const out = mkdtempSync(join(tmpdir(), 'dist-again-'));
    try {
      execFileSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--silent', '--outDir', out], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, SITE_URL: TEST_ORIGIN } });
      const digest = (root: string) => new Map(filesUnder(root).filter((f) => !/\/(pagefind|search-data)\//.test(f)).map((f) => [relative(root, f), createHash('sha256').update(readFileSync(f)).digest('hex')]));
      const first = digest('dist');
      const second = digest(out);
      expect(first.size).toBeGreaterThan(200);
      const differ = [...first].filter(([f, h]) => second.get(f) !== h).map(([f]) => f);
      expect([...second.keys()].filter((f) => !first.has(f))).toEqual([]);
      expect(differ).toEqual([]);
      expect(existsSync(join(out, 'feed.xml'))).toBe(true);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

/**
 * The Content-Security-Policy of every page, as a <meta> element (BaseLayout): a static host sets no
 * headers. Scripts and styles come from this site's own files only — no inline <script>, no inline
 * <style>, no style attributes (astro.config.mjs writes every stylesheet to a file and every script
 * to a module; the site checks in tests/site/security.test.ts hold every page to it). Pagefind
 * compiles its WebAssembly in the page ('wasm-unsafe-eval', which allows no eval of JavaScript) and
 * fetches its index from this site. Nothing is loaded from anywhere else.
 *
 * frame-ancestors cannot be set from a <meta> element; a host that can send headers should add
 * `frame-ancestors 'self'` there.
 */
export const CSP_DIRECTIVES: Readonly<Record<string, string>> = {
  'default-src': "'self'",
  'script-src': "'self' 'wasm-unsafe-eval'",
  'style-src': "'self'",
  'img-src': "'self' data:",
  'connect-src': "'self'",
  'font-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'self'",
  'form-action': "'self'",
};

export const CSP = Object.entries(CSP_DIRECTIVES).map(([k, v]) => `${k} ${v}`).join('; ');

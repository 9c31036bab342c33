/**
 * The site's public address, from the SITE_URL environment variable (astro.config.mjs reads it):
 * canonical links, the sitemap, the feeds' absolute links and the data downloads carry it.
 *
 *     SITE_URL=https://plans.example.gov.cn npm run build
 *
 * Without SITE_URL the address is the local preview's, http://127.0.0.1:4321/, which is right for
 * `npm run preview` and for tests; the build says so, so that nobody publishes it by mistake. The
 * publishing workflow (.github/workflows/publish.yml) sets SITE_URL to the GitHub Pages address.
 * The site's links start at the domain's root ("/plans/…"), so SITE_URL must be a domain without a
 * path: a custom domain, or a user or organisation site (<owner>.github.io).
 */

export const DEFAULT_SITE_URL = 'http://127.0.0.1:4321/';

export class SiteUrlError extends Error {}

/** SITE_URL checked, as the URL Astro's `site` takes; the default when it is not set. */
export function siteUrlFromEnv(value: string | undefined): { url: string; fromEnv: boolean } {
  const raw = value?.trim();
  if (!raw) return { url: DEFAULT_SITE_URL, fromEnv: false };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new SiteUrlError(`SITE_URL“${raw}”不是网址：请写成 https://域名 的形式，例如 SITE_URL=https://plans.example.gov.cn`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new SiteUrlError(`SITE_URL“${raw}”应以 https:// 开头。`);
  if (url.pathname !== '/' || url.search || url.hash) {
    throw new SiteUrlError(`SITE_URL“${raw}”带有路径“${url.pathname}”：本站的链接从域名根目录开始（/plans/…），请用自定义域名或 <用户名>.github.io 发布，SITE_URL 只写到域名为止。`);
  }
  return { url: url.href, fromEnv: true };
}

/** The site's address in an endpoint or page (Astro's `site`), never undefined. */
export const siteOrigin = (site: URL | undefined): URL => site ?? new URL(DEFAULT_SITE_URL);

/**
 * Links and fragments across a built site (dist/): every internal link (href, src) reaches a file
 * the build wrote, and every fragment (#b-1otz9n3, #t-clear-water) an element of that page. Clause
 * links are what journalists quote; a link that lands on nothing is a broken promise, so the check
 * runs over every page in CI (`npm run check:links`, and the site tests).
 *
 * Pages are read with hast-util-from-html (the HTML parser browsers use, parse5), links and ids
 * with hast-util-select. External links (https://…) are not fetched: the site makes no third-party
 * requests, and it links out to sources whose availability it cannot vouch for.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';

export interface BrokenLink {
  /** The page the link is on, as a site path ("/plans/x/"). */
  page: string;
  /** The link as written. */
  href: string;
  /** "missing page" or "missing fragment". */
  problem: 'missing-page' | 'missing-fragment';
}

export interface LinkReport {
  pages: number;
  links: number;
  fragments: number;
  broken: BrokenLink[];
}

/** Every file under `dir` whose name ends with `ext` ("" for all), full paths, sorted. */
export function filesUnder(dir: string, ext = ''): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith(ext))
    .map((d) => join(d.parentPath, d.name))
    .sort();
}

/** "dist/plans/x/index.html" → "/plans/x/". */
const sitePath = (dist: string, file: string) => `/${relative(dist, file).split(sep).join('/')}`.replace(/index\.html$/, '');

/** The file a site path is served from, or null: "/plans/x/" → dist/plans/x/index.html, "/feed.xml" → dist/feed.xml. */
function fileOf(dist: string, path: string): string | null {
  const decoded = decodeURIComponent(path);
  const candidates = decoded.endsWith('/') ? [join(dist, decoded, 'index.html')] : [join(dist, decoded), join(dist, decoded, 'index.html')];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? null;
}

export function checkLinks(dist: string): LinkReport {
  const files = filesUnder(dist, '.html');
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string): Set<string> => {
    let set = ids.get(file);
    if (!set) {
      const tree = fromHtml(readFileSync(file, 'utf8'));
      set = new Set(selectAll('[id]', tree).map((e) => String(e.properties.id)));
      // <a name="…"> is a fragment target too.
      for (const a of selectAll('a[name]', tree)) set.add(String(a.properties.name));
      ids.set(file, set);
    }
    return set;
  };
  const broken: BrokenLink[] = [];
  let links = 0;
  let fragments = 0;
  for (const file of files) {
    const page = sitePath(dist, file);
    const tree = fromHtml(readFileSync(file, 'utf8'));
    const refs = [
      ...selectAll('a[href], link[href], area[href]', tree).map((e: Element) => String(e.properties.href)),
      ...selectAll('script[src], img[src], source[src], iframe[src]', tree).map((e: Element) => String(e.properties.src)),
    ];
    for (const href of refs) {
      if (/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(href)) continue; // https:, mailto:, tel:, data:
      links++;
      const url = new URL(href, `http://site${page}`);
      const target = url.pathname === page && href.startsWith('#') ? file : fileOf(dist, url.pathname);
      if (!target) {
        broken.push({ page, href, problem: 'missing-page' });
        continue;
      }
      if (url.hash.length > 1 && target.endsWith('.html')) {
        fragments++;
        if (!idsOf(target).has(decodeURIComponent(url.hash.slice(1)))) broken.push({ page, href, problem: 'missing-fragment' });
      }
    }
  }
  return { pages: files.length, links, fragments, broken };
}

/** /themes/<id>/feed.xml: a theme's Atom feed — the plans that carry it, new and revised, and updates on them. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { atom } from '../../../views/feeds.ts';
import { loadFeeds } from '../../../views/feeds-site.ts';
import { loadSite } from '../../../views/site.ts';
import { themeTitle } from '../../../views/themes.ts';
import { siteOrigin } from '../../../utils/site-url.ts';

export const getStaticPaths = (async () => {
  const site = await loadSite();
  return site.themes.map((view) => ({ params: { id: view.theme.id }, props: { view } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ site, props }) => {
  const { view } = props as Awaited<ReturnType<typeof getStaticPaths>>[number]['props'];
  const feeds = await loadFeeds();
  const name = themeTitle(view.theme);
  const xml = atom(feeds.forTheme(view), {
    origin: siteOrigin(site),
    title: `${name}：相关规划的新发布、修订和进展`,
    description: `含有“${view.theme.name}”相关章节的规划，新发布和修订的，以及实施进展。`,
    page: `/themes/${view.theme.id}/`,
    self: `/themes/${view.theme.id}/feed.xml`,
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};

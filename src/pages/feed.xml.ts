/** /feed.xml: the whole site's Atom feed — new plans, revised plans and progress updates (views/feeds.ts). */
import type { APIRoute } from 'astro';
import { atom } from '../views/feeds.ts';
import { loadFeeds } from '../views/feeds-site.ts';
import { siteOrigin } from '../utils/site-url.ts';

export const GET: APIRoute = async ({ site }) => {
  const feeds = await loadFeeds();
  const xml = atom(feeds.all, {
    origin: siteOrigin(site),
    title: '生态环境保护规划：新发布、修订和进展',
    description: '本站新发布和修订的规划，以及各地发布的实施进展。',
    page: '/',
    self: '/feed.xml',
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};

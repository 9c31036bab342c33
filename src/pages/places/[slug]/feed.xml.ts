/** /places/<slug>/feed.xml: a place's Atom feed — its plans and those of the places under it, new and revised, and updates about them. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { atom } from '../../../views/feeds.ts';
import { loadFeeds } from '../../../views/feeds-site.ts';
import { placeHref } from '../../../views/places.ts';
import { loadSite } from '../../../views/site.ts';
import { siteOrigin } from '../../../utils/site-url.ts';

export const getStaticPaths = (async () => {
  const site = await loadSite();
  return [...site.places.bySlug.values()].map((node) => ({ params: { slug: node.slug }, props: { node } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ site, props }) => {
  const { node } = props as Awaited<ReturnType<typeof getStaticPaths>>[number]['props'];
  const feeds = await loadFeeds();
  const xml = atom(feeds.forPlace(node), {
    origin: siteOrigin(site),
    title: `${node.path.join(' ')}：生态环境保护规划的新发布、修订和进展`,
    description: `${node.name}及下辖地区新发布和修订的规划，以及实施进展。`,
    page: placeHref(node),
    self: `${placeHref(node)}feed.xml`,
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};

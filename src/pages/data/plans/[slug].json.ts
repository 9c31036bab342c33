/**
 * /data/plans/<slug>.json: one plan's full document, exactly as `npm run -s parse` prints it (the
 * plan-document/1 contract: metadata, sections and blocks with their anchors, goals, milestones,
 * channels and every repair the pipeline made). The generated file is served as written, not the
 * collection's parsed copy, so that no field a schema does not list is dropped.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadSite } from '../../../views/site.ts';

const written = import.meta.glob('../../../../content/plan-data/*.json', { query: '?raw', import: 'default' }) as Record<string, () => Promise<string>>;

export const getStaticPaths = (async () => {
  const site = await loadSite();
  return site.plans.map((p) => ({ params: { slug: p.slug } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const slug = params.slug as string;
  const read = written[`../../../../content/plan-data/${slug}.json`];
  const text = read ? await read() : JSON.stringify((await loadSite()).bySlug.get(slug)!.doc, null, 1);
  return new Response(text, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};

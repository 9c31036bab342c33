/**
 * /data/plans/<slug>.json: one plan's full document, exactly as `npm run -s parse` prints it (the
 * plan-document/1 contract: metadata, sections and blocks with their anchors, goals, milestones,
 * channels and every repair the pipeline made). The generated file is served as written, not the
 * schema-checked copy, so that no field a schema does not list is dropped. Read from disk when the
 * page renders, not imported: an import bundles every plan's document into the build (68 MB of
 * modules at 1,000 plans, most of the build's memory).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { planDocumentText } from '../../../data/generated.ts';
import { loadSite } from '../../../views/site.ts';

export const getStaticPaths = (async () => {
  const site = await loadSite();
  return site.plans.map((p) => ({ params: { slug: p.slug } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const slug = params.slug as string;
  const text = planDocumentText(slug) ?? JSON.stringify((await loadSite()).bySlug.get(slug)!.doc, null, 1);
  return new Response(text, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};

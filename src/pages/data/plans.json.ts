/**
 * /data/plans.json: the published plans, one record each, with the addresses of the plan page and
 * of its full document (/data/plans/<slug>.json) and how many goals, milestones and channels it has.
 */
import type { APIRoute } from 'astro';
import { LICENCE_NOTE } from '../../views/goals-data.ts';
import { loadSite } from '../../views/site.ts';

export const GET: APIRoute = async ({ site: base }) => {
  const site = await loadSite();
  const url = (path: string) => (base ? new URL(path, base).href : path);
  const body = {
    schema: 'plans/1',
    note: LICENCE_NOTE,
    plans: site.plans.map((p) => ({
      slug: p.slug,
      title: p.title,
      url: url(`/plans/${p.slug}/`),
      dataUrl: url(`/data/plans/${p.slug}.json`),
      placePath: p.placePath.join('/') || null,
      jurisdiction: p.page.jurisdiction,
      issuer: p.page.issuer,
      issued: p.page.issued,
      kind: p.page.kind,
      period: p.page.period,
      docNumber: p.page.docNumber,
      sourceUrl: p.page.provenance.url,
      sourceFile: p.doc.source.file.split('/').at(-1) ?? null,
      goals: p.doc.goals.length,
      milestones: p.doc.milestones.length,
      channels: p.doc.channels.length,
    })),
  };
  return new Response(JSON.stringify(body, null, 1), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};

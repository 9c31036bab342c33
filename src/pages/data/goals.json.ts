/**
 * /data/goals.json: every goal of every plan (the same records as goals.csv), the reported values
 * used to judge them, and the indicator catalogue, so that the file can be read on its own.
 */
import type { APIRoute } from 'astro';
import { GOAL_FIELDS, goalRecords, LICENCE_NOTE } from '../../views/goals-data.ts';
import { loadGoals } from '../../views/goals-site.ts';

export const GET: APIRoute = async ({ site }) => {
  const { index, catalogue, asOf } = await loadGoals();
  const body = {
    schema: 'goals/1',
    asOf,
    note: LICENCE_NOTE,
    fields: GOAL_FIELDS,
    goals: goalRecords(index, site),
    actuals: index.actuals.map(({ file: _file, ...a }) => ({
      ...a,
      scope: a.scope ?? null,
      source: { ...a.source, url: site ? new URL(a.source.url, site).href : a.source.url },
    })),
    indicators: catalogue.map((e) => ({ id: e.id, name: e.name, theme: e.theme, unit: e.unit, better: e.better, description: e.description ?? null })),
  };
  return new Response(JSON.stringify(body, null, 1), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};

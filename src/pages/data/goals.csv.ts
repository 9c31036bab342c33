/**
 * /data/goals.csv: every goal of every plan, one row each (fields: src/views/goals-data.ts, described
 * on /data/). UTF-8 with a byte-order mark so that spreadsheet software shows the Chinese correctly.
 */
import type { APIRoute } from 'astro';
import { goalRecords, goalsCsv } from '../../views/goals-data.ts';
import { loadGoals } from '../../views/goals-site.ts';

export const GET: APIRoute = async ({ site }) => {
  const { index } = await loadGoals();
  return new Response(goalsCsv(goalRecords(index, site)), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};

/**
 * Progress updates (content/updates/*.md, schema src/schemas/update.ts) for the pages: each update
 * with its id (the file name without .md, its address /updates/<id>/), and the values it reports
 * as the actuals the goals pages compare passed targets with — an update is their one home. A value
 * takes the update's place and source unless it names its own. Reading is the check's reading
 * (src/check/updates.ts), so the site never shows what `npm run check` would refuse.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkUpdate } from '../check/updates.ts';
import type { Problem } from '../data/problem.ts';
import type { IndicatorCatalogue } from '../pipeline/enrich/goals-indicators.ts';
import type { Update } from '../schemas/update.ts';
import { formatNumber, scopeKey } from '../pipeline/lexicon.ts';
import type { ReportedValue } from '../schemas/update.ts';
import type { ActualRecord, GoalRow } from './goals.ts';

export interface UpdateRecord {
  /** "2026-07-31-putuo-shuiwu-xianzhuang": the file name without .md, its page /updates/<id>/. */
  id: string;
  file: string;
  update: Update;
  /** The Markdown body, as written. */
  body: string;
}

/** `files`: shown name (content/updates/x.md) → text. The updates that validate, newest first, and every problem. */
export function parseUpdates(files: Record<string, string>, ctx: { planSlugs: ReadonlySet<string>; catalogue: IndicatorCatalogue | null }): { updates: UpdateRecord[]; problems: Problem[] } {
  const updates: UpdateRecord[] = [];
  const problems: Problem[] = [];
  for (const [file, text] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
    const checked = checkUpdate(text, file, ctx);
    problems.push(...checked.problems);
    if (checked.update && !checked.problems.some((p) => p.severity === 'error')) {
      updates.push({ id: file.split('/').pop()!.replace(/\.md$/, ''), file, update: checked.update, body: checked.body });
    }
  }
  return { updates: updates.sort((a, b) => b.update.date.localeCompare(a.update.date) || a.id.localeCompare(b.id)), problems };
}

/** The values the updates report, each with its place, source and the update it came in. */
export function actualsOf(updates: readonly UpdateRecord[]): ActualRecord[] {
  return updates.flatMap((u) => u.update.values.map((v) => ({
    ...v,
    place: v.place ?? u.update.place,
    source: v.source ?? u.update.source,
    file: u.file,
    update: u.id,
  })));
}

/** The folder's *.md files as `parseUpdates` takes them, named `<shownAs>/<file>`. */
export function readUpdatesDir(dir: string, shownAs = 'content/updates'): Record<string, string> {
  if (!existsSync(dir)) return {};
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.md')).sort()) out[`${shownAs}/${name}`] = readFileSync(join(dir, name), 'utf8');
  return out;
}

export const updateHref = (id: string): string => `/updates/${id}/`;

/**
 * A reported value as the update lists and the feeds write it: "森林覆盖率 2025年 19.46%", with its
 * scope when asked ("……（建成区）"). `names`: indicator id → name; an unknown id is shown as is.
 */
export function valueLabel(v: ReportedValue, names: ReadonlyMap<string, string>, withScope = false): string {
  return `${names.get(v.indicator) ?? v.indicator} ${v.year}年 ${formatNumber(v.value)}${v.unit}${withScope && v.scope ? `（${v.scope}）` : ''}`;
}

/** Each value an update reports with the targets it answers: same indicator, place and scope, due that year (a firm's requirement is no target). */
export function valuesWithTargets(u: Update, rows: readonly GoalRow[]): { value: ReportedValue; targets: GoalRow[] }[] {
  return u.values.map((v) => ({
    value: v,
    targets: rows.filter((r) => r.indicatorId === v.indicator && r.placeKey === (v.place ?? u.place) && r.year === v.year && scopeKey(r.scope) === scopeKey(v.scope) && !r.requirement),
  }));
}

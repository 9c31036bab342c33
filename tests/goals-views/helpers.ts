/**
 * Shared by the goals-views tests: the published seeds parsed as the site build parses them, keyed
 * by their sidecar slug, and the values the updates of content/updates/ report.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { parsePlan, type Block, type PlanDocument, type Section } from '../../src/pipeline/index.ts';
import { loadIndicators } from '../../src/pipeline/enrich/goals-indicators.ts';
import { actualsOf, parseUpdates, readUpdatesDir } from '../../src/views/updates.ts';
import { compileCatalogue } from '../../src/pipeline/enrich/goals-indicators.ts';
import type { PlanInput } from '../../src/views/goals.ts';
import { readPlanSource } from '../../scripts/lib/read-plan.ts';

const cache = new Map<string, PlanDocument>();

/** The seed whose sidecar gives `slug`, parsed (once per test file). */
export function seedBySlug(slug: string): PlanDocument {
  const hit = cache.get(slug);
  if (hit) return hit;
  for (const file of readdirSync('seeds').filter((f) => f.endsWith('.txt')).sort()) {
    const source = readPlanSource(`seeds/${file}`);
    if ((source.options.sidecar?.slug ?? null) !== slug) continue;
    const doc = parsePlan(source.bytes, source.options);
    cache.set(slug, doc);
    return doc;
  }
  throw new Error(`seeds/ 里没有网址名为 ${slug} 的规划`);
}

export function blocksById(doc: PlanDocument): Map<string, Block> {
  const out = new Map<string, Block>();
  const walk = (list: Section[]) => { for (const s of list) { for (const b of s.blocks) out.set(b.id, b); walk(s.children); } };
  walk(doc.sections);
  return out;
}

/** A plan as the site gives it to buildGoals, its place path from the document's jurisdiction. */
export function planInput(slug: string): PlanInput {
  const doc = seedBySlug(slug);
  const j = doc.meta.jurisdiction;
  const names = j ? [j.province, j.city, j.county, j.name].filter((n): n is string => Boolean(n)) : [];
  return {
    slug,
    title: doc.meta.title ?? slug,
    placePath: names.filter((n, i) => n !== names[i - 1]),
    placeSlug: null,
    goals: doc.goals,
    milestones: doc.milestones,
  };
}

export const catalogue = () => loadIndicators().entries;

/** The values the project's updates (content/updates/) report, and any problem found reading them. */
export function projectActuals() {
  const slugs = new Set(readdirSync('seeds').filter((f) => f.endsWith('.yaml')).map((f) => /^slug:\s*(\S+)/m.exec(readFileSync(`seeds/${f}`, 'utf8'))?.[1]).filter((s): s is string => Boolean(s)));
  const { updates, problems } = parseUpdates(readUpdatesDir('content/updates'), { planSlugs: slugs, catalogue: compileCatalogue(catalogue()) });
  return { actuals: actualsOf(updates), problems, updates };
}

/**
 * Shared by the tests/views tests: every seed in seeds/ parsed and made into the records the site
 * builds (src/views/site.ts, without Astro's content collections): the front matter the content
 * build writes (frontMatterOf), planRecord, the place tree from content/places.yaml and the theme
 * views from content/themes.yaml. Built once per test file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { parsePlan } from '../../src/pipeline/index.ts';
import { frontMatterOf } from '../../src/pipeline/emit/to-mdast.ts';
import { parseThemes } from '../../src/pipeline/enrich/themes-taxonomy.ts';
import { slugOf } from '../../src/check/texts.ts';
import { noHistory } from '../../src/history/plan-history.ts';
import { planPageSchema } from '../../src/schemas/plan-page.ts';
import { buildPlaces, parsePlaces } from '../../src/views/places.ts';
import { byNewest, planRecord, type PlanRecord } from '../../src/views/plans.ts';
import type { Site } from '../../src/views/site.ts';
import { buildThemes, type ThemeInfo } from '../../src/views/themes.ts';
import { readPlanSource } from '../../scripts/lib/read-plan.ts';

let plans: PlanRecord[] | undefined;

/** Every seed as a PlanRecord (no version history), newest first. */
export function seedPlans(): PlanRecord[] {
  plans ??= readdirSync('seeds').filter((f) => f.endsWith('.txt')).sort().map((file) => {
    const source = readPlanSource(`seeds/${file}`);
    const doc = parsePlan(source.bytes, source.options);
    const slug = source.options.sidecar?.slug ?? slugOf(file);
    const page = planPageSchema.parse(frontMatterOf(doc, slug));
    return planRecord(page, doc, noHistory('测试：没有版本记录'));
  }).sort(byNewest);
  return plans;
}

export const placesFile = () => parsePlaces(readFileSync('content/places.yaml', 'utf8'), 'content/places.yaml');

export function themeInfos(): ThemeInfo[] {
  return parseThemes(readFileSync('content/themes.yaml', 'utf8'), 'content/themes.yaml').file.themes.map((t) => ({
    id: t.id, name: t.name, battle: t.battle, short: t.short, description: t.description,
  }));
}

/** What loadSite() returns, built from the seeds. */
export function seedSite(list: PlanRecord[] = seedPlans()): Site {
  const places = buildPlaces(list, placesFile());
  const themes = buildThemes(list, themeInfos(), places);
  return { plans: list, bySlug: new Map(list.map((p) => [p.slug, p])), places, themes, themeById: new Map(themes.map((v) => [v.theme.id, v])) };
}

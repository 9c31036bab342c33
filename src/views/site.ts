/**
 * Everything the pages render, computed once per build from all the documents: the plans, the
 * place tree and the theme views. Pages import `loadSite()` and only render what it returns.
 */
import { getCollection } from 'astro:content';
import { planDocuments, planHistories } from '../data/generated.ts';
import placesText from '../../content/places.yaml?raw';
import themesText from '../../content/themes.yaml?raw';
import { parseThemes } from '../pipeline/enrich/themes-taxonomy.ts';
import { buildPlaces, parsePlaces, type PlaceIndex } from './places.ts';
import { noHistory } from '../history/plan-history.ts';
import { byNewest, planRecord, type PlanRecord } from './plans.ts';
import { buildThemes, type ThemeInfo, type ThemeView } from './themes.ts';

export interface Site {
  /** Newest first. */
  plans: PlanRecord[];
  bySlug: Map<string, PlanRecord>;
  places: PlaceIndex;
  themes: ThemeView[];
  themeById: Map<string, ThemeView>;
}

let site: Promise<Site> | undefined;

export function loadSite(): Promise<Site> {
  site ??= build();
  return site;
}

async function build(): Promise<Site> {
  const pages = await getCollection('plans');
  const docs = planDocuments();
  const history = planHistories();
  const plans = pages.map((page) => {
    const doc = docs.get(page.id);
    if (!doc) throw new Error(`content/plan-data/${page.id}.json 缺失：请先运行 npm run content。`);
    return planRecord(page.data, doc, history.get(page.id) ?? noHistory('这份规划还没有版本记录：请重新运行 npm run content。'));
  }).sort(byNewest);
  const places = buildPlaces(plans, parsePlaces(placesText, 'content/places.yaml'));
  for (const name of places.missing) {
    console.warn(`content/places.yaml 里没有“${name}”的网址片段，地区页暂用哈希网址。请加一行“${name}: 英文小写片段”。`);
  }
  const taxonomy = parseThemes(themesText, 'content/themes.yaml');
  const infos: ThemeInfo[] = taxonomy.file.themes.map((t) => ({
    id: t.id, name: t.name, battle: t.battle, short: t.short, description: t.description,
  }));
  const themes = buildThemes(plans, infos, places);
  return {
    plans,
    bySlug: new Map(plans.map((p) => [p.slug, p])),
    places,
    themes,
    themeById: new Map(themes.map((v) => [v.theme.id, v])),
  };
}

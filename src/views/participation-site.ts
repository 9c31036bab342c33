/**
 * The participation index for the pages, built once per site build from the `plans` and
 * `planData` collections, the channel registry (content/channels/), the channel vocabulary
 * (content/channel-kinds.yaml), the indicator catalogue and the themes. The computing is in
 * src/views/participation.ts; this module only gathers its inputs.
 *
 * The build date decides which registry entries are flagged as possibly out of date; set
 * SITE_BUILD_DATE=YYYY-MM-DD to build as of another day.
 */
import { getCollection } from 'astro:content';
import { planDocuments } from '../data/generated.ts';
import { loadChannelRegistry } from '../pipeline/enrich/channels-registry.ts';
import { formatProblem } from '../data/problem.ts';
import { loadVocabulary } from '../pipeline/enrich/channels-vocabulary.ts';
import { loadIndicators } from '../pipeline/enrich/goals-indicators.ts';
import { loadThemes } from '../pipeline/enrich/themes-taxonomy.ts';
import { displayTitle } from '../utils/plan-labels.ts';
import { loadSite } from './site.ts';
import { buildDay } from '../utils/dates.ts';
import { buildParticipation, type ParticipationIndex, type PlanInput } from './participation.ts';
import type { IndicatorInfo } from './participation-goals.ts';

/** Today in China (UTC+8), or SITE_BUILD_DATE (src/utils/dates.ts). */
export const buildDate = buildDay;

export interface ParticipationData {
  index: ParticipationIndex;
  plans: PlanInput[];
  kinds: ReturnType<typeof loadVocabulary>['kinds'];
  themes: { id: string; name: string }[];
}

let pending: Promise<ParticipationData> | null = null;

export function participation(): Promise<ParticipationData> {
  pending ??= build();
  return pending;
}

/** The participation pages' paths: one per place (/participate/<slug>/ and its card). */
export async function placePaths() {
  const { index } = await participation();
  return index.places.map((place) => ({ params: { place: place.slug }, props: { key: place.key } }));
}

/** The place a page was built for (by the key placePaths gave it), with the index it is in. */
export async function placeByKey(key: string): Promise<{ index: ParticipationIndex; place: ParticipationIndex['places'][number] }> {
  const { index } = await participation();
  const place = index.places.find((p) => p.key === key);
  if (!place) throw new Error(`参与页面：找不到地区 ${key}。`);
  return { index, place };
}

async function build(): Promise<ParticipationData> {
  const pages = await getCollection('plans');
  const docs = planDocuments();
  const plans: PlanInput[] = pages
    .filter((p) => docs.has(p.id))
    .map((p) => ({ slug: p.data.slug, title: displayTitle(p.data), doc: docs.get(p.id)! }))
    .sort((a, b) => a.title.localeCompare(b.title, 'zh-CN'));
  const { places, problems } = loadChannelRegistry();
  for (const problem of problems) console.warn(formatProblem(problem));
  const vocabulary = loadVocabulary();
  const themes = loadThemes();
  const catalogue = loadIndicators();
  const indicators = new Map<string, IndicatorInfo>(catalogue.entries.map((e, order) => [e.id, { name: e.name, theme: e.theme, order }]));
  // Same addresses as the place pages: /places/shanghai-jingan/ ↔ /participate/shanghai-jingan/.
  const site = await loadSite();
  const slugs = new Map([...site.places.bySlug.values()].map((n) => [n.path.join('/'), n.slug]));
  const index = buildParticipation(plans, {
    slugOf: (path) => slugs.get(path.join('/')) ?? null,
    registry: places,
    kinds: vocabulary.kinds,
    asOf: buildDate(),
    indicators,
    themeOrder: themes.order,
  });
  return { index, plans, kinds: vocabulary.kinds, themes: themes.file.themes.map((t) => ({ id: t.id, name: t.name })) };
}

export { dateLabel } from '../utils/dates.ts';

/** A place's participation page (or its card); `slug` is PlaceView.slug. */
export function placeHref(slug: string, card = false): string {
  return `/participate/${encodeURIComponent(slug)}/${card ? 'card/' : ''}`;
}

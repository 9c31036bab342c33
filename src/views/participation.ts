/**
 * The participation index (issue 8), computed once at build time from every plan document and the
 * staff registry (content/channels/*.yaml): pages only render it.
 *
 *   places   one per jurisdiction the plans name (and per registry file without a plan yet):
 *            the clauses of its plans that promise a way to report, ask or take part, grouped by
 *            what the citizen does, and the registry's real numbers with their verified date
 *   plans    the same for each plan, for the "参与" box of the plan page
 *   themes   promises whose clause is about a theme, for the theme pages' "act on this" box
 *
 * Pure TypeScript: no Astro imports. The pages pass the documents in (src/views/participation-site.ts).
 */
import type { Jurisdiction } from '../schemas/jurisdiction.ts';
import type { Block, ChannelKind, PlanDocument, Section } from '../schemas/plan-document.ts';
import type { ChannelKindInfo } from '../schemas/channels.ts';
import { isStale, registryFor, type RegistryPlace } from '../pipeline/enrich/channels-registry.ts';
import { indicatorUse, mainGoals, type GoalItem, type IndicatorInfo } from './participation-goals.ts';

/** What a citizen does with a channel, in the order the pages show them. */
export const ACTIONS = [
  { id: 'report', name: '反映问题', guide: 'report' },
  { id: 'ask', name: '获取信息', guide: 'ask' },
  { id: 'speak', name: '表达意见', guide: 'speak' },
  { id: 'visit', name: '参观设施', guide: 'visit' },
  { id: 'watch', name: '参与监督', guide: 'join' },
  { id: 'join', name: '参加活动', guide: 'join' },
] as const;
export type ActionId = (typeof ACTIONS)[number]['id'];

/** The parts of a plan document the view reads. */
export type DocLike = Pick<PlanDocument, 'meta' | 'sections' | 'goals' | 'channels'>;
export interface PlanInput { slug: string; title: string; doc: DocLike }

/** One clause of a plan that promises one or more channels of the same action. */
export interface PromiseItem {
  action: ActionId;
  kinds: ChannelKind[];
  /** The channels' names as found ("12369环保举报热线", "有奖举报"). */
  labels: string[];
  /** Numbers or addresses the clause itself gives. */
  values: string[];
  quote: string;
  planSlug: string;
  planTitle: string;
  /** The clause: its section's number and heading, and the block's lead when it has one. */
  clause: string;
  /** The section's number and heading: "5.健全生态环境全民行动参与体系". */
  section: string;
  /** The block's lead sentence without its stop, when it differs from the heading: "推进全民环境监督". */
  lead: string | null;
  sectionId: string;
  blockId: string;
  href: string;
  /** Themes of the clause (its block's, else its section's). */
  themes: string[];
}

/** A registry entry as shown: with the place it comes from, its staleness and its clause. */
export interface ContactItem {
  kind: ChannelKind;
  action: ActionId;
  label: string;
  value: string;
  /** "tel:12369" for numbers, the address for web links, null otherwise. */
  link: string | null;
  note: string | null;
  source: string;
  verified: string;
  stale: boolean;
  /** The registry file's place: 扬州市, 全国. */
  from: string;
  clauseHref: string | null;
}

export interface PlaceView {
  /** The full place name, province first ("江苏省扬州市", "上海市静安区"): unique. */
  key: string;
  /** URL segment: the place's slug on the site (/places/<slug>/), else the key itself. */
  slug: string;
  /** Names from the outermost place down: ["上海市", "静安区"]. */
  path: string[];
  name: string;
  /** Province (or municipality) as the plans name it, null when they do not say. */
  province: string | null;
  level: string | null;
  plans: { slug: string; title: string }[];
  promises: PromiseItem[];
  contacts: ContactItem[];
  /** Enclosing places that have their own page ("上海市" for 上海市静安区). */
  parents: { key: string; slug: string; name: string }[];
  goals: GoalItem[];
}

export interface PlanParticipationView {
  slug: string;
  place: { key: string; slug: string; name: string } | null;
  promises: PromiseItem[];
  contacts: ContactItem[];
}

export interface ParticipationIndex {
  asOf: string;
  places: PlaceView[];
  plans: Map<string, PlanParticipationView>;
  /** Every promise of every plan, in plan order. */
  promises: PromiseItem[];
}

export interface BuildOptions {
  registry: readonly RegistryPlace[];
  kinds: Record<ChannelKind, ChannelKindInfo>;
  /** Build date, YYYY-MM-DD: registry entries verified more than a year before are flagged. */
  asOf: string;
  indicators?: ReadonlyMap<string, IndicatorInfo>;
  themeOrder?: readonly string[];
  goalsPerPlace?: number;
  /** The site's URL slug of a place given its names, outermost first (the places pages' slugs). */
  slugOf?: (path: readonly string[]) => string | null;
}

/** The place's name parts, outermost first, without repeats: 上海市 › 宝山区 › 友谊路街道. */
export function placeParts(j: Pick<Jurisdiction, 'name' | 'province' | 'city' | 'county'>): string[] {
  const parts: string[] = [];
  for (const p of [j.province, j.city, j.county, j.name]) if (p && !parts.includes(p)) parts.push(p);
  return parts;
}

export function placeKey(j: Pick<Jurisdiction, 'name' | 'province' | 'city' | 'county'>): string {
  return placeParts(j).join('');
}

/** Registry files for a place, most specific first; a county (友谊路街道 in 宝山区) counts too. */
export function registryChain(registry: readonly RegistryPlace[], j: Jurisdiction | null): RegistryPlace[] {
  const chain = registryFor(registry, j);
  if (j?.county) {
    const county = registry.find((p) => p.place === j.county && (!p.province || !j.province || p.province === j.province));
    if (county && !chain.includes(county)) chain.splice(chain[0]?.place === j.name ? 1 : 0, 0, county);
  }
  return chain;
}

export function walkSections(list: Section[], visit: (s: Section) => void): void {
  for (const s of list) {
    visit(s);
    walkSections(s.children, visit);
  }
}

/** "5.健全生态环境全民行动参与体系" and the block's lead "推进全民环境监督" (null when none or the same). */
function clauseParts(section: Section | undefined, block: Block | undefined): { section: string; lead: string | null } {
  const head = section ? `${section.number ?? ''}${section.heading}`.trim() : '';
  const lead = block?.lead?.replace(/[。；;，,]$/, '') ?? null;
  return { section: head || '原文', lead: lead && lead !== section?.heading ? lead : null };
}

/**
 * The clauses of one plan that promise channels: one item per block, action and sentence, so that
 * channels named in the same sentence ("12345""12369"热线……有奖举报) are listed together and each
 * quote stays one verbatim passage.
 */
/**
 * Rules of content/channel-kinds.yaml whose channels a citizen uses for another action than their
 * kind's: "任何单位和个人有权对……举报" (kind other, rule other-report) is a way to report.
 */
const ACTION_BY_RULE: Record<string, ActionId> = { 'other-report': 'report' };

export function planPromises(plan: PlanInput, kinds: Record<ChannelKind, ChannelKindInfo>): PromiseItem[] {
  const sections = new Map<string, Section>();
  const blocks = new Map<string, Block>();
  walkSections(plan.doc.sections, (s) => {
    sections.set(s.id, s);
    for (const b of s.blocks) blocks.set(b.id, b);
  });
  const items: PromiseItem[] = [];
  for (const c of plan.doc.channels) {
    const action = (c.entry && ACTION_BY_RULE[c.entry]) || ((kinds[c.kind]?.action ?? 'join') as ActionId);
    // Same block and action, and one quote inside the other: the same passage.
    let item = items.find((i) => i.blockId === c.blockId && i.action === action && (i.quote.includes(c.quote) || c.quote.includes(i.quote)));
    if (!item) {
      const section = sections.get(c.sectionId);
      const block = blocks.get(c.blockId);
      const parts = clauseParts(section, block);
      item = {
        action, kinds: [], labels: [], values: [], quote: c.quote,
        planSlug: plan.slug, planTitle: plan.title,
        clause: parts.lead ? `${parts.section} · ${parts.lead}` : parts.section,
        section: parts.section, lead: parts.lead,
        sectionId: c.sectionId, blockId: c.blockId,
        href: `/plans/${plan.slug}/#${c.blockId}`,
        themes: block?.themes.length ? block.themes : (section?.themes ?? []),
      };
      items.push(item);
    } else if (c.quote.length > item.quote.length) {
      item.quote = c.quote;
    }
    if (!item.kinds.includes(c.kind)) item.kinds.push(c.kind);
    for (const label of c.label.split('、')) if (!item.labels.includes(label)) item.labels.push(label);
    if (c.value && !item.values.includes(c.value)) item.values.push(c.value);
  }
  for (const item of items) item.values = item.values.filter((v) => !item.labels.some((l) => l.includes(v)));
  const order = (a: ActionId) => ACTIONS.findIndex((x) => x.id === a);
  // Stable sort: document order inside each action.
  return items.sort((a, b) => order(a.action) - order(b.action));
}

/** The registry entries that apply to a place, most specific first, one per value. */
export function placeContacts(chain: readonly RegistryPlace[], plans: readonly PlanInput[], opts: Pick<BuildOptions, 'kinds' | 'asOf'>): ContactItem[] {
  const out: ContactItem[] = [];
  const seen = new Set<string>();
  for (const place of chain) {
    for (const e of place.entries) {
      const key = e.value.replace(/\s+/g, '');
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({
        kind: e.kind,
        action: (opts.kinds[e.kind]?.action ?? 'join') as ActionId,
        label: e.label,
        value: e.value,
        link: contactLink(e.value),
        note: e.note ?? null,
        source: e.source,
        verified: e.verified,
        stale: isStale(e, opts.asOf),
        from: place.place,
        clauseHref: e.plan && e.quote ? clauseOf(plans, e.plan, e.quote) : null,
      });
    }
  }
  return out;
}

/** tel: for a phone number ("12369", "0514-87654321"), the address for a web link. */
export function contactLink(value: string): string | null {
  const v = value.trim();
  if (/^[\d\s-]{3,20}$/.test(v)) return `tel:${v.replace(/[\s-]/g, '')}`;
  if (/^https?:\/\//.test(v)) return v;
  return null;
}

function clauseOf(plans: readonly PlanInput[], slug: string, quote: string): string | null {
  const plan = plans.find((p) => p.slug === slug);
  if (!plan) return null;
  let found: string | null = null;
  walkSections(plan.doc.sections, (s) => {
    if (!found) found = s.blocks.find((b) => b.text.includes(quote))?.id ?? null;
  });
  return found ? `/plans/${slug}/#${found}` : `/plans/${slug}/`;
}

/** The whole index. Plans are taken in the order given. */
export function buildParticipation(plans: readonly PlanInput[], opts: BuildOptions): ParticipationIndex {
  const byKey = new Map<string, { j: Jurisdiction; plans: PlanInput[] }>();
  const planViews = new Map<string, PlanParticipationView>();
  const all: PromiseItem[] = [];
  for (const plan of plans) {
    const j = plan.doc.meta.jurisdiction;
    const promises = planPromises(plan, opts.kinds);
    all.push(...promises);
    const key = j ? placeKey(j) : null;
    if (j && key) {
      const entry = byKey.get(key) ?? { j, plans: [] };
      entry.plans.push(plan);
      byKey.set(key, entry);
    }
    planViews.set(plan.slug, {
      slug: plan.slug,
      place: j && key ? { key, slug: opts.slugOf?.(placeParts(j)) ?? key, name: j.name } : null,
      promises,
      contacts: placeContacts(registryChain(opts.registry, j), plans, opts),
    });
  }
  // A registry file whose place no plan names yet still gets its page.
  for (const r of opts.registry) {
    if (r.province === null) continue;
    const j: Jurisdiction = { name: r.place, province: r.province, ...(r.city ? { city: r.city } : {}), ...(r.level ? { level: r.level } : {}) };
    const key = placeKey(j);
    if (!byKey.has(key)) byKey.set(key, { j, plans: [] });
  }
  const use = indicatorUse(plans);
  const places: PlaceView[] = [...byKey.entries()].map(([key, { j, plans: own }]) => {
    const parts = placeParts(j);
    const parents = parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join(''))
      .filter((k) => k !== key && byKey.has(k))
      .reverse()
      .map((k) => ({ key: k, slug: opts.slugOf?.(placeParts(byKey.get(k)!.j)) ?? k, name: byKey.get(k)!.j.name }));
    return {
      key,
      slug: opts.slugOf?.(parts) ?? key,
      path: parts,
      name: j.name,
      province: j.province ?? null,
      level: j.level ?? null,
      plans: own.map((p) => ({ slug: p.slug, title: p.title })),
      promises: own.flatMap((p) => planViews.get(p.slug)!.promises),
      contacts: placeContacts(registryChain(opts.registry, j), plans, opts),
      parents,
      goals: mainGoals(own, { indicators: opts.indicators, themeOrder: opts.themeOrder, use, limit: opts.goalsPerPlace ?? 6 }),
    };
  });
  places.sort((a, b) => a.key.localeCompare(b.key, 'zh-CN'));
  return { asOf: opts.asOf, places, plans: planViews, promises: all };
}

/** Items grouped by action, in ACTIONS order, empty groups left out. */
export function byAction<T extends { action: ActionId }>(items: readonly T[]): { action: (typeof ACTIONS)[number]; items: T[] }[] {
  return ACTIONS.map((action) => ({ action, items: items.filter((i) => i.action === action.id) })).filter((g) => g.items.length > 0);
}

/**
 * Places at build time: the tree of jurisdictions the published plans name (province › city ›
 * county › place), each node with an ASCII slug for /places/<slug>/ made of the segments in
 * content/places.yaml ("上海市" → shanghai, "崇明区" → chongming: /places/shanghai-chongming/).
 * A name missing from that file gets "x" + 8 hex digits of its SHA-256 and a build warning, so a
 * new place is published at once and can be given a readable address before it is shared.
 */
import { createHash } from 'node:crypto';
import { DataFileError, problem } from '../data/problem.ts';
import { readYaml, validate } from '../data/yaml.ts';
import { placesDescribe, placesFileSchema, type PlacesFile } from '../schemas/places.ts';
import { byNewest, type PlanRecord } from './plans.ts';

export interface PlaceNode {
  name: string;
  /** Names from the outermost place down to this one. */
  path: string[];
  slug: string;
  /** The level the plans give this place (区, 镇, 市 …), when a plan is issued for it. */
  level: string | null;
  parent: PlaceNode | null;
  children: PlaceNode[];
  /** Plans issued for this place itself, newest first. */
  plans: PlanRecord[];
  /** Plans of other places that set targets for this one (a provincial plan's row for a city), newest first. */
  targetedBy: PlanRecord[];
}

export interface PlaceIndex {
  roots: PlaceNode[];
  bySlug: Map<string, PlaceNode>;
  /** Plan slug → the node of its own place. */
  byPlan: Map<string, PlaceNode>;
  /** Plans whose text names no place. */
  unplaced: PlanRecord[];
  /** Names that had no segment in content/places.yaml (for the build warning). */
  missing: string[];
  /** The node of a place a plan's goal names ("石家庄市" in a provincial plan's table), by `goalPlaceKey`. */
  byGoalPlace: Map<string, PlaceNode>;
}

export const goalPlaceKey = (planSlug: string, place: string): string => `${planSlug}\u0000${place}`;

export function parsePlaces(text: string, name: string): PlacesFile {
  return validate(placesFileSchema, readYaml(text, name, 'places', '请检查缩进和冒号。'), 'places', placesDescribe);
}

/** The URL segment of `name` under `parent` (qualified key first), or its hash. */
function segmentOf(name: string, parent: string | undefined, file: PlacesFile, missing: Set<string>): string {
  const known = (parent && file.segments[`${parent}/${name}`]) ?? file.segments[name];
  if (known) return known;
  missing.add(name);
  return `x${createHash('sha256').update(name).digest('hex').slice(0, 8)}`;
}

export function buildPlaces(plans: PlanRecord[], file: PlacesFile): PlaceIndex {
  const byKey = new Map<string, PlaceNode>();
  // Places by stem ("石家庄市" and "石家庄" alike), kept as nodes are made: a goal's place is looked
  // up once per name, not by a scan of every place (a national corpus has thousands).
  const byStem = new Map<string, PlaceNode[]>();
  const roots: PlaceNode[] = [];
  const missing = new Set<string>();
  const byPlan = new Map<string, PlaceNode>();
  const unplaced: PlanRecord[] = [];

  const nodeFor = (path: string[]): PlaceNode => {
    const key = path.join('/');
    const found = byKey.get(key);
    if (found) return found;
    const parent = path.length > 1 ? nodeFor(path.slice(0, -1)) : null;
    const name = path.at(-1)!;
    const segment = segmentOf(name, path.at(-2), file, missing);
    const node: PlaceNode = {
      name, path, slug: parent ? `${parent.slug}-${segment}` : segment, level: null, parent, children: [], plans: [], targetedBy: [],
    };
    byKey.set(key, node);
    byStem.set(stem(name), [...(byStem.get(stem(name)) ?? []), node]);
    (parent ? parent.children : roots).push(node);
    return node;
  };

  for (const plan of plans) {
    if (!plan.placePath.length) {
      unplaced.push(plan);
      continue;
    }
    const node = nodeFor(plan.placePath);
    node.plans.push(plan);
    node.level ??= plan.level;
    byPlan.set(plan.slug, node);
  }

  // Places the plans' goals name (a row of a per-city or per-town table): the place already in the
  // tree under that name (under the plan's own place first), or a new place under the plan's.
  const byGoalPlace = new Map<string, PlaceNode>();
  const named = (name: string): PlaceNode[] => [...(byStem.get(stem(name)) ?? [])];
  for (const plan of plans) {
    const names = new Set(plan.doc.goals.map((g) => g.place).filter((p): p is string => Boolean(p)));
    for (const name of names) {
      if (/、/.test(name)) continue; // one value for several places: no one place's page
      const under = named(name).filter((n) => plan.placePath.every((p, i) => n.path[i] === p));
      // A place of that name elsewhere only when it is the one such place in the plan's province (or
      // the plan names none): a Beijing plan's "朝阳区" is not Changchun's 朝阳区.
      const elsewhere = named(name).filter((n) => !plan.placePath.length || n.path[0] === plan.placePath[0]);
      const node = under[0] ?? (elsewhere.length === 1 ? elsewhere[0]! : nodeFor([...plan.placePath.filter((p) => p !== name), name]));
      byGoalPlace.set(goalPlaceKey(plan.slug, name), node);
      if (!node.targetedBy.includes(plan) && !node.plans.includes(plan)) node.targetedBy.push(plan);
    }
  }

  // Plans of each place and the places under it, counted once (not inside the comparison).
  const counts = new Map<PlaceNode, number>();
  const count = (n: PlaceNode): number => {
    const c = n.plans.length + n.children.reduce((sum, child) => sum + count(child), 0);
    counts.set(n, c);
    return c;
  };
  for (const r of roots) count(r);
  const sort = (list: PlaceNode[]) => {
    list.sort((a, b) => counts.get(b)! - counts.get(a)! || a.name.localeCompare(b.name, 'zh-CN'));
    for (const n of list) {
      n.plans.sort(byNewest);
      n.targetedBy.sort(byNewest);
      sort(n.children);
    }
  };
  sort(roots);
  unplaced.sort(byNewest);

  const bySlug = new Map<string, PlaceNode>();
  for (const node of byKey.values()) {
    const clash = bySlug.get(node.slug);
    if (clash) {
      throw new DataFileError([problem('content/places.yaml', 'places', `“${clash.path.join(' › ')}”和“${node.path.join(' › ')}”得到了同一个网址名 ${node.slug}。请用“上级地区名/地区名”给其中一个写不同的网址片段。`)]);
    }
    bySlug.set(node.slug, node);
  }
  return { roots, bySlug, byPlan, unplaced, missing: [...missing], byGoalPlace };
}

/** "石家庄市" and "石家庄" are one place. */
function stem(name: string): string {
  return name.length > 2 ? name.replace(/(?:省|市|区|县|镇|乡|街道)$/, '') : name;
}

/** Plans of a place and of every place under it, newest first. */
export function allPlans(node: PlaceNode): PlanRecord[] {
  const out = [...node.plans];
  for (const c of node.children) out.push(...allPlans(c));
  return out.sort(byNewest);
}

/** The node and its ancestors, outermost first. */
export function lineage(node: PlaceNode): PlaceNode[] {
  const out: PlaceNode[] = [];
  for (let n: PlaceNode | null = node; n; n = n.parent) out.unshift(n);
  return out;
}

export const placeHref = (node: PlaceNode): string => `/places/${node.slug}/`;

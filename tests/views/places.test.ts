/**
 * src/views/places.ts builds the place tree of the place pages (/places/<slug>/) from the
 * jurisdictions the plans name, with URL slugs from content/places.yaml. Tested on the seeds:
 * every plan sits under its own place and counts for each place above it, lineage runs from the
 * root down, slugs are unique and made of the file's segments, a name missing from the file gets
 * a hash and is reported, and bad files and slug clashes are reported with the file's name.
 */
import { describe, expect, it } from 'vitest';
import { DataFileError } from '../../src/data/problem.ts';
import { allPlans, buildPlaces, goalPlaceKey, lineage, parsePlaces, placeHref } from '../../src/views/places.ts';
import { placesFile, seedPlans } from './site.ts';

const plans = seedPlans();
const file = placesFile();
const index = buildPlaces(plans, file);
const nodes = [...index.bySlug.values()];

describe('buildPlaces on the seeds', () => {
  it('puts every plan under the node of its own place, the rest in unplaced', () => {
    const placed = plans.filter((p) => p.placePath.length > 0);
    expect(placed.length).toBeGreaterThan(0);
    expect(index.unplaced.length).toBeGreaterThan(0);
    for (const p of placed) {
      const node = index.byPlan.get(p.slug)!;
      expect(node.path).toEqual(p.placePath);
      expect(node.plans).toContain(p);
    }
    expect(index.unplaced.every((p) => p.placePath.length === 0 && !index.byPlan.has(p.slug))).toBe(true);
    expect(nodes.reduce((n, node) => n + node.plans.length, 0) + index.unplaced.length).toBe(plans.length);
  });

  it('counts a plan for its place and every place above it (allPlans of a province has its cities\')', () => {
    let checked = 0;
    for (const p of plans.filter((x) => x.placePath.length > 1)) {
      for (const up of lineage(index.byPlan.get(p.slug)!)) { expect(allPlans(up)).toContain(p); checked++; }
    }
    expect(checked).toBeGreaterThan(0);
    const shanghai = index.bySlug.get('shanghai')!;
    expect(allPlans(shanghai).length).toBe(plans.filter((p) => p.placePath[0] === '上海市').length);
    expect(allPlans(shanghai).length).toBeGreaterThan(shanghai.plans.length);
  });

  it('gives lineage from the root down to the node', () => {
    const deep = nodes.filter((n) => n.path.length === 3);
    expect(deep.length).toBeGreaterThan(0);
    for (const node of deep) {
      const line = lineage(node);
      expect(line[0]!.parent).toBeNull();
      expect(line.at(-1)).toBe(node);
      expect(line.map((n) => n.name)).toEqual(node.path);
      line.slice(1).forEach((n, i) => expect(n.parent).toBe(line[i]));
    }
  });

  it('makes unique slugs from the segments of content/places.yaml', () => {
    expect(nodes.length).toBeGreaterThan(5);
    expect(new Set(nodes.map((n) => n.slug)).size).toBe(nodes.length);
    expect(index.missing).toEqual([]);
    for (const n of nodes) {
      const segment = file.segments[`${n.path.at(-2)}/${n.name}`] ?? file.segments[n.name];
      expect(n.slug).toBe(n.parent ? `${n.parent.slug}-${segment}` : segment);
      expect(placeHref(n)).toBe(`/places/${n.slug}/`);
    }
    expect(index.bySlug.get('shanghai-chongming')?.path).toEqual(['上海市', '崇明区']);
  });

  it('orders places by how many plans they have, and plans newest first', () => {
    const lists = [index.roots, ...nodes.map((n) => n.children)].filter((l) => l.length > 1);
    expect(lists.length).toBeGreaterThan(0);
    for (const list of lists) {
      const counts = list.map((n) => allPlans(n).length);
      expect([...counts].sort((a, b) => b - a)).toEqual(counts);
    }
    const several = nodes.filter((x) => x.plans.length > 1);
    expect(several.length).toBeGreaterThan(0);
    for (const n of several) {
      const dates = n.plans.map((p) => p.page.issued ?? '');
      expect([...dates].sort().reverse()).toEqual(dates);
    }
  });
});

describe('places the plans do not fully describe', () => {
  const plan = plans.find((p) => p.placePath.length === 2 && p.doc.goals.length > 0)!;

  it('gives a name missing from the file a hash slug and reports it', () => {
    expect(plan).toBeDefined();
    const odd = { ...plan, slug: 'odd', placePath: [...plan.placePath, '测试镇'] };
    const built = buildPlaces([...plans, odd], file);
    const node = built.byPlan.get('odd')!;
    expect(built.missing).toEqual(['测试镇']);
    expect(node.slug).toMatch(new RegExp(`^${node.parent!.slug}-x[0-9a-f]{8}$`));
  });

  it('puts a place a goal names under the plan\'s place, and finds the plan\'s own place by its short name', () => {
    const goals = [{ ...plan.doc.goals[0]!, place: '测试县' }, { ...plan.doc.goals[0]!, place: plan.placePath[1]!.slice(0, -1) }];
    const withGoals = { ...plan, doc: { ...plan.doc, goals } };
    const built = buildPlaces(plans.map((p) => (p === plan ? withGoals : p)), file);
    const target = built.byGoalPlace.get(goalPlaceKey(plan.slug, '测试县'))!;
    expect(target.path).toEqual([...plan.placePath, '测试县']);
    expect(target.targetedBy).toEqual([withGoals]);
    const own = built.byGoalPlace.get(goalPlaceKey(plan.slug, goals[1]!.place))!;
    expect(own).toBe(built.byPlan.get(plan.slug));
    expect(own.targetedBy).not.toContain(withGoals);
  });

  it('links a goal to a same-named place elsewhere only within the plan\'s province', () => {
    // A plan of another province whose table names a district the tree has only here.
    const elsewhere = plans.find((p) => p.placePath.length >= 2 && p.placePath[0] !== plan.placePath[0])!;
    expect(elsewhere).toBeDefined();
    const district = plan.placePath[1]!;
    const goals = [{ ...plan.doc.goals[0]!, place: district }];
    const foreign = { ...elsewhere, slug: 'foreign', doc: { ...elsewhere.doc, goals } };
    const sameProvince = { ...plan, slug: 'same-province', placePath: [plan.placePath[0]!], doc: { ...plan.doc, goals } };
    const built = buildPlaces([...plans, foreign, sameProvince], file);
    const fromForeign = built.byGoalPlace.get(goalPlaceKey('foreign', district))!;
    expect(fromForeign.path).toEqual([...elsewhere.placePath, district]);
    expect(fromForeign).not.toBe(built.byPlan.get(plan.slug));
    expect(built.byGoalPlace.get(goalPlaceKey('same-province', district))).toBe(built.byPlan.get(plan.slug));
  });
});

describe('bad places files', () => {
  it('names the file when its YAML is broken', () => {
    expect(() => parsePlaces('segments:\n  上海市: [shanghai\n', 'content/places-broken.yaml')).toThrow(/content\/places-broken\.yaml/);
  });

  it('reports two places that get the same slug', () => {
    const clash = { ...file, segments: { ...file.segments, 崇明区: 'putuo' } };
    expect(() => buildPlaces(plans, clash)).toThrow(DataFileError);
    expect(() => buildPlaces(plans, clash)).toThrow(/shanghai-putuo/);
  });
});

/**
 * src/search/records.ts is what the site search indexes (scripts/build-search.ts) and what the
 * search tests and benchmark take as ground truth: one record per section holding the section's
 * own text, plus each plan's facts for filters. Tested on every seed: no section with text is
 * lost, records follow the document with their heading paths, the plan facts agree with the
 * plan pages (src/views/plans.ts), and the plan order puts placed plans first.
 */
import { describe, expect, it } from 'vitest';
import { walk, type Section } from '../../src/views/outline.ts';
import { comparePlans, headingLine, planInfo, sectionRecords, sectionText } from '../../src/search/records.ts';
import { seedPlans } from './site.ts';

const plans = seedPlans();
const all = plans.map((plan) => ({ plan, records: sectionRecords(plan.doc), visits: [...walk(plan.doc.sections as Section[])] }));
const hasText = (s: Section) => headingLine(s) !== '' || s.blocks.some((b) => b.text.trim() !== '');

describe('sectionRecords on every seed', () => {
  it('loses no section with text, and keeps them in document order', () => {
    expect(all.length).toBeGreaterThan(0);
    for (const { plan, records, visits } of all) {
      const withText = visits.filter((v) => hasText(v.section));
      expect(withText.length, plan.slug).toBeGreaterThan(0);
      expect(records.map((r) => r.id), plan.slug).toEqual(withText.map((v) => v.section.id));
    }
  });

  it('skips a section with no heading and no text, but not the sections under it', () => {
    const { plan } = all.find((p) => p.plan.doc.sections.some((s) => s.children.length > 0 && headingLine(s) !== ''))!;
    const outer = plan.doc.sections.find((s) => s.children.length > 0 && headingLine(s) !== '')!;
    const blank = { ...outer, number: null, heading: '', blocks: outer.blocks.map((b) => ({ ...b, text: ' ' })) };
    const records = sectionRecords({ ...plan.doc, sections: [blank] });
    expect(records.map((r) => r.id)).not.toContain(outer.id);
    expect(records.length).toBeGreaterThan(0);
    expect(records[0]!.path[0]).toBe(headingLine(outer.children[0]!));
  });

  it('holds the section\'s heading line, then its own blocks, never its sub-sections', () => {
    let nested = 0;
    for (const { records, visits } of all) {
      const byId = new Map(records.map((r) => [r.id, r]));
      for (const { section: s } of visits.filter((v) => hasText(v.section))) {
        const r = byId.get(s.id)!;
        const own = s.blocks.map((b) => b.text).filter((t) => t.trim());
        expect(r.texts).toEqual(headingLine(s) ? [headingLine(s), ...own] : own);
        expect(r.themes).toEqual(s.themes);
        if (s.children.some((c) => c.blocks.length)) nested++;
      }
    }
    expect(nested).toBeGreaterThan(0);
  });

  it('gives each record the heading lines from the top of the plan down to its own', () => {
    let numbered = 0;
    for (const { records, visits } of all) {
      const byId = new Map(records.map((r) => [r.id, r]));
      for (const { section: s, ancestors } of visits.filter((v) => hasText(v.section))) {
        const expected = [...ancestors, s].map(headingLine).filter((l) => l !== '');
        expect(byId.get(s.id)!.path).toEqual(expected);
        if (s.number && s.heading) {
          numbered++;
          expect(headingLine(s)).toBe(`${s.number}${s.heading}`.trim());
          expect(headingLine(s).startsWith(s.number.trim())).toBe(true);
        }
      }
    }
    expect(numbered).toBeGreaterThan(0);
  });

  it('matches a record against its texts one per line', () => {
    const records = all.flatMap((p) => p.records).filter((r) => r.texts.length > 2);
    expect(records.length).toBeGreaterThan(0);
    for (const r of records) {
      const text = sectionText(r);
      for (const t of r.texts) expect(text).toContain(t);
      expect(text.split('\n').length).toBeGreaterThanOrEqual(r.texts.length);
    }
  });
});

describe('planInfo and comparePlans', () => {
  it('gives each plan the place, title, level, kind and year its page shows', () => {
    expect(plans.length).toBeGreaterThan(0);
    for (const p of plans) {
      const info = planInfo(p.slug, p.doc);
      expect(info.place, p.slug).toEqual(p.placePath);
      expect(info.title, p.slug).toBe(p.title);
      expect([info.level, info.kind, info.year, info.issued]).toEqual([p.level, p.kind, p.year, p.page.issued]);
    }
  });

  it('orders plans by place, plans without a place last, newest first within a place', () => {
    const infos = plans.map((p) => planInfo(p.slug, p.doc)).sort(comparePlans);
    const unplaced = infos.findIndex((i) => i.place.length === 0);
    expect(unplaced).toBeGreaterThan(0);
    expect(infos.slice(unplaced).every((i) => i.place.length === 0)).toBe(true);
    const chongming = infos.filter((i) => i.place.join('/') === '上海市/崇明区');
    expect(chongming.length).toBeGreaterThan(1);
    const dates = chongming.map((i) => i.issued ?? '');
    expect([...dates].sort().reverse()).toEqual(dates);
    const firstOfPlace = infos.findIndex((i) => i.place.join('/') === '上海市/崇明区');
    expect(infos.slice(firstOfPlace, firstOfPlace + chongming.length)).toEqual(chongming);
  });
});

/**
 * What changed between two versions of a plan, section by section: the sections whose own text
 * (heading and blocks, not their sub-sections) differs, with the old and the new text and a
 * word-level diff of the two, and the sections the new version no longer has.
 *
 * Sections are matched by their anchor (a hash of the heading, structure/anchors.ts), so a section
 * whose words changed keeps its match; one whose heading was reworded is matched by its place in
 * the outline (the same markers from the top, "二、 › （三）"), so it shows as reworded, not as one
 * section removed and another added.
 *
 * The diff is the `diff` package's diffArrays over the words an Intl.Segmenter for Chinese ('zh',
 * word granularity) finds, spaces and line breaks kept as tokens of their own, so "2025年PM2.5浓度
 *降至30微克" against "…降至28微克" marks "30" → "28", not the whole sentence and not single
 * characters, and each side keeps its own line breaks.
 */
import { diffArrays } from 'diff';
import type { PlanDocument, Section } from '../pipeline/types.ts';

/** One piece of a diff: text both versions share, or text only the old or only the new one has. */
export interface DiffPart {
  text: string;
  change: 'same' | 'removed' | 'added';
}

export interface RevisedSection {
  /** The section's anchor in the new version (the page's id). */
  id: string;
  /** Headings from the top down to the section, in the new version. */
  path: string[];
  /** The section's own text in the old version; null when it is new. */
  before: string | null;
  /** Its own text in the new version. */
  after: string;
  /** The diff of the two, in order. */
  parts: DiffPart[];
}

export interface Revision {
  /** Sections new or changed in the new version, in reading order. */
  sections: RevisedSection[];
  /** Headings (with markers) of the old version's sections the new one no longer has. */
  removed: string[];
}

interface Flat { section: Section; path: string[]; outline: string }

function flatten(sections: readonly Section[]): Flat[] {
  const out: Flat[] = [];
  const walk = (list: readonly Section[], path: string[], outline: string[]) => {
    list.forEach((s, i) => {
      const label = `${s.number ?? ''}${s.heading}`.trim();
      const here = [...path, ...(label ? [label] : [])];
      const mark = [...outline, s.number?.trim() || `#${i}`];
      out.push({ section: s, path: here, outline: mark.join(' › ') });
      walk(s.children, here, mark);
    });
  };
  walk(sections, [], []);
  return out;
}

/**
 * A section's own words: its heading and its blocks (tables cell by cell, lists item by item). The
 * marker ("（二）") is left out: a section renumbered because another was inserted before it has
 * not changed its words.
 */
export function ownText(s: Section): string {
  const heading = s.heading.trim();
  const blocks = s.blocks.map((b) =>
    b.rows ? b.rows.map((r) => r.join(' | ')).join('\n')
    : b.items ? b.items.map((it) => `${it.number ?? ''}${it.text}`).join('\n')
    : b.text);
  return [heading, ...blocks].filter(Boolean).join('\n');
}

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

const words = (text: string): string[] => [...segmenter.segment(text)].map((s) => s.segment);

export function diffText(before: string, after: string): DiffPart[] {
  return diffArrays(words(before), words(after)).map((p) => ({
    text: p.value.join(''),
    change: p.added ? 'added' : p.removed ? 'removed' : 'same',
  }));
}

export function revise(before: PlanDocument, after: PlanDocument): Revision {
  const old = flatten(before.sections);
  const now = flatten(after.sections);
  // First every section whose anchor both versions have, then, among those left on both sides, a
  // section at the same place in the outline (a reworded heading). In one pass, a section inserted
  // before others would take the outline place of the one it pushed down.
  const pairs = new Map<Flat, Flat>();
  const oldById = new Map(old.map((f) => [f.section.id, f]));
  for (const f of now) {
    const prior = oldById.get(f.section.id);
    if (prior) pairs.set(f, prior);
  }
  const taken = new Set(pairs.values());
  const oldByOutline = new Map(old.filter((f) => !taken.has(f)).map((f) => [f.outline, f]));
  for (const f of now) {
    if (pairs.has(f)) continue;
    const prior = oldByOutline.get(f.outline);
    if (prior && !taken.has(prior)) { pairs.set(f, prior); taken.add(prior); }
  }
  const sections: RevisedSection[] = [];
  for (const f of now) {
    const prior = pairs.get(f);
    const nowText = ownText(f.section);
    const was = prior ? ownText(prior.section) : null;
    if (was === nowText) continue;
    sections.push({ id: f.section.id, path: f.path, before: was, after: nowText, parts: was === null ? [{ text: nowText, change: 'added' }] : diffText(was, nowText) });
  }
  // A removed section by its own heading; one without a heading by the start of its words.
  const removed = old.filter((f) => !taken.has(f)).map((f) => `${f.section.number ?? ''}${f.section.heading}`.trim() || ownText(f.section).slice(0, 30));
  return { sections, removed };
}

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

/** A section's own words: its heading and its blocks (tables cell by cell, lists item by item). */
export function ownText(s: Section): string {
  const heading = `${s.number ?? ''}${s.heading}`.trim();
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
  const byId = new Map(old.map((f) => [f.section.id, f]));
  const byOutline = new Map(old.map((f) => [f.outline, f]));
  const matched = new Set<Flat>();
  const sections: RevisedSection[] = [];
  for (const f of flatten(after.sections)) {
    const candidate = byId.get(f.section.id) ?? byOutline.get(f.outline);
    const prior = candidate && !matched.has(candidate) ? candidate : undefined;
    if (prior) matched.add(prior);
    const now = ownText(f.section);
    const was = prior ? ownText(prior.section) : null;
    if (was === now) continue;
    sections.push({ id: f.section.id, path: f.path, before: was, after: now, parts: was === null ? [{ text: now, change: 'added' }] : diffText(was, now) });
  }
  const removed = old.filter((f) => !matched.has(f)).map((f) => f.path.at(-1) ?? ownText(f.section).slice(0, 30));
  return { sections, removed };
}

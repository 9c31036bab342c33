/**
 * What gets indexed, taken from a plan document (content/plan-data/<slug>.json): one record per
 * section, holding the section's own text only: its numbered heading and its paragraphs, lists
 * and tables, never its subsections (they are records of their own), the page's navigation,
 * cross-links or goal summaries. The same function gives the ground truth of the tests and the
 * benchmark, so what is searched and what is checked cannot drift apart.
 */
import type { PlanDocument, Section } from '../schemas/plan-document.ts';
import { comparePlacePaths } from '../pipeline/text/place-names.ts';

/** The parts of a plan document the search reads. */
export type SearchableDoc = Pick<PlanDocument, 'meta' | 'sections'>;

export interface SectionRecord {
  /** The section's anchor on the plan page. */
  id: string;
  /** Headings from the outermost down to this section's own, each with its number as printed. */
  path: string[];
  /** The section's own texts: its heading line (if any), then each block's text. */
  texts: string[];
  themes: string[];
}

export interface PlanRecordInfo {
  slug: string;
  title: string;
  /** Place names outermost first, e.g. ["上海市", "宝山区"]; [] when the plan names none. */
  place: string[];
  level: string | null;
  kind: string | null;
  year: number | null;
  issued: string | null;
}

/** "（一）" + "加快推动绿色低碳发展" → "（一）加快推动绿色低碳发展". */
export function headingLine(s: Pick<Section, 'number' | 'heading'>): string {
  return `${s.number ?? ''}${s.heading}`.trim();
}

/** Every section that has text, in document order (depth first), with its heading path. */
export function sectionRecords(doc: SearchableDoc): SectionRecord[] {
  const out: SectionRecord[] = [];
  const walk = (sections: Section[], path: string[]): void => {
    for (const s of sections) {
      const line = headingLine(s);
      const here = line ? [...path, line] : path;
      const texts = [line, ...s.blocks.map((b) => b.text)].filter((t) => t.trim() !== '');
      if (texts.length > 0) out.push({ id: s.id, path: here, texts, themes: s.themes ?? [] });
      walk(s.children, here);
    }
  };
  walk(doc.sections, []);
  return out;
}

/** The text a section is matched against: its texts one per line (no query spans a line). */
export function sectionText(r: Pick<SectionRecord, 'texts'>): string {
  return r.texts.join('\n');
}

/** Plan facts for filters and result headings, from the document's metadata. */
export function planInfo(slug: string, doc: SearchableDoc): PlanRecordInfo {
  const m = doc.meta;
  const j = m.jurisdiction;
  const names = j ? [j.province, j.city, j.county, j.name].filter((n): n is string => Boolean(n)) : [];
  const place = names.filter((n, i) => n !== names[i - 1]);
  const where = j?.name ?? '未署名地区';
  const period = m.period ? `${m.period.from}—${m.period.to}年` : '';
  return {
    slug,
    // Same wording as the plan page (utils/plan-labels.ts displayTitle) for an untitled fragment.
    title: m.title ?? `${where}${period}${m.kind ?? '规划'}（节选，原文无标题）`,
    place,
    level: j?.level ?? null,
    kind: m.kind,
    year: m.issued ? Number(m.issued.slice(0, 4)) : null,
    issued: m.issued,
  };
}

/** Search order of plans: by place (outermost first), plans without a place last, newest first. */
export function comparePlans(a: PlanRecordInfo, b: PlanRecordInfo): number {
  if (!a.place.length !== !b.place.length) return a.place.length ? -1 : 1;
  return comparePlacePaths(a.place, b.place)
    || (b.issued ?? '').localeCompare(a.issued ?? '')
    || a.title.localeCompare(b.title, 'zh-CN')
    || a.slug.localeCompare(b.slug);
}

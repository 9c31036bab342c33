/**
 * Every real text the project has (the published plans in seeds/ and the test-only texts in
 * tests/pipeline/real/), checked against the hand-checked expectations in
 * tests/eval/corpus-expectations.json: nothing lost, every table found with its rows and columns,
 * the metadata the text states, and no numbered section without a heading. Where the pipeline
 * still differs from a person's reading, the difference is named below with its reason, so that
 * it can only shrink.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlan, type PlanDocument, type Section } from '../../src/pipeline/index.ts';
import { readPlanSource } from '../../scripts/lib/read-plan.ts';
import { lostSentences } from '../../scripts/lib/fidelity.ts';

interface TableExpectation { rows: number; cols: number; caption: string | null; captionFrom?: string; headerCells: string[] }
interface Expectation {
  copy: string;
  meta: Record<string, unknown> & { alsoAccept?: Record<string, unknown[]> };
  tables?: TableExpectation[];
  attachments?: string[];
  notice?: boolean;
}
const all = JSON.parse(readFileSync('tests/eval/corpus-expectations.json', 'utf8')) as Record<string, Expectation | string[]>;
const expected = Object.entries(all).filter((e): e is [string, Expectation] => e[0] !== 'conventions');
const entries = expected.filter(([, e]) => existsSync(e.copy));

it('has the copy of every text it has expectations for', () => {
  // Every copy is in seeds/ or tests/pipeline/real/, in the repository: a missing one would drop its tests silently.
  expect(expected.length).toBeGreaterThan(0);
  expect(expected.filter(([, e]) => !existsSync(e.copy)).map(([, e]) => e.copy)).toEqual([]);
});

/** Known differences from the hand reading, each with its reason. */
const KNOWN_TABLE_ROWS: Record<string, string> = {};
/** Numbered paragraphs without a lead that follow siblings with one (so they stay sections). */
const KNOWN_EMPTY_HEADINGS: Record<string, number> = {
  '21_shanghai_huancheng_shengtai_gongyuandai_shishi_yijian.txt': 1,
};

const flat = (list: Section[]): Section[] => list.flatMap((s) => [s, ...flat(s.children)]);
const norm = (v: unknown): string => (v === null || v === undefined ? 'null' : typeof v === 'string' ? v.replace(/\s+/g, '') : JSON.stringify(v));
const place = (j: unknown) => {
  const p = j as { name: string; level?: string; province?: string } | null;
  return p ? { name: p.name, level: p.level ?? null, province: p.province ?? null } : null;
};

describe.each(entries)('%s', (name, exp) => {
  const bytes = new Uint8Array(readFileSync(exp.copy));
  // As eval:corpus: a sidecar that states the metadata is what the site publishes.
  const source = readPlanSource(exp.copy);
  const doc: PlanDocument = parsePlan(bytes, source.options.sidecar?.title !== undefined ? source.options : { path: exp.copy });
  const tables = flat(doc.sections).flatMap((s) => s.blocks).filter((b) => b.kind === 'table');

  it('loses no sentence of the content', () => {
    const { lost, total } = lostSentences(name, new TextDecoder().decode(bytes), doc);
    expect(total).toBeGreaterThan(0);
    expect(lost).toEqual([]);
  });

  it('finds every table with its rows, columns and printed caption', () => {
    const want = exp.tables ?? [];
    expect(tables.length).toBe(want.length);
    want.forEach((t, i) => {
      const got = tables[i];
      expect(got?.rows?.[0]?.length, `table ${i + 1} columns`).toBe(t.cols);
      const rows = (got?.rows?.length ?? 1) - 1;
      expect(String(rows), `table ${i + 1} rows`).toBe(KNOWN_TABLE_ROWS[`${name}#${i}`] ?? String(t.rows));
      if (t.captionFrom === 'line-before' || t.captionFrom === 'line-after') expect(norm(got?.caption)).toBe(norm(t.caption));
    });
  });

  it('reads the metadata the text states', () => {
    for (const field of ['title', 'issuer', 'issued', 'docNumber', 'kind', 'period', 'jurisdiction'] as const) {
      const got = field === 'jurisdiction' ? place(doc.meta.jurisdiction) : doc.meta[field];
      const want = field === 'jurisdiction' ? place(exp.meta.jurisdiction) : exp.meta[field];
      const accepted = [want, ...(exp.meta.alsoAccept?.[field] ?? [])].map(norm);
      expect(accepted, `${field}: ${norm(got)}`).toContain(norm(got));
    }
  });

  it('shows the cover notice and the attachments as parts of their own', () => {
    expect(doc.sections.some((s) => s.role === 'notice')).toBe(exp.notice === true);
    const attachments = doc.sections.filter((s) => s.role === 'attachment').map((s) => norm(s.heading));
    expect(attachments).toEqual((exp.attachments ?? []).map(norm));
  });

  it('gives every numbered section a heading (an article without a caption aside)', () => {
    const empty = flat(doc.sections).filter((s) => s.number !== null && s.heading === '' && s.marker !== 'article');
    expect(empty.length).toBe(KNOWN_EMPTY_HEADINGS[name] ?? 0);
  });
});

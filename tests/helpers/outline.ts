/** The section hierarchy of a document as `LEVEL|NUMBER|HEADING` lines, the format of the
 *  tests/pipeline/unseen/*.outline.txt files. */
import type { PlanDocument, Section } from '../../src/pipeline/index.ts';

export function outline(doc: Pick<PlanDocument, 'sections'>): string[] {
  const out: string[] = [];
  const walk = (list: Section[]) => {
    for (const s of list) {
      if (s.number !== null) out.push(`${s.level}|${s.number}|${s.heading}`);
      walk(s.children);
    }
  };
  walk(doc.sections);
  return out;
}

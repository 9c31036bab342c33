/**
 * Every text the document carries, one piece per line: masthead, headings (with their markers),
 * blocks. The notice and signature parts' headings are the site's own labels (印发通知, 落款), not
 * the plan's text, so they are left out. Used where "the plan's own words" are measured: the
 * fidelity tests (nothing lost, nothing invented) and bench:pages (page size against the text).
 */
import type { PlanDocument, Section } from '../types.ts';

export function documentText(doc: PlanDocument): string {
  const parts: string[] = doc.masthead.map((m) => m.text);
  const walk = (list: Section[]) => {
    for (const s of list) {
      if (s.role !== 'notice' && s.role !== 'signature') parts.push(`${s.number ?? ''}${s.heading}`);
      for (const b of s.blocks) parts.push(b.text);
      walk(s.children);
    }
  };
  walk(doc.sections);
  return parts.join('\n');
}

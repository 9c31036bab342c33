/**
 * PlanDocument → plain text, one paragraph per line: masthead, then each heading with its marker,
 * then its blocks (table cells one per line, as tables are usually extracted). Parsing this text
 * again gives the same structure (the idempotence test), and it is the plain-text download.
 */
import type { PlanDocument, Section } from '../types.ts';

export function toPlainText(doc: PlanDocument): string {
  const lines: string[] = doc.masthead.map((m) => m.text);
  const walk = (list: Section[]) => {
    for (const s of list) {
      if (s.number !== null || s.heading) lines.push(`${s.number ?? ''}${s.heading}`);
      for (const b of s.blocks) lines.push(b.text);
      walk(s.children);
    }
  };
  walk(doc.sections);
  return `${lines.join('\n\n')}\n`;
}

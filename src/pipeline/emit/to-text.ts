/**
 * PlanDocument → plain text, one paragraph per line: masthead, then each heading with its marker,
 * then its blocks (a table as its caption and tab-separated rows). Parsing this text
 * again gives the same structure (the idempotence test), and it is the plain-text download.
 */
import type { PlanDocument, Section } from '../types.ts';

export function toPlainText(doc: PlanDocument): string {
  const lines: string[] = [];
  const walk = (list: Section[]) => {
    for (const s of list) {
      if (s.role === 'aside') {
        // A 专栏 box is its caption and the lines right below it, with no blank line between.
        lines.push([`${s.number ?? ''} ${s.heading}`, ...s.blocks.map((b) => b.text)].join('\n'));
        continue;
      }
      // The notice and the signature are printed as they were, without the site's part names.
      if (s.role === 'attachment') lines.push(s.number ?? '', s.heading);
      else if (s.role !== 'notice' && s.role !== 'signature' && (s.number !== null || s.heading)) lines.push(headingLine(s));
      for (const b of s.blocks) lines.push(b.text);
      walk(s.children);
    }
  };
  // The cover notice comes before the plan's own title block, as printed.
  const notice = doc.sections.filter((s) => s.role === 'notice');
  walk(notice);
  lines.push(...doc.masthead.map((m) => m.text));
  // A title only the catalogue states (front matter) heads the text, so that it reads alone.
  if (doc.meta.title && !doc.masthead.some((m) => m.role === 'title')) lines.push(doc.meta.title);
  walk(doc.sections.filter((s) => s.role !== 'notice'));
  return `${lines.join('\n\n')}\n`;
}

/** A heading as printed: "第一条（指导思想）", "1.1 编制目的", "（一）加快推动…". */
function headingLine(s: Section): string {
  const number = s.number ?? '';
  if (s.marker === 'article' && s.heading) return `${number}（${s.heading}）`;
  return s.marker?.startsWith('decimal') && s.heading ? `${number} ${s.heading}` : `${number}${s.heading}`;
}

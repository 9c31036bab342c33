/** Words the pages show about a plan, derived from its metadata. */
import type { PlanPage } from '../schemas/plan-page.ts';
import { dateLabel } from './dates.ts';

/** The title, or for an untitled fragment a plain description of what it is. */
export function displayTitle(p: PlanPage): string {
  if (p.title) return p.title;
  const where = p.jurisdiction?.name ?? '未署名地区';
  const what = p.period ? `${p.period.from}—${p.period.to}年` : '';
  return `${where}${what}${p.kind ?? '规划'}（节选，原文无标题）`;
}

export function periodLabel(p: Pick<PlanPage, 'period'>): string | null {
  return p.period ? `${p.period.from}—${p.period.to}年` : null;
}

export function issuedLabel(issued: string | null): string | null {
  return issued ? dateLabel(issued) : null;
}

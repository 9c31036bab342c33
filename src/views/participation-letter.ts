/**
 * What the information-request letter (依申请公开) of one plan can cite (issue 8): the clauses that
 * promise a channel, the clauses that set a goal, and every section, each with its permanent link.
 * The printed letter without JavaScript cites the default clause: the plan's first clause about
 * information disclosure, else its first goal (asking how far a target has come is the commonest
 * request), else its first other participation clause, else its first section; with JavaScript
 * the reader picks another.
 */
import type { Section } from '../schemas/plan-document.ts';
import type { PlanInput, PromiseItem } from './participation.ts';

export interface LetterClause {
  /** Anchor on the plan page (block or section id). */
  id: string;
  /** Which group the option belongs to. */
  group: '参与方式' | '目标' | '章节';
  /** Shown in the picker: the clause and what it is about. */
  label: string;
  /** Cited in the letter: "5.健全生态环境全民行动参与体系 · 推进全民环境监督". */
  cite: string;
  /** Verbatim text cited in the letter, or null for a section cited by its heading. */
  quote: string | null;
  /** Path and anchor: /plans/<slug>/#<id>. */
  href: string;
}

const MAX_QUOTE = 120;

/** A quote short enough for a letter: the first sentence when the whole is long. */
export function letterQuote(quote: string): string {
  if (quote.length <= MAX_QUOTE) return quote;
  const stop = quote.slice(0, MAX_QUOTE).search(/[。；;](?=[^。；;]*$)/);
  return stop > 20 ? quote.slice(0, stop + 1) : `${quote.slice(0, MAX_QUOTE)}……`;
}

export function letterClauses(plan: PlanInput, promises: readonly PromiseItem[]): LetterClause[] {
  const out: LetterClause[] = [];
  const seen = new Set<string>();
  const add = (c: LetterClause) => {
    if (seen.has(c.id)) return;
    seen.add(c.id);
    out.push(c);
  };
  const promise = (p: PromiseItem) => add({ id: p.blockId, group: '参与方式', label: `${p.labels.join('、')}：${p.clause}`, cite: p.clause, quote: letterQuote(p.quote), href: p.href });
  promises.filter((p) => p.kinds.includes('disclosure')).forEach(promise);
  const sections = new Map<string, Section>();
  const walk = (list: Section[], visit: (s: Section) => void) => list.forEach((s) => { visit(s); walk(s.children, visit); });
  walk(plan.doc.sections, (s) => sections.set(s.id, s));
  for (const g of plan.doc.goals) {
    if (!g.indicatorId) continue;
    const s = sections.get(g.sectionId);
    const where = s ? `${s.number ?? ''}${s.heading}` : '目标';
    add({ id: g.blockId, group: '目标', label: `${g.indicator}：${where}`, cite: where, quote: letterQuote(g.quote), href: `/plans/${plan.slug}/#${g.blockId}` });
  }
  promises.forEach(promise);
  walk(plan.doc.sections, (s) => {
    if (s.role === 'notice' || s.role === 'signature' || !(s.number || s.heading)) return;
    const label = `${s.number ?? ''}${s.heading}`.trim();
    add({ id: s.id, group: '章节', label, cite: label, quote: null, href: `/plans/${plan.slug}/#${s.id}` });
  });
  return out;
}

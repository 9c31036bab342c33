/**
 * Milestones (issue 7): dated commitments without a number.
 *
 *     "2023年底前，基本完成XX湾排污口溯源排查"        → 2023, 基本完成XX湾排污口溯源排查
 *     "到2025年，…辖区建成区黑臭水体基本消除"          → 2025 (the paragraph's deadline)
 *     "2022年起，实施农用地土壤镉等重金属污染源头防治行动" → 2022
 *     task tables: 任务 | 牵头单位 | 完成时限 "2024年底前"  → one milestone per row
 *
 * The clause right after a stated deadline is a milestone; other clauses under a deadline the
 * paragraph stated earlier are milestones only when they promise an outcome one can check
 * (完成, 建成, 消除, 全覆盖, 达到…要求, 不发生 …), not a direction (持续改善, 明显增强).
 * Clauses that hold a numeric goal are goals, not milestones.
 */
import { clausesOf, type Span, type TextContext } from './goals-sentences.ts';
import { timeMarks } from './goals-time.ts';
import type { Block } from '../types.ts';

export interface TextMilestone { year: number; action: string; quoteStart: number; quoteEnd: number }

const OUTCOME = /完成|建成|消除|全覆盖|无填埋|零直排|零进口|不发生|无明显|达到[^，。；]*(?:要求|目标|标准|任务)|优于[^，。；]*(?:要求|任务)|完成[^，。；]*(?:目标|任务)|实现[^，。；]*(?:全|一证式|达标|良性)|出台|制定|编制完成|通车|投运|投用|全部安装|(?<!互)联网|退出|淘汰|基本实现|全面实现|形成/;
const TIME_ONLY = /^\s*(?:力争)?(?:到|至|在|于|截至)?\s*(?:\S{0,3}\d{4}\s*年[^，,]{0,6}|[“"]?十[一二三四五六]五[”"]?\s*(?:末|期末|期间|时期|内)?)\s*$/;
const STATE = /改善|好转|提升|提高|下降|减少|降低|增强|实现|完成|建成|消除|达到|覆盖|形成|落实|实施|整治|排查|保障|管控|打造|扩大|凸显|出台/;
// Not commitments: descriptions ("是…关键五年"), purposes ("为决战决胜…开好头"), premises ("按照…", "根据…"),
// an indicator's definition ("城市易涝点消除比例，即通过工程性措施…开展积水点动态消除任务"), and what
// is done already ("已完成闸河配套2处").
const NOT_ACTION = /^\s*(?:是|也是|将是|为|按照|根据|依据|结合|制定本|即|已经?)/;

export function readTextMilestones(text: string, ctx: TextContext, goalSpans: Span[]): TextMilestone[] {
  const marks = timeMarks(text, ctx.times).filter((m) => m.kind !== 'baseline');
  const out: TextMilestone[] = [];
  for (const { clauses } of clausesOf(text)) {
    for (let ci = 0; ci < clauses.length; ci++) {
      const c = clauses[ci]!;
      const clause = text.slice(c.start, c.end);
      if (TIME_ONLY.test(clause)) continue;
      if (goalSpans.some((g) => g.start < c.end && g.end > c.start)) continue;
      const inClause = marks.filter((m) => m.index >= c.start && m.index < c.end);
      const prevClause = clauses[ci - 1];
      // The clause before is a deadline standing alone ("到2025年，"), not a date that reports ("截至2020年底，").
      const prevMark = prevClause ? marks.find((m) => m.kind !== 'status' && m.index >= prevClause.start && m.index < prevClause.end && TIME_ONLY.test(text.slice(prevClause.start, prevClause.end))) : undefined;
      if (NOT_ACTION.test(clause)) continue;
      // A deadline of this clause: at its start ("2023年底前，…", "到2025年…"), or the clause before.
      const opensClause = (m: { index: number }) => /^\s*(?:力争|争取|确保)?\s*(?:到|至|在|于|自|从)?\s*[“"]?$/.test(text.slice(c.start, m.index));
      const own = inClause.find((m) => m.kind !== 'status' && opensClause(m)) ?? prevMark ?? inClause.find((m) => m.kind !== 'status' && OUTCOME.test(clause));
      // Under a stated deadline, a clause still has to say what changes: "全区生态环境持续改善",
      // not "崇明水务将始终贯彻以人民为中心的发展理念".
      if (own && !OUTCOME.test(clause) && !STATE.test(clause)) continue;
      if (inClause.some((m) => m.kind === 'status') && !own) continue;
      let year: number | null | undefined;
      if (own) year = own.year;
      else if (OUTCOME.test(clause)) {
        const before = marks.filter((m) => m.end <= c.start && m.kind === 'deadline').pop();
        year = before ? before.year : ctx.carried;
      }
      if (!year) continue;
      const start = prevMark && !inClause.length ? prevClause!.start : c.start;
      const action = clause
        .replace(/^\s*(?:力争|争取|确保)?\s*(?:到|至|在|于|自|从)?\s*\d{4}\s*年(?:年底|年末|底|末|上半年|下半年|\d{1,2}月(?:\d{1,2}日)?(?:底)?)?\s*(?:前|以前|之前|起)?\s*[，,]?\s*/, '')
        .replace(/\s+/g, '')
        .trim();
      if (action.length < 4) continue;
      out.push({ year, action, quoteStart: start, quoteEnd: c.end });
    }
  }
  return out;
}

const TIME_HEADER = /时间|时限|节点|进度|完成年份|期限/;

/** Task tables with a time column: one milestone per row that names a year. */
export function readTableMilestones(block: Block): { year: number; action: string; quote: string }[] {
  const rows = block.rows ?? [];
  if (!block.header || rows.length < 2) return [];
  const header = rows[0]!;
  const timeCol = header.findIndex((h) => TIME_HEADER.test(h));
  if (timeCol < 0) return [];
  const taskCol = header.findIndex((h) => /任务|名称|内容|事项|措施|项目/.test(h));
  const out: { year: number; action: string; quote: string }[] = [];
  for (const row of rows.slice(1)) {
    const when = row[timeCol] ?? '';
    const y = /(20\d{2})\s*年/.exec(when);
    if (!y) continue;
    const action = (row[taskCol >= 0 ? taskCol : 1] ?? row.find((c) => c.length > 4) ?? '').replace(/\s+/g, '');
    const joined = row.join('\t');
    out.push({ year: Number(y[1]), action, quote: block.text.includes(joined) ? joined : when });
  }
  return out;
}

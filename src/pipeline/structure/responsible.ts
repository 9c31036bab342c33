/**
 * Responsibility clauses after a task, the list journalists look for:
 *
 *     "责任单位:区科技经济发展局(发改、科技、工信、统计)、财政金融与国资局(金融监管)、…等按职责分工,
 *      各乡镇党委和人民政府。"
 *     "（责任单位：市生态环境局、市发展改革委）"
 *     "牵头单位：市生态环境局；配合单位：市公安局、市交通运输局"
 *
 * Units are split at 、，； outside brackets, so "(发改、科技)" stays with its bureau; the closing
 * "等按职责分工" is not a unit. The clause ends at 。, at a bracket it did not open, or at the
 * next role label.
 */
import type { ResponsibleGroup } from '../types.ts';

const ROLES = '责任单位|牵头单位|配合单位|责任部门|牵头部门|配合部门|责任主体';
/** "责任单位：", "牵头部门:", and the bracketed form "【责任单位】". */
const LABEL = new RegExp(`(?:(${ROLES})\\s*[:：]|【(${ROLES})】)\\s*`, 'g');
/** The next label, where a clause ends. */
const NEXT_LABEL = new RegExp(`^(?:(?:${ROLES})[:：]|【(?:${ROLES})】)`);
const OPEN = '（(【[';
const CLOSE = '）)】]';
const TAIL = /(等)?(按职责分工|分工负责|按职责分工负责|分别负责|负责|落实)?(等)?$/;

export interface Clause extends ResponsibleGroup {
  clause: string;
  start: number;
  end: number;
  /** The clause after its label, cut at the separators but otherwise as printed (for display). */
  pieces: string[];
}

export function findResponsibility(text: string): Clause[] {
  const out: Clause[] = [];
  for (const m of text.matchAll(LABEL)) {
    const start = m.index ?? 0;
    const from = start + m[0].length;
    let depth = 0;
    let end = from;
    const units: string[] = [];
    const pieces: string[] = [];
    let unitStart = from;
    const push = (until: number) => {
      const piece = text.slice(unitStart, until).trim();
      if (piece) pieces.push(piece);
      // "区住建局（牵头）": the note says the unit's role, it is not part of its name.
      const unit = piece.replace(TAIL, '').replace(/[（(](?:牵头|配合|参与)[）)]$/, '').trim();
      if (unit) units.push(unit);
    };
    for (; end < text.length; end++) {
      const ch = text[end] ?? '';
      if (OPEN.includes(ch)) depth++;
      else if (CLOSE.includes(ch)) {
        if (depth === 0) break;
        depth--;
      } else if (depth === 0 && (ch === '。' || NEXT_LABEL.test(text.slice(end)))) break;
      else if (depth === 0 && '、，,；;'.includes(ch)) {
        push(end);
        unitStart = end + 1;
      }
    }
    push(end);
    // The full stop that ends the clause belongs to it (shown after the last unit), so that no
    // stray "。" is left behind as a paragraph of its own.
    if (text[end] === '。' && pieces.length) {
      pieces[pieces.length - 1] += '。';
      end++;
    }
    const role = m[1] ?? m[2] ?? '责任单位';
    out.push({ role, units, pieces, clause: text.slice(start, end).replace(/[；;，,\s]+$/, '').replace(/。$/, ''), start, end });
  }
  return out;
}

/**
 * Duties written in brackets after a task, with no label: "（区生态环境分局牵头，区经信局、区发改局
 * 按职责分工负责）", "（市生态环境局牵头，市公安局配合）". The lead unit, then the others; the words
 * stay as printed in the paragraph, and the units go to the block's data.
 */
const BRACKETED = /[（(]([^（）()，,。；]{2,40}?)牵头[，,、；]\s*([^（）()。]{2,120}?)(?:等)?(?:按职责分工负责|按职责分工|分工负责|配合|参与|负责)[）)]/g;

/** One unit or several in charge, in brackets: "（市生态环境局负责）", "（市生态环境局、市科技局等按职责分工负责）". */
const BRACKETED_ONE = /[（(]([^（）()，,。；]{2,80}?)(?:等)?(?:按职责分工)?(负责|牵头)[）)]/g;

export function findBracketedDuties(text: string): ResponsibleGroup[] {
  const out: ResponsibleGroup[] = [];
  for (const m of text.matchAll(BRACKETED_ONE)) {
    // "（具体由县水利局负责）", "（以上任务均由市水利局牵头）": the units follow 由.
    const named = (m[1] ?? '').split('由').at(-1) ?? '';
    const units = named.split(/、|和|及|会同/).map((u) => u.trim()).filter(Boolean);
    if (units.length && units.every((u) => UNIT.test(u) && u.length <= 20 && !/资金|任务|具体|以上|均$/.test(u))) out.push({ role: m[2] === '牵头' ? '牵头单位' : '责任单位', units });
  }
  for (const m of text.matchAll(BRACKETED)) {
    const split = (s: string) => s.split(/[、，,；;]/).map((u) => u.replace(/^(?:和|及|以及|由)/, '').trim()).filter(Boolean);
    const lead = split(m[1] ?? '');
    const others = split(m[2] ?? '');
    // Bodies, not principles: "（党委领导、政府牵头，企业主体、公众参与）" names no unit.
    if (![...lead, ...others].every((u) => UNIT.test(u))) continue;
    out.push({ role: '牵头单位', units: lead }, { role: '配合单位', units: others });
  }
  return out;
}

/** How the name of a body ends: 局, 委, 办, 政府, 街道 … (with a bracketed note: "各镇（街道）"). */
const UNIT = /(?:局|委|办|会|厅|处|室|署|政府|街道|镇|乡|公司|集团|中心|部|院|所|站|队|组)(?:[（(][^）)]{1,8}[）)])?$/;

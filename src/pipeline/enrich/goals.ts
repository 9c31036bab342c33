/**
 * Enrich step `goals` (issue 7): fills file.data.goals (numeric targets) and file.data.milestones
 * (dated commitments without a number) from the structured sections.
 *
 * Reading order: the cover notice (section.role "notice") is skipped; sections that review the past
 * ("“十三五”工作回顾", "发展现状及成效") hold no goals; a heading's deadline ("四、“十四五”主要任务")
 * governs what is under it; in a goals section ("（三）总体目标") a paragraph's deadline carries on
 * to the paragraphs after it. Paragraphs and list items are read as sentences
 * (goals-sentences.ts), tables by column (goals-tables.ts). Each goal gets the shared indicator id
 * from content/indicators.yaml (goals-indicators.ts) and quotes its clause verbatim.
 */
import { uniqueIds } from '../text/unique-ids.ts';
import type { VFile } from 'vfile';
import { shortHash } from '../text/cjk.ts';
import type { Block, Goal, Jurisdiction, Milestone, Section } from '../types.ts';
import { loadIndicators, type IndicatorCatalogue } from './goals-indicators.ts';
import { readTableMilestones, readTextMilestones } from './goals-milestones.ts';
import { readTextGoals, type Span } from './goals-sentences.ts';
import { readTableGoals } from './goals-tables.ts';
import { campaignEndOf, headingYear, isBackgroundHeading, planTimes, statedHorizon, type PlanTimes } from './goals-time.ts';
import { RULE_BY_ID, type GoalRuleId } from './goals-rules.ts';
import { report } from '../messages.ts';
import './data.ts';

export interface GoalsOptions {
  /** A catalogue other than content/indicators.yaml (tests). */
  catalogue?: IndicatorCatalogue;
}

type Draft = Omit<Goal, 'id' | 'indicatorId' | 'theme' | 'sectionId' | 'blockId'>;

/** The deadline that governs what follows, and where it was stated. */
interface Carried { year: number | null; from: 'section' | 'document' }

/** A target's kind printed after it in the text, as tables print it in a column: "…达到72%（约束性）；". */
const ATTRIBUTE = /[（(](约束性|预期性|指导性)(?:指标)?[）)]/;

export function goals(options: GoalsOptions = {}) {
  return (_tree: unknown, file: VFile) => {
    const catalogue = options.catalogue ?? loadIndicators();
    const sections = file.data.sections ?? [];
    const times = planTimes(file.data.meta, titleGuess(file, sections));
    // A campaign's period stated near the top (its 目标 or 总体要求): its end governs the targets
    // that state no year of their own, in the text and in its tables.
    times.campaignEnd = firstCampaignEnd(sections);
    // A plan with neither: the deadline its tasks keep stating governs its 目标 sections' undated lines.
    const stated = times.fiveYear || times.campaignEnd !== null ? null : statedHorizon(bodyTexts(sections), times.docYear);
    const found: Goal[] = [];
    const dated: Milestone[] = [];
    const unique = uniqueIds();

    const addGoal = (raw: Draft, section: Section, block: Block) => {
      const d = { ...raw, place: raw.place ?? higherPlace(raw.scope, file.data.meta?.jurisdiction ?? null), unit: perDay(raw.indicator, raw.unit) };
      const entry = catalogue.match(`${d.scope ?? ''}${d.indicator}`, d.unit, d.change);
      found.push({
        id: unique(`g-${shortHash(`${block.id}|${d.indicator}|${d.value}${d.unit}|${d.year}|${d.quote}`)}`),
        ...d,
        indicatorId: entry?.id ?? null,
        theme: entry?.theme ?? block.themes[0] ?? section.themes[0] ?? null,
        sectionId: section.id,
        blockId: block.id,
      } as Goal);
    };
    const addMilestone = (m: { year: number; action: string; quote: string }, section: Section, block: Block, kind: 'text' | 'table') => {
      dated.push({ id: unique(`m-${shortHash(`${block.id}|${m.year}|${m.quote}`)}`), year: m.year, action: m.action, quote: m.quote, sectionId: section.id, blockId: block.id, kind });
    };

    /**
     * Reads a block; returns the deadline the block opens with (undefined when it opens with none).
     * `carryOn`: a list item's deadline carries to the next item only where blocks carry theirs (a
     * goals section); elsewhere items are tasks of their own, as blocks are: "（1）…为最终实现2035年
     * 规划目标…" does not date "（2）…完成10个撤制乡镇…" (seed 05).
     */
    /** One diagnostic per number read: which rule made it a goal or a requirement, or rejected it. */
    const decided = (block: Block, rule: GoalRuleId, number: string, indicator?: string) => {
      const r = RULE_BY_ID.get(rule)!;
      const code = r.verdict === 'goal' ? 'goal-made' : r.verdict === 'requirement' ? 'goal-requirement' : 'goal-rejected';
      report(file, code, block.line ? { line: block.line, column: 1 } : undefined, { number, rule, says: r.says, indicator: indicator ?? '' });
    };

    const readBlock = (block: Block, section: Section, carried: Carried, carryOn: boolean): number | null | undefined => {
      if (block.kind === 'table') {
        if (block.caption && isBackgroundHeading(block.caption)) return undefined;
        for (const g of readTableGoals(block, times, carried.year, carried.from)) {
          addGoal({
            indicator: g.indicator, comparator: g.comparator, value: g.value, unit: g.unit, year: g.year,
            baselineYear: g.baselineYear, change: g.change, scope: g.scope, place: g.place, quote: g.quote,
            kind: 'table', attribute: g.attribute, baseline: g.baseline, yearFrom: g.yearFrom,
            requirement: g.requirement, rule: g.rule,
          }, section, block);
          decided(block, g.rule, `${g.value}${g.unit}`, g.indicator);
        }
        for (const m of readTableMilestones(block)) addMilestone(m, section, block, 'table');
        return undefined;
      }
      // A list's items are read one by one; each is verbatim in the block's text.
      const pieces = block.kind === 'list' && block.items?.length ? block.items.map((i) => i.text) : [block.text];
      let state = carried;
      let opening: number | null | undefined;
      for (const piece of pieces) {
        const offset = block.text.indexOf(piece);
        if (offset < 0) continue;
        const ctx = { times, carried: state.year, carriedFrom: state.from };
        const { goals: read, carried: next, opening: opens, decisions } = readTextGoals(piece, ctx);
        for (const d of decisions) {
          const g = read.find((x) => d.start >= x.quoteStart && d.start < x.quoteEnd);
          decided(block, d.rule, piece.slice(d.start, d.end), g && RULE_BY_ID.get(d.rule)!.verdict !== 'not-target' ? g.indicator : undefined);
        }
        if (piece === pieces[0]) opening = opens;
        const spans: Span[] = [];
        for (const g of read) {
          spans.push({ start: g.quoteStart, end: g.quoteEnd });
          const quote = piece.slice(g.quoteStart, g.quoteEnd);
          addGoal({
            indicator: g.indicator, comparator: g.comparator, value: g.value, unit: g.unit, year: g.year,
            baselineYear: g.baselineYear, change: g.change, scope: g.scope, place: null,
            quote, kind: 'text', attribute: ATTRIBUTE.exec(quote)?.[1] ?? null, baseline: g.baseline,
            yearFrom: g.yearFrom, requirement: g.requirement, rule: g.rule,
          }, section, block);
        }
        for (const m of readTextMilestones(piece, ctx, spans)) {
          addMilestone({ year: m.year, action: m.action, quote: piece.slice(m.quoteStart, m.quoteEnd) }, section, block, 'text');
        }
        state = carryOn ? (next === state.year ? state : { year: next, from: 'section' }) : carried;
      }
      return opening;
    };

    const walk = (list: Section[], inherited: Carried, background: boolean) => {
      for (const section of list) {
        // The cover notice and the signature are not plan content.
        if (section.role === 'notice' || section.role === 'signature') continue;
        const past = background || isBackgroundHeading(section.heading);
        const own = headingYear(section.heading);
        const fromHeading: Carried = own !== null ? { year: own, from: 'section' } : inherited;
        // "（三）总体目标。到2020年，…" followed by "——…" paragraphs: the deadline carries on. A
        // five-year plan's 主要目标 and indicators are due at its end, where the text says no year.
        const goalsSection = /目标|指标/.test(section.heading);
        const planEnd = times.fiveYear ? times.horizon : times.campaignEnd ?? stated;
        let carried: Carried = goalsSection && fromHeading.year === null && planEnd !== null
          ? { year: planEnd, from: 'document' } : fromHeading;
        if (!past) {
          for (const block of section.blocks) {
            const opens = readBlock(block, section, carried, goalsSection);
            if (!goalsSection) carried = fromHeading;
            else if (opens !== undefined) carried = { year: opens, from: 'section' };
          }
        }
        walk(section.children, goalsSection ? carried : fromHeading, past);
      }
    };
    walk(sections, { year: null, from: 'section' }, false);

    file.data.goals = found;
    file.data.milestones = dated;
  };
}

/**
 * The place a target binds when its scope is the whole of a place above the plan's: "全市" in a
 * district's plan is the city's target, restated ("全市至少建成1100个精品居住区" in 静安区's plan is
 * 上海市's), "全省" in a city's plan the province's.
 */
function higherPlace(scope: string | null, j: Jurisdiction | null): string | null {
  if (!scope || !j) return null;
  if (/^全市/.test(scope) && /^(?:区|县|县级市|镇|乡|街道|新区|开发区|投资区)$/.test(j.level ?? '')) return j.city ?? j.province ?? null;
  if (/^全省/.test(scope) && j.level === '市') return j.province ?? null;
  return null;
}

/** "日均回收量达6000吨": an amount each day, 吨/日. */
function perDay(indicator: string, unit: string): string {
  return /日均/.test(indicator) && /^(?:万?吨|万?立方米)$/.test(unit) ? `${unit}/日` : unit;
}

/** The text of the plan's own sections: not the cover notice, the signature or the background. */
function bodyTexts(sections: Section[]): string[] {
  const out: string[] = [];
  const walk = (list: Section[]) => {
    for (const s of list) {
      if (s.role === 'notice' || s.role === 'signature' || isBackgroundHeading(s.heading)) continue;
      out.push(s.heading, ...s.blocks.map((b) => b.text));
      walk(s.children);
    }
  };
  walk(sections);
  return out;
}

/** The end of a campaign period stated in the plan's opening sections, not its cover notice. */
function firstCampaignEnd(sections: Section[]): number | null {
  const texts: string[] = [];
  const walk = (list: Section[], depth: number) => {
    for (const s of list) {
      if (s.role === 'notice' || s.role === 'signature' || texts.length > 12) continue;
      texts.push(s.heading, ...s.blocks.slice(0, 3).map((b) => b.text));
      if (depth < 1) walk(s.children, depth + 1);
    }
  };
  walk(sections, 0);
  for (const t of texts) {
    const end = campaignEndOf(t);
    if (end !== null) return end;
  }
  return null;
}

/** The plan's title when the metadata has none: the masthead's title line, or the 《…》 the cover notice publishes. */
function titleGuess(file: VFile, sections: Section[]): string | null {
  const masthead = file.data.masthead?.find((m) => m.role === 'title')?.text;
  if (masthead) return masthead;
  for (const s of sections.slice(0, 4)) {
    const texts = [s.heading, ...s.blocks.slice(0, 3).map((b) => b.text)];
    for (const t of texts) {
      const m = /《([^》]{4,80}(?:规划|方案|计划|意见|要点|细则|纲要))》/.exec(t) ?? /^([^。，,；]{4,60}(?:规划|方案|计划|意见|要点|纲要))$/.exec(t.trim());
      if (m) return m[1]!;
    }
  }
  return null;
}

export type { PlanTimes };

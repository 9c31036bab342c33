/**
 * Every rule of the goal reader (src/pipeline/enrich/goals-rules.ts) decides its own sample and
 * does not decide its counter-example: a rule that stops doing what it says, or starts deciding
 * what another rule should, fails here. The samples are real sentences of real plans.
 */
import { describe, expect, it } from 'vitest';
import { GOAL_RULES } from '../../src/pipeline/enrich/goals-rules.ts';
import { readTextGoals } from '../../src/pipeline/enrich/goals-sentences.ts';
import type { PlanTimes } from '../../src/pipeline/enrich/goals-time.ts';
import { parsePlan } from '../../src/pipeline/index.ts';

const times: PlanTimes = { horizon: 2025, docYear: 2021, annualYear: null, fiveYear: true, campaignEnd: null };

/** The rule that decided the number printed as `number` in `text`. */
function ruleFor(text: string, number: string): string | undefined {
  // Table samples are read through the whole pipeline (their decisions are in the diagnostics).
  if (text.includes('\t')) {
    const doc = parsePlan(`某市“十四五”生态环境保护规划\n一、主要指标\n${text}\n`, { path: 'rule-sample.txt' });
    const goal = doc.goals.find((g) => number.startsWith(String(g.value)));
    return goal?.rule ?? (doc.goals.length ? 'other' : undefined);
  }
  const { decisions } = readTextGoals(text, { times, carried: null });
  const at = text.indexOf(number);
  expect(at, `「${number}」不在「${text}」里`).toBeGreaterThanOrEqual(0);
  return decisions.find((d) => d.start <= at + number.length - 1 && d.end > at)?.rule;
}

describe('goal reader rules', () => {
  it('has a sample and a counter-example for each rule, and ids are unique', () => {
    expect(GOAL_RULES.length).toBeGreaterThan(15);
    expect(new Set(GOAL_RULES.map((r) => r.id)).size).toBe(GOAL_RULES.length);
  });
  for (const rule of GOAL_RULES) {
    it(`${rule.id}: decides 「${rule.sample.text}」 and not 「${rule.counter.text}」`, () => {
      expect(ruleFor(rule.sample.text, rule.sample.number)).toBe(rule.id);
      expect(ruleFor(rule.counter.text, rule.counter.number)).not.toBe(rule.id);
    });
  }
});

/**
 * Fixture tests, one folder per behaviour: tests/pipeline/fixtures/<step>/<case>/input.txt →
 * expected.json. A normalising step is run alone after the parser and its output is the list of
 * lines (line number and text) plus the diagnostic codes; the `structure` step runs the whole
 * pipeline and its output is the section tree. Set UPDATE_FIXTURES=1 to write expected.json for a
 * new case, then read it before committing.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { createPlanProcessor, parsePlan, steps, type LinesRoot, type PlanDocument, type Section, type StepName } from '../../src/pipeline/index.ts';

const enrichSteps: StepName[] = ['meta', 'themes', 'goals', 'channels'];

const root = join(import.meta.dirname, 'fixtures');

/** Steps after `structure` read the whole document: their fixtures show what they add to it. */
function enrichView(step: StepName, doc: PlanDocument): unknown {
  const outline = (s: Section): unknown => ({
    heading: `${s.number ?? ''}${s.heading}`, themes: s.themes,
    blocks: s.blocks.map((b) => ({ text: b.text.slice(0, 30), themes: b.themes })),
    children: s.children.map(outline),
  });
  const strip = <T extends { sectionId: string; blockId: string; id: string }>(x: T) => {
    const { id: _i, sectionId: _s, blockId: _b, ...rest } = x;
    return rest;
  };
  switch (step) {
    case 'meta': return doc.meta;
    case 'themes': return doc.sections.map(outline);
    case 'goals': return { goals: doc.goals.map(strip), milestones: doc.milestones.map(strip) };
    case 'channels': return doc.channels.map(strip);
    default: return null;
  }
}

function runStep(step: StepName, input: Uint8Array): unknown {
  if (step !== 'structure' && enrichSteps.includes(step)) return enrichView(step, parsePlan(input, { path: 'input.txt' }));
  if (step === 'structure') {
    const doc = parsePlan(input, { path: 'input.txt' });
    const project = (s: Section): unknown => ({
      number: s.number, heading: s.heading, level: s.level,
      blocks: s.blocks.map((b) => ({
        kind: b.kind, lead: b.lead, text: b.text,
        ...(b.responsible.length ? { responsible: b.responsible } : {}),
        ...(b.rows ? { rows: b.rows } : {}), ...(b.caption ? { caption: b.caption } : {}), ...(b.items ? { items: b.items } : {}),
      })),
      children: s.children.map(project),
    });
    return { meta: doc.meta, masthead: doc.masthead.map((m) => [m.role, m.text]), sections: doc.sections.map(project) };
  }
  const file = new VFile({ path: 'input.txt', value: input });
  const processor = createPlanProcessor([step]);
  const tree = processor.runSync(processor.parse(file), file) as LinesRoot;
  return {
    lines: tree.children.map((l) => `${l.position.start.line}: ${l.value}`),
    diagnostics: file.messages.map((m) => `${m.line ?? '-'} ${m.ruleId}`),
  };
}

for (const [step] of steps) {
  const dir = join(root, step);
  if (!existsSync(dir)) continue;
  describe(step, () => {
    for (const name of readdirSync(dir)) {
      it(name, () => {
        const input = new Uint8Array(readFileSync(join(dir, name, 'input.txt')));
        const actual = runStep(step, input);
        const expectedPath = join(dir, name, 'expected.json');
        if (process.env.UPDATE_FIXTURES && !existsSync(expectedPath)) {
          writeFileSync(expectedPath, `${JSON.stringify(actual, null, 2)}\n`);
        }
        expect(actual).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')));
      });
    }
  });
}

it('every pipeline step has at least one fixture folder', () => {
  expect(steps.length).toBeGreaterThan(0);
  // A step's folder with no case in it would give no test above, silently.
  const missing = steps.map(([name]) => name).filter((name) => !existsSync(join(root, name)) || readdirSync(join(root, name)).length === 0);
  expect(missing).toEqual([]);
});

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
import { createPlanProcessor, parsePlan, steps, type LinesRoot, type Section, type StepName } from '../../src/pipeline/index.ts';

const root = join(import.meta.dirname, 'fixtures');

function runStep(step: StepName, input: Uint8Array): unknown {
  if (step === 'structure') {
    const doc = parsePlan(input, { path: 'input.txt' });
    const project = (s: Section): unknown => ({
      number: s.number, heading: s.heading, level: s.level,
      blocks: s.blocks.map((b) => ({
        kind: b.kind, lead: b.lead, text: b.text,
        ...(b.responsible.length ? { responsible: b.responsible } : {}),
        ...(b.rows ? { rows: b.rows } : {}), ...(b.items ? { items: b.items } : {}),
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
  const missing = steps.map(([name]) => name).filter((name) => !existsSync(join(root, name)));
  expect(missing).toEqual([]);
});

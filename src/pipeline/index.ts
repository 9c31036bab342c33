/**
 * createPlanProcessor(): the one place the pipeline's plugin order is written.
 *
 *   parse   bytes → text (decode) → one `line` node per source line
 *   clean   front matter, HTML/VuePress markup, a catalogue's copy note, Markdown syntax,
 *           a portal's header and footer, boilerplate, page marks          (removals)
 *   repair  spaces in words, OCR slips, unit spellings                     (repairs)
 *   tables  flattened, tab-separated and pipe tables become one node each
 *   repair  inline headings, broken lines, passages printed twice         (repairs)
 *   build   masthead, sections, blocks, 责任单位, tables, anchors
 *   meta    title, issuer, date, place … from masthead, notice, front matter and sidecar
 *   enrich  readers of the structured document: themes, goals and milestones, channels
 *
 * Order matters: boilerplate goes before anything looks for a title; tables are found before
 * broken lines are joined (a cell must not be glued to the next); inline headings are split
 * before broken lines are joined (so the join sees real paragraph ends); duplicates are found
 * after joining, when a passage is whole again.
 */
import { createHash } from 'node:crypto';
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { planParse } from './parse/plan-parse.ts';
import { frontMatter } from './normalize/front-matter.ts';
import { markup } from './normalize/markup.ts';
import { characterForms } from './normalize/character-forms.ts';
import { catalogueNote } from './normalize/catalogue-note.ts';
import { markdownSyntax } from './normalize/markdown-syntax.ts';
import { portalChrome } from './normalize/portal-chrome.ts';
import { boilerplate } from './normalize/boilerplate.ts';
import { pageMarks } from './normalize/page-marks.ts';
import { cjkSpaces } from './normalize/cjk-spaces.ts';
import { ocrSlips } from './normalize/ocr-slips.ts';
import { units } from './normalize/units.ts';
import { splitInlineHeadings } from './normalize/split-inline-headings.ts';
import { joinBrokenLines } from './normalize/join-broken-lines.ts';
import { dedupePassages } from './normalize/dedupe-passages.ts';
import { tables } from './tables/tables-step.ts';
import { structure } from './structure/structure.ts';
import { meta } from './meta/meta-step.ts';
import { themes } from './enrich/themes.ts';
import { goals } from './enrich/goals.ts';
import { channels } from './enrich/channels.ts';
import './enrich/data.ts';
import { formatMessage } from './messages.ts';
import type { Sidecar } from '../schemas/sidecar.ts';
import type { Diagnostic, LinesRoot, PlanDocument, PlanMeta } from './types.ts';

export { PlanInputError } from './decode/decode.ts';
export type * from './types.ts';

/** The steps after parsing, in order, by name (the names are the fixture folders' names). */
export const steps = [
  ['front-matter', frontMatter],
  ['markup', markup],
  ['character-forms', characterForms],
  ['catalogue-note', catalogueNote],
  ['markdown-syntax', markdownSyntax],
  ['portal-chrome', portalChrome],
  ['boilerplate', boilerplate],
  ['page-marks', pageMarks],
  ['cjk-spaces', cjkSpaces],
  ['ocr-slips', ocrSlips],
  ['units', units],
  ['tables', tables],
  ['split-inline-headings', splitInlineHeadings],
  ['join-broken-lines', joinBrokenLines],
  ['dedupe-passages', dedupePassages],
  ['structure', structure],
  ['meta', meta],
  ['themes', themes],
  ['goals', goals],
  ['channels', channels],
] as const;

export type StepName = (typeof steps)[number][0];

/** The whole pipeline, or (for tests) the parser and only the named steps, still in order. */
export function createPlanProcessor(only?: readonly StepName[]) {
  const processor = unified().use(planParse);
  for (const [name, plugin] of steps) if (!only || only.includes(name)) processor.use(plugin);
  return processor;
}

export interface ParseOptions {
  /** Path shown in the document and in messages. */
  path: string;
  /** A validated sidecar, if the plan has one. */
  sidecar?: Sidecar;
  /** A sidecar that failed validation: reported, then ignored. */
  sidecarProblem?: { file: string; problem: string };
}

/** Parse a plan text (bytes as read from disk, or a string) into a PlanDocument. */
export function parsePlan(input: Uint8Array | string, options: ParseOptions): PlanDocument {
  const file = new VFile({ path: options.path, value: input });
  if (options.sidecar) file.data.sidecar = options.sidecar;
  const processor = createPlanProcessor();
  // The steps leave their results in file.data; the returned tree is not needed.
  processor.runSync(processor.parse(file) as LinesRoot, file);
  if (options.sidecarProblem) {
    file.message(formatMessage('sidecar-invalid', options.sidecarProblem), { ruleId: 'sidecar-invalid', source: 'plan' });
  }
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  return {
    schema: 'plan-document/1',
    source: {
      file: options.path,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      encoding: file.data.encoding ?? 'utf-8',
    },
    meta: file.data.meta ?? emptyMeta(),
    masthead: file.data.masthead ?? [],
    ...(file.data.provenance ? { provenance: file.data.provenance } : {}),
    sections: file.data.sections ?? [],
    goals: file.data.goals ?? [],
    milestones: file.data.milestones ?? [],
    channels: file.data.channels ?? [],
    diagnostics: file.messages.map(toDiagnostic).sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
  };
}

function emptyMeta(): PlanMeta {
  return { title: null, jurisdiction: null, issuer: null, issued: null, period: null, kind: null };
}

function toDiagnostic(m: VFileMessage): Diagnostic {
  return {
    code: m.ruleId ?? 'unknown',
    message: m.reason,
    ...(m.line ? { line: m.line } : {}),
    severity: m.fatal === false ? 'warning' : 'info',
    ...(m.actual !== undefined ? { removed: m.actual } : {}),
  };
}

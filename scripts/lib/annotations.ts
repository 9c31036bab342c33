/**
 * Hand annotations of real texts (tests/eval/annotations/*.json, conventions in its README) and how
 * the pipeline's output is scored against them. Used by eval:goals, eval:themes, eval:channels
 * (the current score) and eval:first (the first score, stored once with the annotation).
 *
 * Units of scoring:
 *   goals     one per (value, unit, year, place); gold items marked optional are neither required
 *             nor counted against; a target the pipeline reports that is a gold requirement counts
 *             against it (a firm's limit is not a city's target).
 *   battles   one per (section, battle), over every section the annotation names.
 *   channels  one per (block, kind, value), the extractor's own unit.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Block, Channel, Goal, PlanDocument, Section } from '../../src/pipeline/index.ts';
import { normaliseUnit } from '../../src/pipeline/enrich/goals-quantities.ts';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const shared = join(root, '..', 'shared');
export const annotationsDir = join(root, 'tests/eval/annotations');
export const BATTLES = ['blue-sky', 'clear-water', 'clean-soil', 'blue-sea'] as const;

const goalSchema = z.object({
  indicator: z.string(),
  comparator: z.enum(['<', '<=', '>', '>=', '=', '~']),
  value: z.number().nullable(),
  unit: z.string().nullable(),
  year: z.number().int().nullable(),
  yearFrom: z.enum(['sentence', 'section', 'table', 'document']).nullable().optional(),
  baselineYear: z.number().int().nullable().optional(),
  change: z.enum(['decrease', 'increase']).nullable().optional(),
  scope: z.string().nullable().optional(),
  place: z.string().nullable().optional(),
  quote: z.string(),
  optional: z.boolean().optional(),
  note: z.string().optional(),
});
export type GoldGoal = z.infer<typeof goalSchema>;

const scoreSchema = z.object({ tp: z.number(), fp: z.number(), fn: z.number() }).passthrough();
export type Score = { tp: number; fp: number; fn: number };

export const annotationSchema = z.object({
  file: z.string(),
  round: z.number().int(),
  annotated: z.string(),
  form: z.array(z.string()).default([]),
  history: z.array(z.string()).default([]),
  goals: z.array(goalSchema).optional(),
  requirements: z.array(goalSchema).default([]),
  nonTargets: z.array(z.object({ quote: z.string(), why: z.string() })).default([]),
  milestones: z.array(z.object({ year: z.number(), action: z.string(), quote: z.string() })).default([]),
  battles: z.array(z.object({ section: z.string(), battles: z.array(z.enum(BATTLES)) })).optional(),
  channels: z.array(z.object({ kind: z.string(), value: z.string().nullable(), snippet: z.string() })).optional(),
  firstScore: z.object({
    commit: z.string(),
    date: z.string(),
    goals: scoreSchema.optional(),
    battles: scoreSchema.optional(),
    channels: scoreSchema.optional(),
  }).optional(),
}).passthrough();
export type Annotation = z.infer<typeof annotationSchema> & { path: string };

/** Every annotation file, validated; a broken one stops the evaluation with its name. */
export function loadAnnotations(dir = annotationsDir): Annotation[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => readAnnotation(join(dir, f)));
}

export function readAnnotation(path: string): Annotation {
  const parsed = annotationSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    throw new Error(`${path}：标注文件格式不对：${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('；')}。格式见 tests/eval/annotations/README.md。`);
  }
  return { ...parsed.data, path };
}

/** Where a text of this name lives: the project's copies first, then ../shared when present. */
export function textPath(name: string): string | null {
  const dirs = [join(root, 'seeds'), join(root, 'tests/pipeline/real'), join(root, 'tests/eval/texts'), join(shared, 'seeds'), join(shared, 'corpus')];
  for (const d of dirs) if (existsSync(join(d, name))) return join(d, name);
  return null;
}

export const add = (a: Score, b: Score): Score => ({ tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn });
export const zero = (): Score => ({ tp: 0, fp: 0, fn: 0 });
export const precision = (s: Score) => (s.tp + s.fp ? s.tp / (s.tp + s.fp) : 1);
export const recall = (s: Score) => (s.tp + s.fn ? s.tp / (s.tp + s.fn) : 1);

// ------------------------------------------------------------------------------------- goals

/** "石家庄市" and "石家庄" are one place; a list is compared as a set of places. */
export function placeKey(place: string | null | undefined): string {
  if (!place) return '-';
  return place.replace(/\s+/g, '').split(/[、，,和及与]/).filter(Boolean)
    .map((p) => (p.length > 2 ? p.replace(/(?:特别行政区|自治区|自治州|自治县|新区|地区|街道|省|市|区|县|镇|乡|盟|旗)$/, '') : p))
    .sort().join('、');
}

export function goalKey(value: number, unit: string | null, year: number | null, place: string | null | undefined): string {
  return `${Number(value.toFixed(6))}|${normaliseUnit(unit)}|${year ?? '-'}|${placeKey(place)}`;
}

/** The pipeline's goal: its place (a later field, absent in older documents) and whether it is a requirement. */
type FoundGoal = Pick<Goal, 'indicator' | 'comparator' | 'value' | 'unit' | 'year' | 'quote'> & { place?: string | null; requirement?: boolean };

export interface GoalScore extends Score { comparatorAgree: number; missed: GoldGoal[]; extra: FoundGoal[]; requirementsAsTargets: FoundGoal[] }

export function scoreGoals(annotation: Annotation, found: FoundGoal[]): GoalScore {
  const numeric = (annotation.goals ?? []).filter((g) => typeof g.value === 'number' && g.unit);
  const required = numeric.filter((g) => !g.optional);
  const optional = numeric.filter((g) => g.optional);
  const requirements = annotation.requirements.filter((g) => typeof g.value === 'number' && g.unit);
  const used = new Set<GoldGoal>();
  const extra: FoundGoal[] = [];
  const asTargets: FoundGoal[] = [];
  let tp = 0;
  let comparatorAgree = 0;
  for (const g of found.filter((x) => !x.requirement)) {
    const k = goalKey(g.value, g.unit, g.year, g.place);
    const hit = required.find((x) => !used.has(x) && goalKey(x.value!, x.unit, x.year, x.place) === k);
    if (hit) {
      used.add(hit);
      tp++;
      if (hit.comparator === g.comparator) comparatorAgree++;
      continue;
    }
    const soft = optional.find((x) => !used.has(x) && goalKey(x.value!, x.unit, x.year, x.place) === k);
    if (soft) { used.add(soft); continue; }
    // A firm's limit reported as the place's target: wrong, and named as such.
    const req = requirements.find((x) => goalKey(x.value!, x.unit, x.year, x.place) === k || goalKey(x.value!, x.unit, null, x.place) === goalKey(g.value, g.unit, null, g.place));
    if (req) asTargets.push(g);
    extra.push(g);
  }
  const missed = required.filter((x) => !used.has(x));
  return { tp, fp: extra.length, fn: missed.length, comparatorAgree, missed, extra, requirementsAsTargets: asTargets };
}

// ------------------------------------------------------------------------------------- battles

/** The key a section is annotated by: its marker and heading as printed, spaces squeezed. */
export function sectionKey(s: Pick<Section, 'number' | 'heading'>): string {
  return `${s.number ?? ''}${s.heading}`.replace(/\s+/g, ' ').trim();
}

/** Every section an annotator labels (not the cover notice, not the signature), keyed; repeats get "#2", "#3". */
export function labelledSections(doc: Pick<PlanDocument, 'sections'>): Map<string, Section> {
  const out = new Map<string, Section>();
  const walk = (list: Section[]) => {
    for (const s of list) {
      if (s.role !== 'notice' && (s.role as string | undefined) !== 'signature') {
        const base = sectionKey(s);
        let key = base;
        for (let n = 2; out.has(key); n++) key = `${base}#${n}`;
        out.set(key, s);
      }
      walk(s.children);
    }
  };
  walk(doc.sections);
  return out;
}

export interface BattleScore extends Score { unmatched: string[]; unlabelled: string[]; wrong: { section: string; want: string[]; got: string[] }[] }

export function scoreBattles(annotation: Annotation, doc: Pick<PlanDocument, 'sections'>): BattleScore {
  const sections = labelledSections(doc);
  const battlesOf = (s: Section) => s.themes.filter((t) => (BATTLES as readonly string[]).includes(t));
  const s: BattleScore = { tp: 0, fp: 0, fn: 0, unmatched: [], unlabelled: [], wrong: [] };
  const seen = new Set<string>();
  for (const label of annotation.battles ?? []) {
    const section = sections.get(label.section.replace(/\s+/g, ' ').trim());
    if (!section) {
      // The parse no longer has this section: its battles are missed.
      s.unmatched.push(label.section);
      s.fn += label.battles.length;
      continue;
    }
    seen.add(label.section.replace(/\s+/g, ' ').trim());
    const got = battlesOf(section);
    for (const b of BATTLES) {
      const want = label.battles.includes(b);
      const has = got.includes(b);
      if (want && has) s.tp++;
      else if (has) s.fp++;
      else if (want) s.fn++;
    }
    if (got.length !== label.battles.length || !got.every((b) => label.battles.includes(b as (typeof BATTLES)[number]))) {
      s.wrong.push({ section: label.section, want: label.battles, got });
    }
  }
  // Sections the parse has and the annotation does not name: their battles count against.
  for (const [key, section] of sections) {
    if (seen.has(key)) continue;
    const got = battlesOf(section);
    s.unlabelled.push(key);
    s.fp += got.length;
  }
  return s;
}

// ------------------------------------------------------------------------------------- channels

export interface ChannelScore extends Score { missed: string[]; extra: string[]; notFound: string[] }

const compact = (s: string) => s.replace(/\s+/g, '');

export function scoreChannels(annotation: Annotation, doc: Pick<PlanDocument, 'sections' | 'channels'>): ChannelScore {
  const blocks: Block[] = [];
  const walk = (list: Section[]) => list.forEach((s) => { blocks.push(...s.blocks); walk(s.children); });
  walk(doc.sections);
  const expected = new Map<string, string>();
  const notFound: string[] = [];
  for (const label of annotation.channels ?? []) {
    const hits = blocks.filter((b) => b.text.includes(label.snippet) || compact(b.text).includes(compact(label.snippet)));
    if (!hits.length) notFound.push(`${label.kind}：${label.snippet}`);
    for (const b of hits) expected.set(`${b.id}|${label.kind}|${label.value ?? ''}`, `${label.kind}${label.value ? ` ${label.value}` : ''}：${label.snippet}`);
  }
  const found = new Map<string, Channel>(doc.channels.map((c) => [`${c.blockId}|${c.kind}|${c.value ?? ''}`, c]));
  const tp = [...found.keys()].filter((k) => expected.has(k)).length;
  const missed = [...expected].filter(([k]) => !found.has(k)).map(([, v]) => v);
  const extra = [...found].filter(([k]) => !expected.has(k)).map(([, c]) => `${c.kind}${c.value ? ` ${c.value}` : ''}：${c.quote.slice(0, 70)}`);
  // Labels whose snippet is in no block are missed too: the parse lost or changed that text.
  return { tp, fp: found.size - tp, fn: expected.size - tp + notFound.length, missed, extra, notFound };
}

// ------------------------------------------------------------------------------------- printing

export const f2 = (x: number) => x.toFixed(2);
export function line(label: string, s: Score): string {
  return `${label}：精确率 ${f2(precision(s))}，召回率 ${f2(recall(s))}（命中 ${s.tp}，多 ${s.fp}，漏 ${s.fn}）`;
}

/** The stored first scores of one aspect, summed per round and over all rounds. */
export function firstScores(annotations: Annotation[], aspect: 'goals' | 'battles' | 'channels'): { byRound: Map<number, { score: Score; files: string[] }>; all: Score; files: number } {
  const byRound = new Map<number, { score: Score; files: string[] }>();
  let all = zero();
  let files = 0;
  for (const a of annotations) {
    const s = a.firstScore?.[aspect];
    if (!s) continue;
    files++;
    all = add(all, s);
    const r = byRound.get(a.round) ?? { score: zero(), files: [] };
    r.score = add(r.score, s);
    r.files.push(a.file);
    byRound.set(a.round, r);
  }
  return { byRound, all, files };
}

export function printFirstScores(annotations: Annotation[], aspect: 'goals' | 'battles' | 'channels'): void {
  const { byRound, all, files } = firstScores(annotations, aspect);
  if (!files) {
    console.log('  首次得分：还没有记录（npm run -s eval:first -- <标注文件>）。');
    return;
  }
  console.log(`  首次得分（标注当天、为这些文本改规则之前的得分；衡量对没见过的文本的表现）：`);
  for (const [round, r] of [...byRound].sort((a, b) => a[0] - b[0])) console.log(`    ${line(`第 ${round} 批 ${r.files.length} 份`, r.score)}`);
  console.log(`    ${line(`全部 ${files} 份`, all)}`);
}

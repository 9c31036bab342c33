/**
 * Reading a sidecar (YAML, parsed with the maintained `yaml` package) and merging metadata:
 * sidecar > front matter > text, field by field. A sidecar that does not validate is reported with
 * the field and the fix, and the plan is still published with what the text states.
 */
import { parse } from 'yaml';
import { sidecarSchema, type Sidecar } from '../../schemas/sidecar.ts';
import type { PlanMeta } from '../types.ts';

export type SidecarResult = { ok: true; sidecar: Sidecar } | { ok: false; problem: string };

export function readSidecar(text: string): SidecarResult {
  let data: unknown;
  try {
    data = parse(text) ?? {};
  } catch (error) {
    return { ok: false, problem: `YAML 语法错误（${(error as Error).message.split('\n')[0]}）` };
  }
  const result = sidecarSchema.safeParse(data);
  if (result.success) return { ok: true, sidecar: result.data };
  const problem = result.error.issues
    .map((i) => `字段 ${i.path.join('.') || '(根)'}：${i.message}（现值：${JSON.stringify(pick(data, i.path))}）`)
    .join('；');
  return { ok: false, problem };
}

function pick(data: unknown, path: PropertyKey[]): unknown {
  return path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined), data);
}

const FIELDS = ['title', 'jurisdiction', 'issuer', 'issued', 'kind', 'period', 'docNumber'] as const;

/** Front matter keys staff may use, mapped to meta fields. */
function fromFrontMatter(fm: Record<string, unknown> | undefined): Partial<PlanMeta> {
  if (!fm) return {};
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : v instanceof Date ? v.toISOString().slice(0, 10) : undefined);
  const out: Partial<PlanMeta> = {};
  const title = str(fm.title);
  if (title) out.title = title.replace(/[《》]/g, '');
  const issuer = str(fm.issuer);
  if (issuer) out.issuer = issuer;
  const date = str(fm.date ?? fm.issued);
  if (date && /^\d{4}(-\d{2}(-\d{2})?)?/.test(date)) out.issued = date.slice(0, 10);
  const doc = str(fm.doc_number ?? fm.docNumber);
  if (doc) out.docNumber = doc;
  const kind = str(fm.kind);
  if (kind) out.kind = kind;
  return out;
}

export function mergeMeta(text: PlanMeta, frontMatter?: Record<string, unknown>, sidecar?: Sidecar): PlanMeta {
  const fm = fromFrontMatter(frontMatter);
  const merged: PlanMeta = { ...text, sources: {} };
  for (const field of FIELDS) {
    const sources = merged.sources as NonNullable<PlanMeta['sources']>;
    if (sidecar && sidecar[field] !== undefined) {
      (merged as unknown as Record<string, unknown>)[field] = sidecar[field];
      // Recorded for null too: "not stated anywhere" must not be filled in from the title later.
      sources[field] = 'sidecar';
    } else if (fm[field] !== undefined) {
      (merged as unknown as Record<string, unknown>)[field] = fm[field];
      sources[field] = 'front-matter';
    } else if (text[field] !== null && text[field] !== undefined) {
      sources[field] = 'text';
    }
  }
  return merged;
}

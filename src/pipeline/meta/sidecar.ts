/**
 * Reading a sidecar (YAML, parsed with the maintained `yaml` package) and merging metadata:
 * sidecar > front matter > text, field by field. A sidecar that does not validate is reported with
 * the field and the fix, and the plan is still published with what the text states.
 */
import { parse } from 'yaml';
import { sidecarSchema, type Sidecar } from '../../schemas/sidecar.ts';
import type { PlanMeta } from '../types.ts';
import { NOTICE_TITLE, docNumberOf } from '../lines/official-lines.ts';
import { kindOf } from './infer-meta.ts';

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
type Field = (typeof FIELDS)[number];

/**
 * Front matter keys, English or Chinese, mapped to meta fields. A catalogue's 标题 is often the
 * notice's title ("…关于印发《X》的通知"): the plan's title is X. A 类型 that is not a genre word
 * of the title kind ("通知公告", "规划与计划") is a catalogue category, not the kind.
 *
 *     标题 / title, 文号 / doc_number, 发布单位 / author / issuer, 发布日期 / date, 类型 / kind
 */
export function fromFrontMatter(fm: Record<string, unknown> | undefined): Partial<PlanMeta> {
  if (!fm) return {};
  const str = (...keys: string[]) => {
    for (const key of keys) {
      const v = fm[key];
      if (typeof v === 'string' && v.trim()) return v.trim();
      if (v instanceof Date) return v.toISOString().slice(0, 10);
    }
    return undefined;
  };
  const out: Partial<PlanMeta> = {};
  const title = str('title', '标题');
  if (title) {
    const clean = title.replace(/[《》]/g, '');
    out.title = NOTICE_TITLE.exec(clean)?.groups?.enclosed?.trim() ?? clean;
  }
  const issuer = str('issuer', '发布单位', '发文机关', 'author');
  if (issuer) out.issuer = issuer;
  const date = str('issued', 'date', '发布日期', '成文日期');
  if (date && /^\d{4}(-\d{2}(-\d{2})?)?/.test(date)) out.issued = date.slice(0, 10);
  const doc = str('docNumber', 'doc_number', '文号', '发文字号');
  if (doc) out.docNumber = docNumberOf(doc) ?? undefined;
  const kind = str('kind', '类型', '文种');
  const genre = kind ? kindOf(kind) : null;
  if (genre && genre === kind) out.kind = genre;
  return out;
}

export interface Conflict { field: Field; catalogue: string; text: string }

/**
 * Sidecar > text > front matter, field by field. Where front matter and the text both state a
 * field and differ, the text wins and the conflict is returned for a diagnostic: a catalogue's
 * fields are typed in by hand, the text is the document.
 */
export function mergeMeta(text: PlanMeta, frontMatter?: Record<string, unknown>, sidecar?: Sidecar): { meta: PlanMeta; conflicts: Conflict[] } {
  const fm = fromFrontMatter(frontMatter);
  const merged: PlanMeta = { ...text, sources: {} };
  const sources = merged.sources as NonNullable<PlanMeta['sources']>;
  const conflicts: Conflict[] = [];
  const put = <F extends Field>(field: F, value: PlanMeta[F]) => { merged[field] = value; };
  for (const field of FIELDS) {
    const fromText = text[field];
    const fromFm = fm[field];
    if (sidecar && sidecar[field] !== undefined) {
      put(field, sidecar[field]);
      // Recorded for null too: "not stated anywhere" must not be filled in from the title later.
      sources[field] = 'sidecar';
    } else if (fromText !== null && fromText !== undefined) {
      sources[field] = 'text';
      const longer = fromFm !== undefined ? fuller(field, fromFm, fromText) : null;
      if (longer !== null) {
        // The same name, one with more of it: keep the fuller, no warning.
        if (longer !== fromText) {
          put(field, longer);
          sources[field] = 'front-matter';
        }
      } else if (fromFm !== undefined && !same(fromFm, fromText)) {
        conflicts.push({ field, catalogue: show(fromFm), text: show(fromText) });
      }
    } else if (fromFm !== undefined) {
      put(field, fromFm);
      sources[field] = 'front-matter';
    }
  }
  return { meta: merged, conflicts };
}

/**
 * One name given in full and in short, the short one ending the full one: the catalogue's
 * "上海市虹口区人民政府办公室" for the signature's "虹口区人民政府办公室"; the text's
 * "上海市住房和城乡建设管理委员会关于开展…的函" for the catalogue's "关于开展…的函". The fuller, or null.
 */
function fuller(field: Field, a: unknown, b: unknown): string | null {
  if ((field !== 'issuer' && field !== 'title') || typeof a !== 'string' || typeof b !== 'string') return null;
  const [x, y] = [bare(a), bare(b)];
  if (x === y || !x || !y) return null;
  if (x.endsWith(y) && x.length - y.length >= 2) return a;
  if (y.endsWith(x) && y.length - x.length >= 2) return b;
  return null;
}

const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
/** A value compared without spaces and title marks: "《X》" and "X" are one title. */
const bare = (v: unknown) => show(v).replace(/[\s《》]/g, '');
const same = (a: unknown, b: unknown) => bare(a) === bare(b);

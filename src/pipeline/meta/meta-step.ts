/**
 * The meta step: after `structure`, the plan's metadata is settled from the cover notice, the
 * masthead, the closing signature, a catalogue's field list and front matter, and the sidecar
 * (sidecar > text > front matter, field by field; a catalogue field that contradicts the text is
 * reported). The enrich steps after it can read it (a goal with no year takes the period's end).
 * The sidecar arrives through file.data.sidecar, set by parsePlan().
 */
import type { VFile } from 'vfile';
import type { Sidecar } from '../../schemas/sidecar.ts';
import { report } from '../messages.ts';
import type { PlanMeta } from '../types.ts';
import { inferMeta, type TextHints } from './infer-meta.ts';
import { provinceFromText } from '../text/place-names.ts';
import { mergeMeta } from './sidecar.ts';

const FIELD_NAMES: Record<string, string> = {
  title: '标题', issuer: '发布单位', issued: '发布日期', kind: '类型', docNumber: '文号', period: '规划期', jurisdiction: '地区',
};

export function meta() {
  return (_tree: unknown, file: VFile) => {
    const hints = {
      masthead: file.data.masthead ?? [],
      fileNameTitle: file.data.fileNameTitle,
      notice: file.data.notice,
      signature: file.data.signature,
      fields: file.data.provenance?.fields,
      opening: openingNote(file),
    };
    const fromText = inferMeta(hints);
    const { meta: merged, conflicts } = mergeMeta(fromText, file.data.frontMatter, file.data.sidecar);
    for (const c of conflicts) report(file, 'meta-conflict', undefined, { field: FIELD_NAMES[c.field] ?? c.field, catalogue: c.catalogue, text: c.text });
    file.data.meta = withProvince(completeFromTitle(merged, hints), String(file.data.text ?? ''));
    const provenance = provenanceOf(file);
    if (provenance) file.data.provenance = provenance;
  };
}

/**
 * The copy's provenance, settled like the metadata: staff's note and address from the sidecar
 * (`provenance`, `sourceUrl`), else what the text says (a catalogue's note, its 原文链接) or its
 * front matter (官方链接: https://…). Undefined when nothing says.
 */
function provenanceOf(file: VFile): VFile['data']['provenance'] {
  const fm = file.data.frontMatter ?? {};
  const link = ['官方链接', 'source', 'url', 'link'].map((k) => fm[k]).find((v): v is string => typeof v === 'string' && /^https?:/.test(v));
  const sidecar = file.data.sidecar;
  const url = sidecar?.sourceUrl ?? file.data.provenance?.url ?? link;
  const p = { ...file.data.provenance, ...(sidecar?.provenance ? { text: sidecar.provenance } : {}), ...(url ? { url } : {}) };
  return Object.keys(p).length ? p : undefined;
}

/** A district's province, where its name does not say it but the text does (place.ts). */
function withProvince(meta: PlanMeta, text: string): PlanMeta {
  const j = meta.jurisdiction;
  if (!j || j.province || meta.sources?.jurisdiction === 'sidecar' || !/^(?:区|县|镇|乡|街道|新区|新片区|开发区)$/.test(j.level ?? '')) return meta;
  const province = provinceFromText(text);
  return province ? { ...meta, jurisdiction: { ...j, province } } : meta;
}

/** The first paragraph of the text when it comes before any heading (a regulation's note). */
function openingNote(file: VFile): string | undefined {
  const first = file.data.sections?.[0];
  return first && first.number === null && !first.role ? first.blocks[0]?.text : undefined;
}

/** When the title came from a sidecar or front matter, read kind and period from it too. */
function completeFromTitle(meta: PlanMeta, hints: TextHints): PlanMeta {
  if (!meta.title) return meta;
  const fromTitle = inferMeta({ ...hints, notice: undefined, masthead: [{ role: 'title', text: meta.title, line: 0 }] });
  const sources = meta.sources ?? {};
  const out = { ...meta };
  // Only fields nobody stated (no source recorded, still null) are read from the title.
  if (!sources.kind && out.kind === null) out.kind = fromTitle.kind;
  if (!sources.period && out.period === null) out.period = fromTitle.period;
  if (!sources.jurisdiction && out.jurisdiction === null) out.jurisdiction = fromTitle.jurisdiction;
  return out;
}

declare module 'vfile' {
  interface DataMap {
    meta: PlanMeta;
    sidecar: Sidecar;
  }
}

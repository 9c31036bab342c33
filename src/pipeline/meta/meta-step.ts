/**
 * The meta step: after `structure`, the plan's metadata is settled from the masthead, the cover
 * notice, front matter and the sidecar (sidecar > front matter > text, field by field), so that
 * the enrich steps after it can read it (a goal with no year takes the plan's period end).
 * The sidecar arrives through file.data.sidecar, set by parsePlan().
 */
import type { VFile } from 'vfile';
import type { Sidecar } from '../../schemas/sidecar.ts';
import type { PlanMeta } from '../types.ts';
import { inferMeta } from './infer-meta.ts';
import { mergeMeta } from './sidecar.ts';

export function meta() {
  return (_tree: unknown, file: VFile) => {
    const fromText = inferMeta({ masthead: file.data.masthead ?? [], fileNameTitle: file.data.fileNameTitle });
    file.data.meta = completeFromTitle(mergeMeta(fromText, file.data.frontMatter, file.data.sidecar));
  };
}

/** When the title came from a sidecar or front matter, read kind and period from it too. */
function completeFromTitle(meta: PlanMeta): PlanMeta {
  if (!meta.title) return meta;
  const fromTitle = inferMeta({ masthead: [{ role: 'title', text: meta.title, line: 0 }] });
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

/**
 * The warnings the pipeline raises on a plan (a numbering gap, a catalogue field that disagrees
 * with the text), less those a person has accepted in the plan's metadata file:
 *
 *     accepted:
 *       - warning: meta-conflict
 *         about: 发布日期
 *         because: 正文落款 2021-05-20 为准，目录信息的 2021-05-24 是网页发布日
 *
 * A warning is accepted when its code is `warning` and its message names `about`. An accepted entry
 * that no warning matches any more is itself a warning: the text changed, the note is stale.
 */
import type { Diagnostic } from '../pipeline/types.ts';
import type { AcceptedWarning } from '../schemas/sidecar.ts';
import { problem, type Problem } from '../data/problem.ts';

export function isAccepted(d: Pick<Diagnostic, 'code' | 'message'>, accepted: readonly AcceptedWarning[]): boolean {
  return accepted.some((a) => a.warning === d.code && d.message.includes(a.about));
}

/** The plan's warnings not accepted, and accepted entries that match nothing. */
export function planWarnings(textFile: string, sidecarFile: string | null, diagnostics: readonly Diagnostic[], accepted: readonly AcceptedWarning[]): Problem[] {
  const warnings = diagnostics.filter((d) => d.severity === 'warning');
  const out = warnings.filter((d) => !isAccepted(d, accepted))
    .map((d) => problem(textFile, d.code, d.message, { line: d.line ?? null, severity: 'warning' }));
  accepted.forEach((a, i) => {
    if (!warnings.some((d) => isAccepted(d, [a]))) {
      out.push(problem(sidecarFile ?? textFile, 'accepted-stale', `accepted 第 ${i + 1} 项（${a.warning}：${a.about}）已经没有对应的提示：原文可能已改正，请删去这一项。`, { severity: 'warning' }));
    }
  });
  return out;
}

/**
 * One plan's history for its page and the feeds: the versions of its text (the commits that changed
 * it, newest first) and what the newest one changed, section by section. The older text is parsed
 * with the same pipeline as the current one (the caller's `parse`), so the sections compared are
 * the ones readers see.
 *
 * Text changed in the working copy but not committed (a person previewing an edit) shows as a
 * version dated today and marked as not committed, compared with the last commit: what the page
 * will say once the change lands.
 */
import type { PlanDocument } from '../pipeline/types.ts';
import type { PlanHistory, PlanVersion } from '../schemas/plan-history.ts';
import { buildDay } from '../utils/dates.ts';
import type { GitHistory } from './git-log.ts';
import { revise } from './revisions.ts';

export const UNCOMMITTED = '尚未提交的修改（本地预览）';

/**
 * Whether a commit message says something to a reader: a short description in Chinese, as the staff
 * guide asks ("修订第三章大气指标"). Other messages (a tool's, a developer's in English) are not shown.
 */
export const readableSubject = (subject: string): boolean =>
  subject === UNCOMMITTED || (/[\u4e00-\u9fff]/.test(subject) && subject.length <= 60 && !/[a-z]{4,}/i.test(subject));

export function planHistory(git: GitHistory, file: string, current: PlanDocument, parse: (bytes: Uint8Array) => PlanDocument): PlanHistory {
  if (!git.available) return { available: false, reason: git.reason, partial: false, versions: [], latest: null };
  const commits = git.versions(file);
  const versions: PlanVersion[] = commits.map((v) => ({ date: v.date, commit: v.commit.slice(0, 10), subject: v.subject }));
  const dirty = git.dirty(file);
  if (dirty) versions.unshift({ date: buildDay(), commit: null, subject: UNCOMMITTED });
  // The version the newest one is compared with: the last commit when the copy has uncommitted
  // changes, else the commit before the last.
  const previous = dirty ? commits[0] : commits[1];
  let latest: PlanHistory['latest'] = null;
  if (previous && versions[0]) {
    let before: PlanDocument | null = null;
    try {
      before = parse(new Uint8Array(git.textAt(previous)));
    } catch {
      // An older version the pipeline cannot read (it was empty, or binary) is listed, not compared.
    }
    if (before) latest = { date: versions[0].date, since: previous.date, ...revise(before, current) };
  }
  return { available: true, reason: null, partial: git.shallow, versions, latest };
}

/** The history of a copy without git, for a plan the history could not be read for. */
export const noHistory = (reason: string): PlanHistory => ({ available: false, reason, partial: false, versions: [], latest: null });

/**
 * The versions of the plan texts, read from git with the git command (every machine that has the
 * repository has it, and its output formats are stable; a library would add a second reading of
 * the same store). One `git log` over the whole texts folder, not one per file, so that ten
 * thousand plans cost one process; renames are followed (-M) so that a text moved or renamed keeps
 * its earlier versions.
 *
 * A copy without git (a downloaded archive), or without the git command, gives `available: false`
 * and the reason in Chinese; a shallow clone (CI's default `fetch-depth: 1`) is flagged, since its
 * oldest commit is only where the copy starts, not where the plan started.
 */
import { execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';

/** One commit that changed one text. */
export interface TextVersion {
  /** Full commit id. */
  commit: string;
  /** The commit's date (committer date in China time, YYYY-MM-DD): when the change landed on the branch. */
  date: string;
  /** The commit message's first line. */
  subject: string;
  /** The text's path at that commit, relative to the repository root (it may have been renamed since). */
  path: string;
}

export type GitHistory =
  | { available: true; root: string; shallow: boolean; versions: (file: string) => TextVersion[]; textAt: (v: TextVersion) => Buffer; dirty: (file: string) => boolean }
  | { available: false; reason: string };

// core.quotepath=off: paths with Chinese characters come out as written, not as octal escapes.
const git = (cwd: string, args: string[]): Buffer =>
  execFileSync('git', ['-c', 'core.quotepath=off', ...args], { cwd, maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, TZ: 'Asia/Shanghai' } });
const run = (cwd: string, args: string[]): string => git(cwd, args).toString('utf8');

/** The files a branch changed since it left `ref` (git diff --name-only ref...HEAD), relative to the repository's root; throws without git or without the ref. */
export function changedFiles(cwd: string, ref: string): string[] {
  return run(cwd, ['diff', '--name-only', `${ref}...HEAD`]).split('\n').filter(Boolean);
}

/** The history of the texts under `dir`, or why there is none. */
export function readGitHistory(dir: string): GitHistory {
  let root: string;
  try {
    root = run(dir, ['rev-parse', '--show-toplevel']).trim();
  } catch {
    return { available: false, reason: '这份副本不是 git 仓库（例如从压缩包构建），或者这台机器没有 git 命令，所以没有版本记录。' };
  }
  // Paths as git prints them: relative to the real top level, with "/" on every system.
  const top = realpathSync(root);
  const inRepo = (file: string) => relative(top, realpathSync(resolve(file))).split(sep).join('/');
  const scope = [inRepo(dir) || '.'];
  let log: string;
  try {
    // --first-parent: the versions are the states of the branch the site is built from, each dated
    // when it landed there (a merged branch's own commits are not versions, its merge is). Dates
    // in China time, as the site counts days. -z: paths exactly as stored, spaces and all.
    log = run(root, ['log', '--first-parent', '--diff-merges=first-parent', '-M', '--name-status', '-z', '--date=format-local:%Y-%m-%d', '--format=%x01%H%x09%cd%x09%s', '--', ...scope]);
  } catch {
    return { available: false, reason: '仓库里还没有提交，所以没有版本记录。' };
  }
  const shallow = run(root, ['rev-parse', '--is-shallow-repository']).trim() === 'true';
  const commits = parseLog(log);
  // "XY path\0" per changed file (-z: no quoting of unusual names).
  const changed = new Set(run(root, ['status', '--porcelain', '-z', '--no-renames', '--untracked-files=all', '--', ...scope])
    .split('\0').filter(Boolean).map((l) => l.slice(3)));
  return {
    available: true,
    root,
    shallow,
    versions: (file) => versionsOf(commits, inRepo(file)),
    textAt: (v) => git(root, ['show', `${v.commit}:${v.path}`]),
    dirty: (file) => changed.has(inRepo(file)),
  };
}

interface Commit { commit: string; date: string; subject: string; changes: { status: string; score: string; from: string; to: string }[] }

/**
 * `git log --name-status -z` output, newest commit first: each commit is "\x01<hash>\t<date>\t<subject>\0"
 * then, per file, "<status>\0<path>\0" ("R087\0<old>\0<new>\0" for a rename or copy).
 */
export function parseLog(log: string): Commit[] {
  return log.split('\x01').filter((c) => c.trim()).map((chunk) => {
    const end = chunk.indexOf('\0');
    const head = end < 0 ? chunk : chunk.slice(0, end);
    const [commit = '', date = '', ...subject] = head.split('\t');
    const tokens = (end < 0 ? '' : chunk.slice(end + 1)).replace(/^\n/, '').split('\0');
    const changes: Commit['changes'] = [];
    for (let i = 0; i < tokens.length;) {
      const status = tokens[i++] ?? '';
      if (!status) continue;
      const kind = status[0] ?? '';
      const from = tokens[i++] ?? '';
      const to = kind === 'R' || kind === 'C' ? tokens[i++] ?? from : from;
      changes.push({ status: kind, score: status.slice(1), from, to });
    }
    return { commit, date, subject: subject.join('\t'), changes };
  });
}

/**
 * The commits that changed `path`, newest first, following it back through renames: from the
 * commit that renamed it on, its older versions are under the old name. The walk stops at the
 * commit that added it.
 */
export function versionsOf(commits: readonly Commit[], path: string): TextVersion[] {
  const out: TextVersion[] = [];
  let name = path;
  for (const c of commits) {
    const change = c.changes.find((x) => x.to === name);
    if (!change || change.status === 'D') continue;
    // A move that leaves the words as they were ("R100") is not a new version of the text.
    if (!(change.status === 'R' && change.score === '100')) out.push({ commit: c.commit, date: c.date, subject: c.subject, path: name });
    if (change.status === 'A') break;
    if (change.status === 'R' || change.status === 'C') name = change.from;
  }
  return out;
}

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
import { relative, resolve } from 'node:path';

/** One commit that changed one text. */
export interface TextVersion {
  /** Full commit id. */
  commit: string;
  /** The commit's date (committer date, YYYY-MM-DD): when the change landed. */
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
  execFileSync('git', ['-c', 'core.quotepath=off', ...args], { cwd, maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'ignore'] });
const run = (cwd: string, args: string[]): string => git(cwd, args).toString('utf8');

/** The history of the texts under `dir`, or why there is none. */
export function readGitHistory(dir: string): GitHistory {
  let root: string;
  try {
    root = run(dir, ['rev-parse', '--show-toplevel']).trim();
  } catch {
    return { available: false, reason: '这份副本不是 git 仓库（例如从压缩包构建），或者这台机器没有 git 命令，所以没有版本记录。' };
  }
  const scope = [relative(root, resolve(dir)) || '.'];
  let log: string;
  try {
    log = run(root, ['log', '-M', '--name-status', '--format=%x01%H%x09%cs%x09%s', '--', ...scope]);
  } catch {
    return { available: false, reason: '仓库里还没有提交，所以没有版本记录。' };
  }
  const shallow = run(root, ['rev-parse', '--is-shallow-repository']).trim() === 'true';
  const commits = parseLog(log);
  const changed = new Set(run(root, ['status', '--porcelain', '--no-renames', '--untracked-files=all', '--', ...scope])
    .split('\n').filter(Boolean).map((l) => l.slice(3)));
  return {
    available: true,
    root,
    shallow,
    versions: (file) => versionsOf(commits, relative(root, resolve(file))),
    textAt: (v) => git(root, ['show', `${v.commit}:${v.path}`]),
    dirty: (file) => changed.has(relative(root, resolve(file))),
  };
}

interface Commit { commit: string; date: string; subject: string; changes: { status: string; score: string; from: string; to: string }[] }

/** `git log --name-status` output, newest commit first. */
export function parseLog(log: string): Commit[] {
  return log.split('\x01').filter((c) => c.trim()).map((chunk) => {
    const [head = '', ...lines] = chunk.split('\n');
    const [commit = '', date = '', ...subject] = head.split('\t');
    const changes = lines.filter(Boolean).map((line) => {
      // "M\tseeds/a.txt", "R087\tseeds/old.txt\tseeds/new.txt", "D\tseeds/b.txt"
      const [status = '', from = '', to] = line.split('\t');
      return { status: status[0] ?? '', score: status.slice(1), from, to: to ?? from };
    });
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

/**
 * A git repository with several versions of one real plan text, for the history tests and the test
 * site: seeds/04 (赵巷镇农村生活污水处理设施运行维护考核实施方案) committed three times, in a temporary
 * folder outside the project (so that the project's own repository is not the one read).
 *
 *   2025-10-01  added                       "首次发布"
 *   2026-01-10  出水水质达标率 100% → 98%       "修订出水水质要求"
 *   2026-03-02  moved to texts/zhaoxiang.txt; 80分 → 85分 in 第四条; （六）出水水质 → （六）出水水质达标;
 *               a 第七条 added; subject in English
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const HISTORY_SOURCE = 'seeds/04_shanghai_qingpu_zhaoxiang_nongcun_wushui_kaohe_fangan.txt';
export const HISTORY_SLUG = 'test-zhaoxiang-history';

export interface HistoryRepo {
  root: string;
  /** The folder of texts, as build-content's --extra takes it. */
  texts: string;
  /** The text's path now. */
  file: string;
}

function replaceOnce(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`${HISTORY_SOURCE} no longer contains “${from}”: pick another sentence for the history fixture`);
  return text.replace(from, to);
}

export function makeHistoryRepo(): HistoryRepo {
  const root = mkdtempSync(join(tmpdir(), 'plan-history-'));
  const texts = join(root, 'texts');
  mkdirSync(texts);
  const git = (args: string[], date?: string) => execFileSync('git', ['-c', 'user.name=测试', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', ...args], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, ...(date ? { GIT_AUTHOR_DATE: `${date}T10:00:00+08:00`, GIT_COMMITTER_DATE: `${date}T10:00:00+08:00` } : {}) },
  });
  git(['init', '-q', '-b', 'main']);
  const first = join(texts, 'v.txt');
  const v1 = readFileSync(HISTORY_SOURCE, 'utf8');
  writeFileSync(first, v1);
  writeFileSync(join(texts, 'v.yaml'), `slug: ${HISTORY_SLUG}\n`);
  git(['add', '.']);
  git(['commit', '-q', '-m', '首次发布'], '2025-10-01');
  const v2 = replaceOnce(v1, '出水水质达标率要求达到100%', '出水水质达标率要求达到98%');
  writeFileSync(first, v2);
  git(['commit', '-q', '-am', '修订出水水质要求'], '2026-01-10');
  git(['mv', 'texts/v.txt', 'texts/zhaoxiang.txt']);
  git(['mv', 'texts/v.yaml', 'texts/zhaoxiang.yaml']);
  const file = join(texts, 'zhaoxiang.txt');
  let v3 = replaceOnce(v2, '考核总分80分以下', '考核总分85分以下');
  v3 = replaceOnce(v3, '（六）出水水质', '（六）出水水质达标');
  v3 = replaceOnce(v3, '附件：', '第七条  各村（居）每季度向社会公布考核结果。\n\n附件：');
  writeFileSync(file, v3);
  git(['add', '-A']);
  git(['commit', '-q', '-m', 'Tighten the scoring'], '2026-03-02');
  return { root, texts, file };
}

/** A copy of the same texts without git: what a downloaded archive gives. */
export function makePlainCopy(): { texts: string; file: string } {
  const texts = mkdtempSync(join(tmpdir(), 'plan-plain-'));
  const file = join(texts, 'zhaoxiang.txt');
  copyFileSync(HISTORY_SOURCE, file);
  return { texts, file };
}

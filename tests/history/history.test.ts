/**
 * History from git: a repository with three commits of one real plan text (tests/helpers/
 * history-repo.ts) gives the versions newest first, followed through a rename, and marks the
 * sections the newest version changed, with the old and new words; a copy without git says the
 * history is not available; build-content writes it for the page.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readGitHistory } from '../../src/history/git-log.ts';
import { planHistory, UNCOMMITTED } from '../../src/history/plan-history.ts';
import { diffText, revise } from '../../src/history/revisions.ts';
import { parsePlan } from '../../src/pipeline/index.ts';
import { planHistorySchema } from '../../src/schemas/plan-history.ts';
import { HISTORY_SLUG, makeHistoryRepo, makePlainCopy, type HistoryRepo } from '../helpers/history-repo.ts';

const parse = (bytes: Uint8Array) => parsePlan(bytes, { path: 'zhaoxiang.txt' });
const current = (file: string) => parse(new Uint8Array(readFileSync(file)));

let repo: HistoryRepo;
beforeAll(() => { repo = makeHistoryRepo(); });
afterAll(() => rmSync(repo.root, { recursive: true, force: true }));

describe('versions from git', () => {
  it('lists every commit that changed the text, newest first, through the rename', () => {
    const git = readGitHistory(repo.texts);
    if (!git.available) throw new Error(git.reason);
    expect(git.versions(repo.file).map((v) => [v.date, v.subject])).toEqual([
      ['2026-03-02', 'Tighten the scoring'],
      ['2026-01-10', '修订出水水质要求'],
      ['2025-10-01', '首次发布'],
    ]);
    expect(git.versions(repo.file).map((v) => v.path.split('/').pop())).toEqual(['zhaoxiang.txt', 'v.txt', 'v.txt']);
  });

  it('marks the sections the newest version changed, with the words taken out and put in', () => {
    const git = readGitHistory(repo.texts);
    const h = planHistory(git, repo.file, current(repo.file), parse);
    expect(planHistorySchema.parse(h)).toEqual(h);
    expect(h.available).toBe(true);
    expect(h.versions.map((v) => v.date)).toEqual(['2026-03-02', '2026-01-10', '2025-10-01']);
    expect(h.latest?.date).toBe('2026-03-02');
    expect(h.latest?.since).toBe('2026-01-10');
    const byHeading = new Map(h.latest!.sections.map((s) => [s.path.at(-1), s]));
    // 第四条: 80 → 85, the rest of the clause unchanged.
    const fourth = byHeading.get('第四条')!;
    expect(fourth.parts.filter((p) => p.change === 'removed').map((p) => p.text).join('')).toContain('80');
    expect(fourth.parts.filter((p) => p.change === 'added').map((p) => p.text).join('')).toContain('85');
    expect(fourth.parts.find((p) => p.change === 'same' && p.text.includes('考核实行百分制'))).toBeDefined();
    // The reworded heading is the same section (matched by its place in the outline), not a new one.
    const sixth = [...byHeading.values()].find((s) => s.after.startsWith('出水水质达标'))!;
    expect(sixth.before?.startsWith('出水水质\n')).toBe(true);
    // The added article is new; the 2026-01-10 change (100% → 98%) is not the newest and not shown as a change of its own.
    expect(byHeading.get('第七条')?.before).toBeNull();
    expect(h.latest!.sections.some((s) => s.parts.some((p) => p.change !== 'same' && p.text.includes('98')))).toBe(false);
    expect(h.latest!.removed).toEqual([]);
    // Sections the newest version left alone are not marked.
    expect(byHeading.has('第一条')).toBe(false);
  });

  it('shows an edit not yet committed as a version of today, compared with the last commit', () => {
    const before = readFileSync(repo.file, 'utf8');
    try {
      writeFileSync(repo.file, before.replace('考核总分85分以下', '考核总分90分以下'));
      const h = planHistory(readGitHistory(repo.texts), repo.file, current(repo.file), parse);
      expect(h.versions[0]).toMatchObject({ commit: null, subject: UNCOMMITTED });
      expect(h.versions).toHaveLength(4);
      expect(h.latest?.since).toBe('2026-03-02');
      expect(h.latest?.sections.map((s) => s.path.at(-1))).toEqual(['第四条']);
    } finally {
      writeFileSync(repo.file, before);
    }
  });

  it('says the history is not available in a copy without git', () => {
    const plain = makePlainCopy();
    try {
      const h = planHistory(readGitHistory(plain.texts), plain.file, current(plain.file), parse);
      expect(h).toMatchObject({ available: false, versions: [], latest: null });
      expect(h.reason).toMatch(/不是 git 仓库/);
    } finally {
      rmSync(plain.texts, { recursive: true, force: true });
    }
  });

  it('is written by build-content beside the plan data', () => {
    const out = mkdtempSync(join(tmpdir(), 'plan-content-'));
    try {
      execFileSync(process.execPath, ['scripts/build-content.ts', '--seeds', repo.texts, '--out', out], { stdio: ['ignore', 'ignore', 'pipe'] });
      const h = planHistorySchema.parse(JSON.parse(readFileSync(join(out, 'plan-history', `${HISTORY_SLUG}.json`), 'utf8')));
      expect(h.versions).toHaveLength(3);
      // 第三条's （六） reworded, 第四条's score, 第六条 (its 附件 line now follows the new 第七条), 第七条 new.
      expect(h.latest?.sections.map((x) => x.path.at(-1))).toEqual(['（六）出水水质达标', '第四条', '第六条', '第七条']);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('diff of Chinese text', () => {
  it('marks the changed figure, not the whole sentence', () => {
    const parts = diffText('到2025年，细颗粒物浓度降至30微克/立方米。', '到2025年，细颗粒物浓度降至28微克/立方米。');
    expect(parts.filter((p) => p.change === 'removed').map((p) => p.text)).toEqual(['30']);
    expect(parts.filter((p) => p.change === 'added').map((p) => p.text)).toEqual(['28']);
  });

  it('finds no change between a document and itself', () => {
    const doc = current('seeds/04_shanghai_qingpu_zhaoxiang_nongcun_wushui_kaohe_fangan.txt');
    expect(revise(doc, doc)).toEqual({ sections: [], removed: [] });
  });
});

describe('sections moved by an insertion, paths git quotes, merged branches', () => {
  const docOf = (text: string) => parse(new TextEncoder().encode(text));

  it('a section inserted in the middle is new, and the ones it pushed down are unchanged', () => {
    const v1 = '某区河道治理方案\n一、任务\n（一）河道整治\n完成河道整治20公里。\n（二）长效管理\n建立长效管理机制。\n';
    const v2 = '某区河道治理方案\n一、任务\n（一）河道整治\n完成河道整治20公里。\n（二）污水处理\n新建污水管网5公里。\n（三）长效管理\n建立长效管理机制。\n';
    const r = revise(docOf(v1), docOf(v2));
    // 长效管理 was only renumbered (（二） → （三）): its words did not change.
    expect(r.sections.map((s) => [s.path.at(-1), s.before === null])).toEqual([['（二）污水处理', true]]);
    expect(r.removed).toEqual([]);
  });

  it('follows a file whose name has spaces and Chinese characters, and sees it edited but not committed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-quoted-'));
    try {
      const g = (args: string[], date?: string) => execFileSync('git', ['-c', 'user.name=测试', '-c', 'user.email=t@example.org', '-c', 'commit.gpgsign=false', ...args], {
        cwd: dir, stdio: ['ignore', 'ignore', 'pipe'],
        env: { ...process.env, ...(date ? { GIT_AUTHOR_DATE: `${date}T10:00:00+08:00`, GIT_COMMITTER_DATE: `${date}T10:00:00+08:00` } : {}) },
      });
      g(['init', '-q', '-b', 'main']);
      const file = join(dir, '赵巷 方案 (1).txt');
      const text = readFileSync('seeds/04_shanghai_qingpu_zhaoxiang_nongcun_wushui_kaohe_fangan.txt', 'utf8');
      writeFileSync(file, text);
      g(['add', '.']);
      g(['commit', '-q', '-m', '首次'], '2026-01-01');
      // A branch edits 第四条 on 01-05; main merges it on 01-20: the change landed on 01-20.
      g(['checkout', '-q', '-b', 'edit']);
      writeFileSync(file, text.replace('考核总分80分以下', '考核总分85分以下'));
      g(['commit', '-q', '-am', '改第四条'], '2026-01-05');
      g(['checkout', '-q', 'main']);
      g(['merge', '-q', '--no-ff', '-m', '合并：改第四条', 'edit'], '2026-01-20');
      const git = readGitHistory(dir);
      if (!git.available) throw new Error(git.reason);
      expect(git.versions(file).map((v) => [v.date, v.subject])).toEqual([['2026-01-20', '合并：改第四条'], ['2026-01-01', '首次']]);
      writeFileSync(file, text.replace('考核总分80分以下', '考核总分90分以下'));
      const h = planHistory(readGitHistory(dir), file, current(file), parse);
      expect(h.versions[0]?.commit).toBeNull();
      expect(h.latest?.since).toBe('2026-01-20');
      expect(h.latest?.sections.map((s) => s.path.at(-1))).toEqual(['第四条']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

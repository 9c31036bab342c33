/**
 * The scaffolds staff start from (scripts/new.ts): `new plan` copies a real text into seeds/ and
 * writes a metadata file whose every inferred line is marked until a person confirms it (the check
 * says so, line by line); `new update` writes an update the check refuses until title, source and
 * body are written, and accepts once they are.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkSidecar } from '../../src/check/sidecars.ts';
import { checkUpdate } from '../../src/check/updates.ts';
import { compileCatalogue, parseIndicators } from '../../src/pipeline/enrich/goals-indicators.ts';
import { parsePlan } from '../../src/pipeline/index.ts';
import { UNCONFIRMED } from '../../src/schemas/sidecar.ts';
import { updateSchema } from '../../src/schemas/update.ts';
import { slugFromTitle } from '../../src/scaffold/new-plan.ts';

const TEXT = 'tests/eval/texts/n01_shanghai_shuixitong_zhili_15th_fyp.txt';
const SLUG = 'n01-shanghai-shuixitong-zhili-15th-fyp';
const catalogue = compileCatalogue(parseIndicators(readFileSync('content/indicators.yaml', 'utf8'), 'content/indicators.yaml').entries);

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'scaffold-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const seeds = () => join(dir, 'seeds');
const updates = () => join(dir, 'updates');
/** Runs `npm run new -- <args>` against the temporary folders; stdout, stderr and the exit status. */
function runNew(...args: string[]): { out: string; err: string; status: number } {
  try {
    const out = execFileSync(process.execPath, ['scripts/new.ts', ...args, '--seeds', seeds(), '--updates', updates()], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { out, err: '', status: 0 };
  } catch (error) {
    const e = error as { stdout: string; stderr: string; status: number };
    return { out: e.stdout, err: e.stderr, status: e.status };
  }
}

describe('npm run new -- plan', () => {
  it('copies the text and writes what the pipeline read, each line marked for a person to confirm', () => {
    const r = runNew('plan', TEXT);
    expect(r.status).toBe(0);
    expect(readFileSync(join(seeds(), 'n01_shanghai_shuixitong_zhili_15th_fyp.txt'))).toEqual(readFileSync(TEXT));
    const path = join(seeds(), 'n01_shanghai_shuixitong_zhili_15th_fyp.yaml');
    const yaml = readFileSync(path, 'utf8');
    const checked = checkSidecar(yaml, 'seeds/n01.yaml');
    expect(checked.problems.filter((p) => p.severity === 'error')).toEqual([]);
    // What it wrote is what the pipeline reads from the text.
    const meta = parsePlan(new Uint8Array(readFileSync(TEXT)), { path: TEXT }).meta;
    expect(checked.sidecar).toMatchObject({ slug: SLUG, title: meta.title, issuer: meta.issuer, issued: meta.issued, docNumber: meta.docNumber, kind: meta.kind, period: meta.period, jurisdiction: meta.jurisdiction });
    // One warning per marked line, on that line, and one for the missing provenance.
    const marked = yaml.split('\n').flatMap((l, i) => (l.includes(UNCONFIRMED) && !l.startsWith('#') ? [i + 1] : []));
    expect(marked.length).toBeGreaterThanOrEqual(7);
    expect(checked.problems.filter((p) => p.code === 'sidecar-unconfirmed').map((p) => p.line)).toEqual(marked);
    expect(checked.problems.filter((p) => p.code === 'sidecar-provenance')).toHaveLength(1);
    // The printed checklist names the page to preview and the check.
    expect(r.out).toContain(`/plans/${SLUG}/`);
    expect(r.out).toContain('npm run check');
  });

  it('is quiet once a person has confirmed every line and written the provenance', () => {
    runNew('plan', TEXT);
    const path = join(seeds(), 'n01_shanghai_shuixitong_zhili_15th_fyp.yaml');
    const confirmed = readFileSync(path, 'utf8').split('\n').map((l) => (l.startsWith('#') ? l : l.replace(/\s+# 待核对.*$/, '')))
      .join('\n').replace('# provenance: 从……网站……栏目下载，……年……月……日照录全文。', 'provenance: 上海市水务局网站全文');
    expect(checkSidecar(confirmed, 'seeds/n01.yaml').problems).toEqual([]);
  });

  it('names a plan whose file name is Chinese from its title, in pinyin, with its year', () => {
    const chinese = join(dir, '上海市水系统治理规划.txt');
    copyFileSync(TEXT, chinese);
    expect(runNew('plan', chinese).status).toBe(0);
    const yaml = readFileSync(join(seeds(), '上海市水系统治理规划.yaml'), 'utf8');
    expect(/^slug: (\S+)/m.exec(yaml)?.[1]).toBe('shanghaishi-shui-xitong-zhili-shiwu-wu-2026');
    expect(slugFromTitle('关于印发《上海市推进体育公园建设实施方案》的通知', 2024)).toBe('shanghaishi-tuijin-tiyu-gongyuan-jianshe-shishi-2024');
  });

  it('never overwrites a text already there, and refuses a file that is not text', () => {
    runNew('plan', TEXT);
    const again = runNew('plan', TEXT);
    expect(again.status).toBe(1);
    expect(again.err).toContain('已经存在');
    const binary = join(dir, 'scan.txt');
    writeFileSync(binary, Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3, 0, 0, 0xff, 0xfe, 0, 7]));
    const refused = runNew('plan', binary);
    expect(refused.status).toBe(1);
    expect(refused.err).toMatch(/没有加入/);
    expect(readdirSync(seeds()).filter((n) => n.startsWith('scan'))).toEqual([]);
  });
});

describe('npm run new -- update', () => {
  it('writes a dated update the check refuses until title, source and body are written', () => {
    runNew('plan', TEXT);
    const r = runNew('update', SLUG, '--date', '2026-03-01');
    expect(r.status).toBe(0);
    const name = `2026-03-01-${SLUG}.md`;
    const text = readFileSync(join(updates(), name), 'utf8');
    const ctx = { planSlugs: new Set([SLUG]), catalogue };
    const fresh = checkUpdate(text, `content/updates/${name}`, ctx);
    expect(fresh.problems.map((p) => `${p.code}:${p.line}`)).toEqual([
      `update:${lineOf(text, 'title:')}`,
      `update:${lineOf(text, '  title:')}`,
      `update:${lineOf(text, '  url:')}`,
      // The body's comment, the file's last line.
      `update-body:${text.trimEnd().split('\n').length}`,
    ]);
    // Quoted, so that Astro's front-matter reader (YAML 1.1) keeps it a string as the check does;
    // an unquoted date from a person's hand is read as the same day by both.
    expect(text).toContain("date: '2026-03-01'");
    expect(updateSchema.shape.date.parse(new Date('2026-03-01T00:00:00Z'))).toBe('2026-03-01');
    // The place is the plan's, the indicators listed are the plan's goals'.
    expect(fresh.update).toBeNull();
    expect(text).toContain('place: 上海市');
    expect(text).toContain('#   water.surface-good：');

    const filled = text
      .replace('title: ""', 'title: 上海市2025年水环境质量')
      .replace('  title: ""', '  title: 2025年上海市生态环境状况公报')
      .replace('  url: ""', '  url: https://sthj.sh.gov.cn/')
      .replace(/values: \[\]\n(#.*\n)+/, 'values:\n  - { indicator: water.surface-good, year: 2025, value: 97.9, unit: "%" }\n')
      .replace(/<!--.*-->/, '2025年全市地表水达到或好于Ⅲ类水体比例为97.9%。');
    const done = checkUpdate(filled, `content/updates/${name}`, ctx);
    expect(done.problems).toEqual([]);
    expect(done.update?.values[0]).toMatchObject({ indicator: 'water.surface-good', value: 97.9 });
  });

  it('adds -2 for a second update of one plan on one day, and names a slug that does not exist', () => {
    runNew('plan', TEXT);
    runNew('update', SLUG, '--date', '2026-03-01');
    runNew('update', SLUG, '--date', '2026-03-01');
    expect(readdirSync(updates()).sort()).toEqual([`2026-03-01-${SLUG}-2.md`, `2026-03-01-${SLUG}.md`]);
    const wrong = runNew('update', 'no-such-plan');
    expect(wrong.status).toBe(1);
    expect(wrong.err).toContain('没有网址名为“no-such-plan”的规划');
  });
});

function lineOf(text: string, start: string): number {
  return text.split('\n').findIndex((l) => l.startsWith(start) && !(start === 'title:' && l.startsWith('  '))) + 1;
}

/**
 * `npm run check` (issue 15): one case per problem it reports, each on a small project made of the
 * real content/ and one real plan, with one file broken the way staff break them; the message must
 * name the file, the line, the bad value and the fix, in Chinese.
 */
import { cpSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/check/run.ts';
import { formatProblem, type Problem } from '../../src/data/problem.ts';

const root = join(import.meta.dirname, '../..');
const made: string[] = [];
afterAll(() => { for (const d of made) rmSync(d, { recursive: true, force: true }); });

/** A project with content/ and seed 004 (许昌, with its metadata file), then `edit` applied. */
function project(edit: (dir: string) => void = () => {}): Problem[] {
  const dir = mkdtempSync(join(tmpdir(), 'check-'));
  made.push(dir);
  // The registries of places whose plans this project lacks would quote plans it does not have.
  cpSync(join(root, 'content'), join(dir, 'content'), { recursive: true, filter: (src) => !/plan-data|[\\/]plans([\\/]|$)|channels[\\/](?!quanguo)|updates[\\/]/.test(src) });
  mkdirSync(join(dir, 'seeds'));
  for (const f of ['004_eca488feed549976.txt', '004_eca488feed549976.yaml']) cpSync(join(root, 'seeds', f), join(dir, 'seeds', f));
  edit(dir);
  return runCheck({ root: dir });
}
const errorsOf = (ps: Problem[]) => ps.filter((p) => p.severity === 'error').map(formatProblem);
const write = (dir: string, file: string, text: string | Uint8Array) => { mkdirSync(join(dir, file, '..'), { recursive: true }); writeFileSync(join(dir, file), text); };
const sidecar = (dir: string) => readFileSync(join(dir, 'seeds/004_eca488feed549976.yaml'), 'utf8');

describe('npm run check', () => {
  it('passes the landed content with no error and no warning that is not accepted', () => {
    // The check finds nothing to say about a root without seeds/: the repository's are there.
    expect(readdirSync(join(root, 'seeds')).filter((n) => n.endsWith('.txt')).length).toBeGreaterThan(0);
    const problems = runCheck({ root });
    expect(problems.map(formatProblem)).toEqual([]);
  });

  it('a real plan with its metadata file checks clean', () => {
    expect(errorsOf(project())).toEqual([]);
  });

  describe('plan texts', () => {
    it('an empty text', () => {
      expect(errorsOf(project((d) => write(d, 'seeds/empty.txt', '')))).toEqual(['seeds/empty.txt 错误 [text] 文件是空的。请放入规划全文后再试。']);
    });
    it('a binary file saved as .txt', () => {
      const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]);
      expect(errorsOf(project((d) => write(d, 'seeds/image.txt', png)))[0]).toMatch(/^seeds\/image\.txt 错误 \[text\] 这不是文本文件（含有二进制内容）。请先把 Word\/PDF 另存为 \.txt 纯文本。/);
    });
    it('two plans with one slug', () => {
      const errors = errorsOf(project((d) => {
        write(d, 'seeds/copy.txt', readFileSync(join(root, 'seeds/004_eca488feed549976.txt')));
        write(d, 'seeds/copy.yaml', 'slug: xuchang-2018-yijian\n');
      }));
      expect(errors).toEqual(['seeds/copy.txt:1 错误 [slug-duplicate] 网址名 xuchang-2018-yijian 已被 seeds/004_eca488feed549976.txt 使用：两份规划会占用同一个网址 /plans/xuchang-2018-yijian/。请在这份规划的元数据文件里写一个不同的 slug。']);
    });
    it('a metadata file without its text', () => {
      expect(errorsOf(project((d) => write(d, 'seeds/lost.yaml', 'slug: lost\n')))).toEqual([
        'seeds/lost.yaml:1 错误 [sidecar-orphan] 没有同名的规划文本 seeds/lost.txt：元数据文件要和文本同名（只是扩展名不同）。请改名，或删去这个文件。',
      ]);
    });
  });

  describe('metadata files', () => {
    const broken = (from: RegExp, to: string) => errorsOf(project((d) => write(d, 'seeds/004_eca488feed549976.yaml', sidecar(d).replace(from, to))));
    it('a slug with capitals and spaces, and a kind that is a number', () => {
      expect(broken(/^slug: .*$/m, 'slug: Bad Slug!')).toEqual(['seeds/004_eca488feed549976.yaml:1 错误 [sidecar] 字段 slug：只能用小写字母、数字和连字符，例如 xuchang-2018-yijian（现值："Bad Slug!"）']);
      expect(broken(/^kind: .*$/m, 'kind: 123')).toEqual(['seeds/004_eca488feed549976.yaml:9 错误 [sidecar] 字段 kind：文种写成文字，例如 实施方案（现值：123）']);
    });
    it('a date that is not on the calendar, and one in the future', () => {
      expect(broken(/^issued: .*$/m, 'issued: 2018-13-45')).toEqual(['seeds/004_eca488feed549976.yaml:8 错误 [sidecar] 字段 issued：日历上没有这一天：请核对月份（1–12）和日期（现值："2018-13-45"）']);
      expect(broken(/^issued: .*$/m, 'issued: 2099-01-01')).toEqual(['seeds/004_eca488feed549976.yaml:8 错误 [sidecar] 字段 issued：日期在今天之后：发布日期不能是将来，请核对年份（现值："2099-01-01"）']);
    });
    it('a misspelt field is named with the field meant', () => {
      expect(broken(/^issued:/m, 'isued:')).toEqual(['seeds/004_eca488feed549976.yaml:8 错误 [sidecar] 不认识的字段“isued”：是不是想写 issued？请改正拼写或删去这一行。']);
    });
    it('broken YAML names its line', () => {
      expect(broken(/^kind: .*$/m, 'kind: [实施方案')[0]).toMatch(/^seeds\/004_eca488feed549976\.yaml:\d+ 错误 \[sidecar\] YAML 格式错误：缩进不对，或方括号、花括号没有成对/);
    });
    it('a field written twice (a misspelling corrected beside the right one) is named in Chinese', () => {
      expect(broken(/^kind: .*$/m, 'kind: 意见\nkind: 实施意见')).toEqual(['seeds/004_eca488feed549976.yaml:10 错误 [sidecar] YAML 格式错误：字段“kind”写了两次：同一个字段只能写一次，删去其中一行。']);
    });
  });

  describe('accepted warnings', () => {
    it('a warning of the text is reported until a person accepts it in the metadata file', () => {
      const withGap = project((d) => {
        write(d, 'seeds/gap.txt', '某区2025年生态环境保护工作方案\n一、总体要求\n全面推进污染防治。\n三、保障措施\n加强组织领导。\n');
      });
      const gap = withGap.find((p) => p.code === 'numbering-gap');
      expect(gap && formatProblem(gap)).toBe('seeds/gap.txt:4 警告 [numbering-gap] 编号不连续：“三、”之前应为“二、”。请核对原文是否缺段；如原文如此，可忽略。');
      const accepted = project((d) => {
        write(d, 'seeds/gap.txt', '某区2025年生态环境保护工作方案\n一、总体要求\n全面推进污染防治。\n三、保障措施\n加强组织领导。\n');
        write(d, 'seeds/gap.yaml', 'accepted:\n  - warning: numbering-gap\n    about: "三、"\n    because: 原文即如此\n');
      });
      expect(accepted.filter((p) => p.code === 'numbering-gap')).toEqual([]);
    });
    it('an accepted warning that no longer happens is named, so the note is removed', () => {
      const problems = project((d) => write(d, 'seeds/004_eca488feed549976.yaml', `${sidecar(d)}accepted:\n  - warning: numbering-gap\n    about: "（九）"\n    because: 原文即如此\n`));
      expect(problems.filter((p) => p.code === 'accepted-stale').map(formatProblem)).toEqual([
        'seeds/004_eca488feed549976.yaml 警告 [accepted-stale] accepted 第 1 项（numbering-gap：（九））已经没有对应的提示：原文可能已改正，请删去这一项。',
      ]);
    });
  });

  describe('data files under content/', () => {
    it('an indicator whose theme is not a theme', () => {
      const errors = errorsOf(project((d) => write(d, 'content/indicators.yaml', readFileSync(join(d, 'content/indicators.yaml'), 'utf8').replace('theme: blue-sky', 'theme: sky'))));
      expect(errors[0]).toMatch(/^content\/indicators\.yaml:\d+ 错误 \[indicators\] 字段 indicators\[\d+\]\.theme（指标 [a-z.0-9-]+）：主题应为以下之一：.*（现值："sky"）$/);
    });
    it('a registry entry without its verification date, and one that quotes a plan that does not exist', () => {
      const file = 'content/channels/quanguo.yaml';
      const noDate = errorsOf(project((d) => write(d, file, readFileSync(join(d, file), 'utf8').replace(/\n\s+verified: .*\n/, '\n'))));
      expect(noDate[0]).toMatch(/^content\/channels\/quanguo\.yaml:\d+ 错误 \[channels\] 字段 entries\.0\.verified：请写核实日期，格式 YYYY-MM-DD.*（现值：缺少）$/);
      const text = "place: 许昌市\nprovince: 河南省\nentries:\n  - kind: hotline\n    label: 12345政务服务便民热线\n    value: '12345'\n    source: 许昌市政府网站\n    plan: no-such-plan\n    quote: 发挥12345热线作用\n    verified: '2026-01-05'\n";
      expect(errorsOf(project((d) => write(d, 'content/channels/xuchang.yaml', text)))).toContain('content/channels/xuchang.yaml 错误 [channels] entries 第 1 条引用的规划“no-such-plan”不存在：请改成 seeds/ 里某份规划的网址名（元数据文件的 slug）。');
    });
    it('theme actions under a theme that does not exist', () => {
      const file = 'content/theme-actions.yaml';
      const errors = errorsOf(project((d) => write(d, file, readFileSync(join(d, file), 'utf8').replace(/^ {2}blue-sky:/m, '  sky:'))));
      expect(errors[0]).toMatch(/^content\/theme-actions\.yaml:\d+ 错误 \[theme-actions\] themes 下的“sky”不是 content\/themes\.yaml 里的主题/);
    });
  });

  describe('updates', () => {
    const update = (front: string, name = '2026-03-01-xuchang.md') => errorsOf(project((d) => write(d, `content/updates/${name}`, `---\n${front}\n---\n正文。\n`)));
    const good = "title: 许昌市2025年空气质量\ndate: '2026-03-01'\nplace: 河南省/许昌市\nplan: xuchang-2018-yijian\nsource: { title: 许昌市2025年环境状况公报, url: 'https://example.gov.cn/a' }\nvalues:\n  - { indicator: air.pm25, year: 2025, value: 38, unit: 'μg/m³' }";
    it('a good update checks clean', () => {
      expect(update(good)).toEqual([]);
    });
    it('a plan that does not exist, an indicator not in the catalogue, a unit that does not fit', () => {
      expect(update(good.replace('plan: xuchang-2018-yijian', 'plan: xuchang'))).toEqual(['content/updates/2026-03-01-xuchang.md:5 错误 [update] 字段 plan：没有网址名为“xuchang”的规划（现值："xuchang"）。请写 seeds/ 里那份规划元数据文件的 slug，或删去这一行。']);
      expect(update(good.replace('air.pm25', 'air.pm2-5'))[0]).toMatch(/^content\/updates\/2026-03-01-xuchang\.md:8 错误 \[update-value\] values 第 1 项的 indicator：指标目录里没有这个 id（现值："air\.pm2-5"）/);
      expect(update(good.replace("unit: 'μg/m³'", "unit: '微克'"))[0]).toMatch(/^content\/updates\/2026-03-01-xuchang\.md:8 错误 \[update-value\] values 第 1 项的 unit：指标 air\.pm25（.*）的单位应为 "μg\/m³"（现值："微克"）/);
    });
    it('a date in the future, a file name that cannot be an address, no front matter', () => {
      expect(update(good.replace("'2026-03-01'", "'2099-03-01'"))[0]).toBe('content/updates/2026-03-01-xuchang.md:3 错误 [update] 字段 date：日期在今天之后：请写实际发布的日期（现值："2099-03-01"）');
      expect(update(good, '许昌.md')).toEqual(['content/updates/许昌.md 错误 [update] 文件名“许昌.md”应为“日期-英文小写名.md”，例如 2026-03-01-putuo-shuiwu-jinzhan.md：文件名就是这条进展的网址。']);
      expect(errorsOf(project((d) => write(d, 'content/updates/2026-03-01-x.md', '只有正文。\n')))).toEqual(['content/updates/2026-03-01-x.md:1 错误 [update] 文件应以 --- 开头的 front matter 开始（title、date、place、source……），用 npm run new -- update <规划网址名> 生成一份再填写。']);
    });
  });
});

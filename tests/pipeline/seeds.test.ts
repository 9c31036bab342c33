/**
 * Every published plan (the five seeds and the corpus texts in seeds/): every sentence of their
 * content is in the parsed document (removals only where a person approved them, see
 * tests/eval/approved-removals.json), the named boilerplate is not, nothing is invented, and the
 * hierarchy the issues name is there.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlan, type PlanDocument, type Section } from '../../src/pipeline/index.ts';
import { wordsOnly } from '../../src/pipeline/text/cjk.ts';
import { outline } from '../helpers/outline.ts';
import { approvedRemovals, decodeMarkup, documentText, lostSentences, missingSentences, repairedSource } from '../../scripts/lib/fidelity.ts';
import { seedBoilerplate, seedDuplicates, seedFiles } from '../helpers/seeds.ts';

const parsed = new Map<string, { source: string; doc: PlanDocument }>();
for (const file of seedFiles) {
  const bytes = new Uint8Array(readFileSync(`seeds/${file}`));
  parsed.set(file, { source: new TextDecoder().decode(bytes), doc: parsePlan(bytes, { path: `seeds/${file}` }) });
}
const get = (prefix: string) => [...parsed.entries()].find(([f]) => f.startsWith(prefix))?.[1] as { source: string; doc: PlanDocument };

describe.each(seedFiles)('seed %s', (file) => {
  const { source, doc } = parsed.get(file) as { source: string; doc: PlanDocument };
  const boilerplate = seedBoilerplate[file] ?? [];

  it('keeps every sentence of the content', () => {
    const { lost, total } = lostSentences(file, source, doc);
    expect(total).toBeGreaterThan(0);
    expect(lost).toEqual([]);
    if (seedDuplicates[file] || seedBoilerplate[file]) {
      expect(missingSentences(repairedSource(source, boilerplate, seedDuplicates[file]), documentText(doc))).toEqual([]);
    }
  });

  it('invents nothing: every sentence of the document is in the source', () => {
    expect(wordsOnly(documentText(doc)).length).toBeGreaterThan(0);
    const src = decodeMarkup(repairedSource(source, []));
    expect(missingSentences(documentText(doc), src)).toEqual([]);
  });
});

// The next checks run on the seeds that have something for them: removals a person approved,
// boilerplate named by hand, removals recorded (a seed without any would pass with nothing checked).
const withApprovedRemovals = seedFiles.filter((file) => approvedRemovals(file).length > 0);
describe.each(withApprovedRemovals)('seed %s', (file) => {
  it('removes only through a named rule what a person approved', () => {
    const { doc } = parsed.get(file) as { source: string; doc: PlanDocument };
    const removed = doc.diagnostics.map((d) => wordsOnly(d.removed ?? '')).join('\n');
    let checked = 0;
    for (const r of approvedRemovals(file)) {
      // The approved 004 splice is the sentence the cut passage broke into; its passage is removed.
      if (seedDuplicates[file]?.some((d) => r.includes(d.slice(0, 10)))) continue;
      expect(removed.includes(wordsOnly(r)), r).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });
});

describe.each(Object.keys(seedBoilerplate))('seed %s', (file) => {
  it('drops the named boilerplate', () => {
    expect(seedFiles).toContain(file);
    const text = wordsOnly(documentText(parsed.get(file)!.doc));
    expect(text.length).toBeGreaterThan(0);
    expect(seedBoilerplate[file]!.length).toBeGreaterThan(0);
    for (const b of seedBoilerplate[file]!) expect(text.includes(wordsOnly(b)), b).toBe(false);
  });
});

describe('the seeds', () => {
  it('are there, and some have approved removals and named boilerplate', () => {
    expect(seedFiles.length).toBeGreaterThanOrEqual(25);
    expect(withApprovedRemovals.length).toBeGreaterThan(0);
    expect(Object.keys(seedBoilerplate).length).toBeGreaterThan(0);
  });

  it('record what they removed, verbatim', () => {
    let removals = 0;
    for (const [file, { source, doc }] of parsed) {
      for (const d of doc.diagnostics.filter((x) => x.removed)) {
        removals++;
        expect(wordsOnly(source).includes(wordsOnly(d.removed ?? '')), `${file}: ${d.removed}`).toBe(true);
      }
    }
    // Most seeds record removals (a download site's notice, page marks); some have none to record.
    expect(removals).toBeGreaterThan(0);
  });
});

const flat = (list: Section[]): Section[] => list.flatMap((s) => [s, ...flat(s.children)]);

describe('seed 001 (one-line document from a download site)', () => {
  const { doc } = get('001');
  const top = doc.sections.filter((s) => s.number);
  it('has 一、总体要求, 二、主要任务 and 三、加强组织实施', () => {
    expect(top.map((s) => `${s.number}${s.heading}`)).toEqual(['一、总体要求', '二、主要任务', '三、加强组织实施']);
  });
  it('has （一）…（七） under 二、 and 36 numbered tasks, each with its 责任单位', () => {
    const tasks = top[1]?.children ?? [];
    expect(tasks.map((s) => s.number)).toEqual(['(一)', '(二)', '(三)', '(四)', '(五)', '(六)', '(七)']);
    const numbered = tasks.flatMap((s) => s.children);
    expect(numbered.map((s) => Number.parseInt(s.number ?? '', 10))).toEqual(Array.from({ length: 36 }, (_, i) => i + 1));
    for (const task of numbered) {
      const units = task.blocks.flatMap((b) => b.responsible);
      expect(units.length, `${task.number}${task.heading}`).toBeGreaterThan(0);
      expect(units.every((u) => !/按职责分工|责任单位/.test(u))).toBe(true);
    }
    expect(numbered[0]?.blocks[0]?.responsible).toContain('区科技经济发展局(发改、科技、工信、统计)');
  });
  it('has （一）…（四） under 三、', () => {
    expect(top[2]?.children.map((s) => `${s.number}${s.heading}`)).toEqual(['(一)强化责任落实', '(二)强化监督考核', '(三)强化宣传引导', '(四)强化队伍建设']);
  });
  it('mends the extraction damage', () => {
    const text = documentText(doc);
    for (const good of ['污染防治攻坚战', '海漂垃圾', '加强“三线一单”', '优于93.3%。', '19.2μg/m³', 'PM2.5和O3']) expect(text).toContain(good);
    expect(text).not.toMatch(/污染 防治|力口强|ugm3/);
    expect(doc.meta.title).toBe('XXXX投资区深入打好污染防治攻坚战实施方案');
  });
});

describe('seed 004 (newspaper print)', () => {
  const { doc } = get('004');
  it('has 一、…五、 with their (一)… sections', () => {
    const top = doc.sections.filter((s) => s.number);
    expect(top.map((s) => s.number)).toEqual(['一、', '二、', '三、', '四、', '五、']);
    expect(top.map((s) => s.children.length)).toEqual([3, 6, 4, 4, 5]);
  });
  it('prints the duplicated passage once, in the water section', () => {
    const passage = wordsOnly('加强应急水源或备用井水源地保护工作。定期监(检)测、评估集中式饮用水水源');
    const text = wordsOnly(documentText(doc));
    expect(text.split(passage).length - 1).toBe(1);
    const water = flat(doc.sections).find((s) => s.heading === '着力打好碧水保卫战');
    expect(wordsOnly(water?.blocks.map((b) => b.text).join('') ?? '')).toContain(passage);
  });
  it('mends words broken across lines and drops the page mark', () => {
    const text = documentText(doc);
    for (const mended of ['生物医药', '热源与管网衔接配套', '加强涉镉', '达到海绵城市建设目标']) expect(text).toContain(mended);
    expect(text).not.toContain('下转第五版');
  });
  it('reads its masthead', () => {
    expect(doc.meta).toMatchObject({ issuer: '中共许昌市委 许昌市人民政府', issued: '2018-11-05', kind: '意见' });
  });
});

describe('fragments', () => {
  it('seed 002 starts at "6." below the missing （七） and keeps "6." a level under （八）', () => {
    expect(outline(get('002').doc).slice(0, 3)).toEqual(['2|6.|强化环境风险防范', '1|(八)|加快推进环境治理体系和治理能力建设', '2|1.|健全环境治理领导责任体系']);
  });
  it('seed 003 drops the page chrome and reads its title and province', () => {
    const { doc } = get('003');
    expect(doc.meta).toMatchObject({ title: '扬州市“十四五”生态环境保护规划', kind: '规划', period: { from: 2021, to: 2025 } });
    expect(doc.meta.jurisdiction).toMatchObject({ name: '扬州市', province: '江苏省' });
  });
  it('seed 000 has no title and infers none', () => {
    expect(get('000').doc.meta.title).toBeNull();
  });
});

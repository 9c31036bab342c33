/**
 * Text taken from a PDF keeps its printed lines: an official document sets 28 characters a line
 * (GB/T 9704), so every paragraph comes broken into lines of the same width. Each seed that is
 * plain text (one paragraph a line, no page markup; front matter and Markdown lines kept as they
 * are) is hard-wrapped at 56 columns (a Han character two, ASCII one) and parsed again: the words
 * are all there, in the same order, and the outline is the same. Seed 11 has both hard cases: a
 * numbered title that fills a printed line (2.稳步推进…城市治理范式, told from a paragraph's first
 * line by its siblings, which stand alone) and one broken onto a second line (3.着力强化…融合).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/pipeline/index.ts';
import { displayWidth, wrapWidth } from '../../src/pipeline/normalize/join-broken-lines.ts';
import { outline } from '../helpers/outline.ts';
import { frontMatter, plainSeeds, webLine, wordsKept } from '../helpers/relayout.ts';

const COLUMNS = 56;

function hardWrap(text: string, columns = COLUMNS): string {
  return text.split('\n').flatMap((line) => {
    // The web page's own lines (Markdown, a download's file name) are not the PDF's.
    if (webLine(line)) return [line];
    const out: string[] = [];
    let cur = '';
    for (const ch of line) {
      if (displayWidth(cur + ch) > columns) {
        out.push(cur);
        cur = '';
      }
      cur += ch;
    }
    out.push(cur);
    return out;
  }).join('\n');
}

const seeds = plainSeeds;
describe('hard-wrapped text, as a PDF gives it', () => {
  it('covers most seeds', () => {
    expect(seeds.length).toBeGreaterThanOrEqual(15);
  });

  it.each(seeds.map((s) => [s.file, s.text] as const))('%s: same words, same outline', (file, text) => {
    const [head, body] = frontMatter(text);
    const wrapped = head + hardWrap(body);
    expect(wrapWidth(wrapped.split('\n').filter(Boolean))).toBe(COLUMNS);
    const plainDoc = parsePlan(text, { path: file });
    const wrappedDoc = parsePlan(wrapped, { path: file });
    // Nothing lost: every word of the plain parse, in order. A web page's additions that the plain
    // parse removes whole (a download site's notice, a file name) may stay when broken over lines.
    const words = wordsKept(plainDoc, wrappedDoc);
    expect(words.total).toBeGreaterThan(0);
    expect(words.kept, `lost from: ${words.where}`).toBe(words.total);
    expect(words.added, 'extra text kept').toBeLessThan(words.total * 0.05);
    const a = outline(plainDoc);
    expect(a.length).toBeGreaterThan(0);
    const b = new Set(outline(wrappedDoc));
    expect(a.filter((line) => !b.has(line))).toEqual([]);
  });

  it('does not take a short plan whose headings share one width for wrapped text', () => {
    // Six headings of 21–23 characters and a few paragraphs: a peak of one width, but the
    // paragraphs run far wider, as they never do in wrapped text. Joined, each heading would
    // swallow the line after it.
    const text = [
      '沅溪镇2025年农村人居环境整治工作方案',
      '为全面改善农村人居环境，根据上级部署，结合本镇实际，制定本方案。到2025年底，全镇农村生活污水治理率达到90%以上，生活垃圾分类覆盖率达到100%。',
      '一、加快推进农村生活污水治理设施建设与运维管理',
      '完成3个村的污水管网建设，加强设施运维管理，确保出水达标排放，并建立长效管护机制。',
      '二、全面推进农村生活垃圾分类和资源化利用工作',
      '完善分类投放收集设施，推进垃圾分类积分制度，提高居民参与率和分类准确率。',
      '三、持续推进农村河道综合整治和生态修复工作',
      '整治河道10公里，实施生态护岸建设，提升河道水质，打造美丽河湖。',
      '四、大力推进村庄清洁行动和绿化美化环境建设',
      '五、切实加强农村人居环境整治工作的组织保障',
      '六、严格落实农村人居环境整治工作的督查考核',
    ].join('\n');
    expect(wrapWidth(text.split('\n'))).toBeNull();
    const top = parsePlan(text, { path: 'short.txt' }).sections.filter((x) => x.number);
    expect(top.map((x) => x.number)).toEqual(['一、', '二、', '三、', '四、', '五、', '六、']);
  });

  // Seed 13 hard-wrapped at 48 columns (24 characters a line): the signing body's name fills its
  // line, and the cover notice was not recognised once it had been joined to the date under it.
  it('keeps a notice whole when the signing body fills a printed line at another measure', () => {
    const file = '13_shanghai_lingang_haimian_chengshi_zhidao_yijian.txt';
    const text = readFileSync(`seeds/${file}`, 'utf8');
    const [head, body] = frontMatter(text);
    const doc = parsePlan(head + hardWrap(body, 48), { path: file });
    const notice = doc.sections.find((x) => x.role === 'notice');
    expect(notice?.blocks.map((b) => b.text)).toEqual(expect.arrayContaining([
      '中国（上海）自由贸易试验区临港新片区管理委员会', '2019年12月13日',
    ]));
  });

  it('opens the items under a numbered title that fills a printed line', () => {
    // "（一）…" is 48 columns wide, as wide as the measure; "1.…" is its first item, not the rest of its sentence.
    const paragraph = '接续建设生态空间，结合重点区域计划新增各类公园20座，其中城市公园1座、口袋公园14座、开放林地及休闲森林公园5座，注重公园绿地均衡布局，推进主城区公园绿地服务半径提升。';
    const text = hardWrap([
      '二、重点任务', '（一）加快公园城市建设，持续推进生态服务品质提升', '1.围绕新一轮公园建设，构建城乡公园体系', paragraph,
      '2.稳步推进绿地开放共享', paragraph, '3.持续推进美丽街区建设', paragraph, '4.推进城市精细管理', paragraph,
    ].join('\n'), 48);
    expect(wrapWidth(text.split('\n'))).toBe(48);
    const [top] = parsePlan(text, { path: 'wrapped.txt' }).sections;
    expect(top?.children.map((x) => x.heading)).toEqual(['加快公园城市建设，持续推进生态服务品质提升']);
    expect(top?.children[0]?.children.map((x) => x.number)).toEqual(['1.', '2.', '3.', '4.']);
  });

  it('does not take a list of items of one width for wrapped text, nor join its items', () => {
    // Project names one to a line, each about the same width: items, not a measure.
    const names = ['朱家角镇淀山湖水环境综合整治工程', '练塘镇太浦河沿岸生态缓冲带建设工程', '金泽镇元荡湖岸线生态修复提升工程',
      '白鹤镇农村生活污水处理设施改造工程', '重固镇通波塘河道综合整治提升工程', '华新镇新谊河黑臭水体系统治理工程',
      '赵巷镇崧泽塘雨污混接改造专项工程', '徐泾镇老通波塘河道生态清淤疏浚工程', '香花桥街道大盈浦水系连通整治工程', '夏阳街道油墩港沿线截污纳管工程'];
    const text = ['沅溪市2024年水环境治理重点项目实施方案', '一、重点项目',
      '为落实《沅溪市水环境治理三年行动计划》，经各镇街道申报、市水务局审核，现将2024年重点项目印发如下，请各单位抓好组织实施，确保按期完成。',
      ...names.map((n, i) => `${i + 1}.${n}`)].join('\n');
    expect(wrapWidth(text.split('\n'))).toBeNull();
    const items = parsePlan(text, { path: 'list.txt' }).sections.flatMap((x) => x.children);
    expect(items.map((x) => x.heading)).toEqual(names);
  });
});

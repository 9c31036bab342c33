/**
 * The theme classifier (src/pipeline/enrich/themes.ts, content/themes.yaml) on real text: seed
 * headings and sentences, and the messages staff get for a bad themes file. Figures over the
 * corpus and the hand-labelled sample come from `npm run -s eval:themes`, not from here.
 */
import { DataFileError } from '../../src/data/problem.ts';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlan, type Block, type PlanDocument, type Section } from '../../src/pipeline/index.ts';
import {
  blockText, classifySections, headingThemes, isProcedural, loadThemes, parseThemes, subjectOf, vocabularyThemes,
} from '../../src/pipeline/enrich/themes.ts';
import { unfoldChinese } from '../../src/schemas/themes.ts';
import { seedFiles } from '../helpers/seeds.ts';

const taxonomy = loadThemes();
const themesYaml = readFileSync(new URL('../../content/themes.yaml', import.meta.url), 'utf8');
const parseSeed = (name: string): PlanDocument => parsePlan(new Uint8Array(readFileSync(`seeds/${name}`)), { path: name });
const seed001 = parseSeed('001_52c696e0c1a57de1.txt');
const seed004 = parseSeed('004_eca488feed549976.txt');

function* sectionsOf(list: Section[]): Generator<Section> {
  for (const s of list) {
    yield s;
    yield* sectionsOf(s.children);
  }
}
function* blocksUnder(section: Section): Generator<Block> {
  for (const s of sectionsOf([section])) yield* s.blocks;
}
function sectionNamed(doc: PlanDocument, heading: string): Section {
  const found = [...sectionsOf(doc.sections)].find((s) => s.heading.includes(heading));
  if (!found) throw new Error(`no section “${heading}”`);
  return found;
}
/** Text as the seed prints it after repair: the test sentences must be real. */
function inSeed(doc: PlanDocument, sentence: string): string {
  const all = [...sectionsOf(doc.sections)].flatMap((s) => s.blocks.map((b) => b.text)).join('\n');
  expect(all).toContain(sentence);
  return sentence;
}
const battles = ['blue-sky', 'clear-water', 'clean-soil', 'blue-sea'];

describe('heading context', () => {
  it('seed 001: the tasks under “深入打好蓝天保卫战” are blue-sky, and a heading is the reason', () => {
    const sky = sectionNamed(seed001, '深入打好蓝天保卫战');
    expect(sky.themes).toContain('blue-sky');
    expect(sky.themeWhy).toContainEqual({ theme: 'blue-sky', by: 'heading', evidence: [`${sky.number}${sky.heading}`] });
    const tasks = sky.children;
    expect(tasks.length).toBeGreaterThanOrEqual(4);
    for (const task of tasks) {
      // The nearest heading that names the battle is given: the task's own ("7 .着力打好细颗粒物和臭氧…")
      // or else the battle's.
      const nearest = headingThemes(task.heading, taxonomy).includes('blue-sky') ? task : sky;
      expect([...blocksUnder(task)].length, task.heading).toBeGreaterThan(0);
      for (const b of blocksUnder(task)) {
        expect(b.themeWhy).toContainEqual({ theme: 'blue-sky', by: 'heading', evidence: [`${nearest.number}${nearest.heading}`] });
      }
    }
  });

  it('seed 001: the implementation section (加强组织实施) and everything in it carry no battle', () => {
    const implementation = sectionNamed(seed001, '加强组织实施');
    for (const s of sectionsOf([implementation])) {
      expect(s.themes.filter((t) => battles.includes(t)), s.heading).toEqual([]);
    }
    // Its publicity paragraph is still found under 全民行动: cross-cutting themes are not withheld.
    expect(sectionNamed(seed001, '强化宣传引导').themes).toContain('participation');
  });

  it('seed 004: the water section and its paragraphs are clear-water', () => {
    const water = sectionNamed(seed004, '着力打好碧水保卫战');
    expect(water.themes).toContain('clear-water');
    expect([...blocksUnder(water)].length).toBeGreaterThan(0);
    for (const b of blocksUnder(water)) expect(b.themes).toContain('clear-water');
    // …and the soil section is not.
    expect(sectionNamed(seed004, '扎实推进净土保卫战').themes).not.toContain('clear-water');
  });

  it('under a procedural heading a block gets a battle only from its own words, and so does its section; the procedural parent gets none', () => {
    // Seed 03 (marine litter), 三、保障措施 > （二）加强宣传引导: publicity about marine litter.
    const doc = parseSeed('03_shanghai_baoshan_haiyang_laji_qingli_xingdong_fangan.txt');
    const publicity = sectionNamed(doc, '加强宣传引导');
    const block = publicity.blocks[0]!;
    inSeed(doc, '加强海洋垃圾防控宣传');
    expect(block.themeWhy?.find((r) => r.theme === 'blue-sea')?.by).toBe('terms');
    expect(block.themes).toContain('participation');
    // The section's own text is about marine litter (issue 14: a section's battle comes from its
    // heading and its own text); the procedural parent, whose own text is empty, is about none.
    expect(publicity.themeWhy?.find((r) => r.theme === 'blue-sea')?.by).toBe('terms');
    expect(publicity.themes).toContain('participation');
    expect(sectionNamed(doc, '保障措施').themes.filter((t) => battles.includes(t))).toEqual([]);
  });

  it('a generic parent does not take its children\'s battles (every seed)', () => {
    let parents = 0;
    for (const name of seedFiles) {
      const walk = (list: Section[]) => {
        for (const s of list) {
          if (s.blocks.length === 0 && s.children.length > 0 && headingThemes(s.heading, taxonomy).length === 0 && s.role !== 'notice') {
            parents++;
            expect(s.themeWhy?.filter((r) => r.by === 'terms') ?? [], `${name} ${s.heading}`).toEqual([]);
          }
          walk(s.children);
        }
      };
      walk(parseSeed(name).sections);
    }
    expect(parents).toBeGreaterThan(10);
  });

  it('a lead sentence names a theme like a heading (every seed)', () => {
    let decided = 0;
    for (const name of seedFiles) {
      let subject: string | null = null;
      const walk = (list: Section[], path: string[], procedural: boolean) => {
        for (const s of list) {
          if (s.role === 'notice') continue;
          const here = [...path, s.heading];
          const under = procedural || isProcedural(s.heading, taxonomy);
          for (const b of s.blocks) {
            for (const id of b.lead ? headingThemes(b.lead, taxonomy, subject) : []) {
              if (under && battles.includes(id)) continue;
              expect(b.themes, b.lead ?? '').toContain(id);
              // Where no heading above names it, the lead is the reason given.
              if (!here.some((h) => headingThemes(h, taxonomy, subject).includes(id))) {
                expect(b.themeWhy).toContainEqual({ theme: id, by: 'heading', evidence: [b.lead] });
                decided++;
              }
            }
          }
          walk(s.children, here, under);
        }
      };
      const doc = parseSeed(name);
      // The plan's subject battle, as the classifier reads it from the title.
      subject = doc.meta.title ? subjectOf(doc.meta.title, taxonomy) : null;
      walk(doc.sections, [], false);
    }
    // Seed 004's goals: "——环境空气质量明显好转。" under "（三）总体目标", and others.
    expect(decided).toBeGreaterThan(3);
  });

  it('wastewater reuse is water, not solid waste (n61, 上海市推进污水资源化利用实施方案)', () => {
    const battles = (h: string) => headingThemes(h, taxonomy).filter((id) => taxonomy.battles.has(id));
    expect(battles('（四）加快推动城镇生活污水资源化利用')).toEqual(['clear-water']);
    expect(battles('二、着力推进重点领域污水资源化利用')).toEqual(['clear-water']);
    // Counter-example: the reuse of solid waste stays 净土.
    expect(battles('（五）强化建筑垃圾资源化处理')).toEqual(['clean-soil']);
  });

  it('a long "heading" is a sentence and names nothing', () => {
    const sentence = inSeed(seed001, '强化施工、道路、堆场、裸露地面等扬尘管控,加强城市保洁和清扫。');
    expect(headingThemes(sentence.slice(0, sentence.indexOf('管控') + 2), taxonomy)).toContain('blue-sky');
    expect(headingThemes(`${sentence}${sentence}`, taxonomy)).toEqual([]);
  });
});

describe('vocabulary', () => {
  it('real sentences name their battle without any heading', () => {
    const cases: [PlanDocument, string, string][] = [
      [seed001, '统筹好上下游、左右岸、干支流、城市和乡村,系统推进城市黑臭水体治理,建立防止返黑返臭的长效机制。', 'clear-water'],
      [seed001, '强化施工、道路、堆场、裸露地面等扬尘管控,加强城市保洁和清扫。全面开展降尘监测工作。', 'blue-sky'],
      [seed001, '加强船舶污染治理,完善船舶水污染物处置联合监管制度。加强海水养殖生态环境监管,优化海水养殖空间布局', 'blue-sea'],
      [seed001, '加强疑似污染地块规范管理,探索“环境修复+开发建设”模式,强化修复过程二次污染防控。', 'clean-soil'],
    ];
    for (const [doc, sentence, theme] of cases) {
      const found = vocabularyThemes(inSeed(doc, sentence), taxonomy);
      expect([...found.keys()], sentence).toContain(theme);
      expect(found.get(theme)!.words.length, sentence).toBeGreaterThan(0);
      for (const word of found.get(theme)!.words) expect(sentence).toContain(word);
    }
  });

  it('a water word in passing does not make a paragraph clear-water', () => {
    // "流域" and "河道" once each, in paragraphs about industry and about ecosystems.
    const industry = inSeed(seed004, '严格落实区域能源和煤炭消费、污染物排放等总量控制要求,加强重点区域、重点流域、重点行业和产业布局规划环评,调整优化不符合生态环境功能定位的产业布局、规模和结构。');
    const ecosystems = inSeed(seed001, '推进畜禽养殖污染防治和农业农村面源治理,强化水源涵养、水土保持及生物多样性保护,推进森林质量精准提升建设,打造高质量防护林体系和森林生态景观带,严厉打击侵占河道、非法采砂行为。');
    expect([...vocabularyThemes(industry, taxonomy).keys()]).toEqual(['low-carbon']);
    expect(vocabularyThemes(ecosystems, taxonomy).has('ecology')).toBe(true);
    expect(vocabularyThemes(ecosystems, taxonomy).has('clear-water')).toBe(false);
    // The same words named as the subject do decide.
    expect(vocabularyThemes(inSeed(seed004, '打好全域清洁河流攻坚战。全面落实河长制,制定一河一策'), taxonomy).has('clear-water')).toBe(true);
  });

  it('责任单位 lists and agency names are not topics', () => {
    const task = [...blocksUnder(sectionNamed(seed001, '确保核与辐射安全'))][0]!;
    expect(task.responsibility?.length).toBeGreaterThan(0);
    for (const r of task.responsibility!) expect(blockText(task)).not.toContain(r.clause);
    // "区水务局" names an agency, "街道绿化市容所" an office: neither is about water or greening.
    const duty = parseSeed('15_shanghai_baoshan_youyilu_jiedao_laji_dingshi_dingdian_xize.txt');
    const office = inSeed(duty, '下设社区管理办、绿化市容所、房屋事务管理所');
    expect(taxonomy.vocabulary.scan(office).map((h) => h.text)).not.toContain('绿化');
    const agency = inSeed(parseSeed('17_shanghai_jiading_hehu_bengzha_changxiao_yanghu_yijian.txt'), '区水务局会同区财政局根据实施意见');
    expect(taxonomy.vocabulary.scan(agency).map((h) => h.text)).not.toContain('水务');
    // 局 in 格局 ("situation") is not an agency: "构建水务新格局" is about water affairs.
    const heading = sectionNamed(parseSeed('16_shanghai_putuo_shuiwu_15th_fyp.txt'), '构建水务新格局').heading;
    expect(taxonomy.vocabulary.scan(heading).map((h) => h.text)).toContain('水务');
  });

  it('full-width letters and digits match like ASCII', () => {
    const sentence = inSeed(seed001, '加强跨区域大气污染联防联控及污染天气应急预警联动,重点加强PM2.5和O3协同管控机制。');
    const wide = sentence.replace(/[A-Za-z0-9.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    expect(wide).not.toEqual(sentence);
    const words = (text: string) => vocabularyThemes(text, taxonomy).get('blue-sky')?.words.length;
    expect(words(wide)).toEqual(words(sentence));
  });
});

describe('sections and reasons', () => {
  it('every reason is verbatim: words are in the block, headings are on its path or its lead (every seed)', () => {
    const reasons = { terms: 0, heading: 0 };
    for (const name of seedFiles) {
      const walk = (list: Section[], path: string[]) => {
        for (const s of list) {
          const here = [...path, `${s.number ?? ''}${s.heading}`.trim()];
          for (const b of s.blocks) {
            expect((b.themeWhy ?? []).map((r) => r.theme)).toEqual(b.themes);
            for (const r of b.themeWhy ?? []) {
              if (r.by === 'terms') for (const w of r.evidence) expect(blockText(b)).toContain(w);
              else expect([...here, b.lead]).toContain(r.evidence[0]);
              reasons[r.by === 'terms' ? 'terms' : 'heading']++;
            }
          }
          walk(s.children, here);
        }
      };
      walk(parseSeed(name).sections, []);
    }
    expect(reasons.terms).toBeGreaterThan(0);
    expect(reasons.heading).toBeGreaterThan(0);
  });

  it('the cover notice carries no theme, whatever it says', () => {
    const doc = parseSeed('001_52c696e0c1a57de1.txt');
    const sky = sectionNamed(doc, '深入打好蓝天保卫战');
    expect(sky.themes).toContain('blue-sky');
    sky.role = 'notice';
    classifySections(doc.sections, taxonomy);
    for (const s of sectionsOf([sky])) {
      expect(s.themes).toEqual([]);
      for (const b of s.blocks) expect(b.themes).toEqual([]);
    }
    let notices = 0;
    for (const name of seedFiles) {
      for (const s of sectionsOf(parseSeed(name).sections)) if (s.role === 'notice') { expect(s.themes).toEqual([]); notices++; }
    }
    expect(notices).toBeGreaterThan(0);
  });

  it('is deterministic', () => {
    const again = parseSeed('001_52c696e0c1a57de1.txt');
    const view = (doc: PlanDocument) => [...sectionsOf(doc.sections)].map((s) => [s.themeWhy, s.blocks.map((b) => b.themeWhy)]);
    expect(view(again)).toEqual(view(seed001));
  });
});

describe('content/themes.yaml', () => {
  it('is valid and keeps the published ids', () => {
    expect(taxonomy.order).toEqual(['blue-sky', 'clear-water', 'clean-soil', 'blue-sea', 'low-carbon', 'ecology', 'risk', 'governance', 'participation']);
    expect([...taxonomy.battles]).toEqual(battles);
  });

  it('descriptions read as Chinese: the lines of a folded block join without a space', () => {
    // content/themes.yaml writes them as `description: >-` over several lines.
    expect(themesYaml).toMatch(/description: >-\n\s+\S+\n\s+\S/);
    expect(taxonomy.file.themes.length).toBeGreaterThan(0);
    for (const theme of taxonomy.file.themes) {
      expect(theme.description, theme.id).not.toMatch(/[\u4e00-\u9fff、，。）”]\s+[\u4e00-\u9fff（“]/);
    }
    expect(unfoldChinese('城乡黑臭水体、\n生活污水，PM2.5 和臭氧')).toBe('城乡黑臭水体、生活污水，PM2.5 和臭氧');
  });

  const problems = (text: string): string => {
    try {
      parseThemes(text, 'content/themes.yaml');
    } catch (error) {
      expect(error).toBeInstanceOf(DataFileError);
      return (error as Error).message;
    }
    throw new Error('accepted a bad themes file');
  };

  it('a bad id names the file, the field, the value and the fix', () => {
    const message = problems(themesYaml.replace('id: blue-sky', 'id: Blue Sky'));
    expect(message).toContain('content/themes.yaml');
    expect(message).toContain('themes[0].id');
    expect(message).toContain('"Blue Sky"');
    expect(message).toMatch(/小写英文字母和连字符/);
  });

  it('a bad weight, a duplicate word and an unknown field are each named', () => {
    const message = problems(
      themesYaml
        .replace('{ term: 细颗粒物, weight: 2 }', '{ term: 细颗粒物, weight: 9 }')
        .replace('      - 颗粒物\n', '      - 颗粒物\n      - 颗粒物\n')
        .replace('    battle: true\n', '    battle: true\n    colour: blue\n'),
    );
    expect(message).toMatch(/content\/themes\.yaml:\d+ 错误 \[themes\] 字段 themes\[0\]\.terms\[\d+\]\.weight（主题 blue-sky）：权重最大为 5（现值：9）/);
    expect(message).toMatch(/“颗粒物”在本主题的词表里写了两次/);
    expect(message).toMatch(/themes\[0\]\.colour（主题 blue-sky）：不认识的字段 colour：请检查拼写，或删去（现值："blue"）/);
  });

  it('a duplicate id, a missing field and broken YAML are explained in Chinese', () => {
    expect(problems(themesYaml.replace('id: clear-water', 'id: blue-sky'))).toMatch(/themes\[1\]\.id（主题 blue-sky）：与第 1 个主题的 id 重复，请换一个（现值："blue-sky"）/);
    expect(problems(themesYaml.replace(/\n {2}threshold: 2\n/, '\n'))).toMatch(/scoring\.threshold：.*（现值：缺少）/);
    expect(problems(`${themesYaml}\n  - id: [broken`)).toMatch(/content\/themes\.yaml:\d+ 错误 \[themes\] YAML 格式错误/);
  });
});

/**
 * The participation-channel extractor (issue 8) on real sentences: channels the plans promise,
 * and near misses that mention the public, report upwards or consult other departments.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlan, type Block, type Channel, type Section } from '../../src/pipeline/index.ts';
import { extractChannels } from '../../src/pipeline/enrich/channels.ts';
import { valuesIn } from '../../src/pipeline/enrich/channels-match.ts';
import { sentenceSpans } from '../../src/pipeline/enrich/channels-sentences.ts';
import { loadVocabulary } from '../../src/pipeline/enrich/channels-vocabulary.ts';

const root = join(import.meta.dirname, '..', '..');
const vocabulary = loadVocabulary();

function block(text: string, id = 'b-test'): Block {
  return { id, kind: 'paragraph', lead: null, text, responsible: [], themes: [] };
}
function section(texts: string[], role?: Section['role']): Section {
  return {
    id: 's-test', number: null, heading: '', level: 1, themes: [], children: [],
    blocks: texts.map((t, i) => block(t, `b-${i}`)), ...(role ? { role } : {}),
  };
}
const channelsOf = (...texts: string[]) => extractChannels([section(texts)], vocabulary);
const kinds = (list: Channel[]) => list.map((c) => `${c.kind}${c.value ? `:${c.value}` : ''}`).sort();

describe('channels a plan promises', () => {
  it('seed 003: both hotlines with their numbers, rewarded reporting, media, observers, open facilities', () => {
    const text = '推进全民环境监督。充分发挥“12345”“12369”热线等各类媒介作用,完善有奖举报机制,引导公众监督。支持新闻媒体对各类破坏生态环境行为进行曝光,强化媒体舆论监督,营造全民保护生态环境的舆论氛围。建立环境社会观察员制度,加强环境守护者队伍规范管理。';
    const found = channelsOf(text);
    expect(kinds(found)).toEqual(['hotline:12345', 'hotline:12369', 'media', 'observer', 'reward-report']);
    expect(found.find((c) => c.value === '12369')!.label).toBe('12369环保举报热线');
    for (const c of found) expect(text).toContain(c.quote);
    expect(kinds(channelsOf('推进符合条件的环保设施向社会开放,接受公众参观。'))).toEqual(['open-facility']);
  });

  it('seed 004: disclosure and press releases in one block are one channel whose quote spans both', () => {
    const text = '完善环境信息公开制度,建立政府、企业环境社会风险预防与化解机制。健全生态环境新闻发布机制,充分发挥各类媒体作用,曝光突出环境问题。';
    const found = channelsOf(text);
    expect(kinds(found)).toEqual(['disclosure', 'media']);
    const disclosure = found.find((c) => c.kind === 'disclosure')!;
    expect(disclosure.label).toContain('新闻发布');
    expect(disclosure.quote).toContain('信息公开');
    expect(disclosure.quote).toContain('新闻发布');
  });

  it('seed 002: environmental petitions and the 生态环境议事厅', () => {
    expect(kinds(channelsOf('进一步强化公检法环执法联动,健全环境信访闭环处置规程,深化开展护水、治气、治废各项专项行动,依法严厉打击环境违法犯罪行为。'))).toEqual(['petition']);
    expect(kinds(channelsOf('建立健全环保服务企业常态长效机制,举办生态环境议事厅、生态环境集市、生态环境大讲堂等,不断探索服务企业的新方式。'))).toEqual(['consultation']);
  });

  it('corpus 12: a published reporting phone and e-mail are a hotline and an online channel, not disclosure', () => {
    expect(kinds(channelsOf('环境保护等主管部门应当向社会公布举报电话、电子邮箱、通信地址等，明确受理范围和职责。'))).toEqual(['hotline', 'online']);
  });

  it('corpus 19, 16, 11: the 12345 hotline, 人民意见征集 and the planning participation mechanism', () => {
    expect(kinds(channelsOf('全面梳理中央及市生态环保督察、区委巡察、12345热线反馈、新闻媒体曝光等各类涉及垃圾分类的问题，深入分析成因，制定整改清单落实销项整改。'))).toEqual(['hotline:12345', 'media']);
    expect(kinds(channelsOf('依托人民意见征集、议事厅等平台，加强社会面宣传引导，鼓励市民共同参与水环境治理工作。'))).toEqual(['consultation']);
    expect(kinds(channelsOf('深入践行“全过程人民民主”重大理念，建立健全规划编制、实施、评估全流程公众参与机制。'))).toEqual(['consultation']);
  });

  it('corpus 01: the right to report, the handling of reports and the reward are found; a contribution award is not', () => {
    expect(kinds(channelsOf('任何单位和个人有权对扬尘污染违法行为进行举报，有权对各级人民政府、主管部门及其工作人员不依法履行职责的行为向其上级机关或者监察机关举报。'))).toEqual(['other']);
    expect(kinds(channelsOf('举报事项经查证属实的，应当对举报人给予奖励。'))).toEqual(['reward-report']);
    expect(channelsOf('对在扬尘污染防治工作中具有突出贡献的单位和个人给予表彰或者奖励。')).toEqual([]);
  });
});

describe('near misses are not channels', () => {
  const none = [
    // reporting to a higher agency (上报 / 报送 / 报告 / 备案)
    '各乡镇、区直各职能部门要进一步细化制定工作实施方案，于本方案正式印发之日2个月内报区环委办备案，重大情况及时向区党工委、管委会报告。',
    '充分运用第三次全国国土调查成果,构建完善生态监测监管网络,建立“监控发现-移交查处-督促整改-移送上报”工作闭环,实现常态化监督。',
    '流域内县级以上人民政府应当将流域水质保护工作纳入国民经济和社会发展规划，每年向同级人民代表大会常务委员会报告流域水质保护状况。',
    // consultation between departments (会商, 征求……部门意见)
    '推进预测预报预警体系建设,健全空气质量预报预警会商机制,进一步提升市级空气质量预报能力,指导公众做好重污染天气健康防护。',
    '绿化造林项目应征求规划资源主管部门意见后开展立项工作，项目建设单位组织编制作业设计，绿化主管部门会同相关部门对作业设计的用地、用水、技术措施等进行合理性评价，并监督实施。',
    // sentences that merely mention the public
    '利用区河长办微信公众号宣传平台，推出一系列主题宣传信息，并通过区文明办、区教育局、各街镇河长办等进一步扩大宣传覆盖面，增强全区公众依法用水、节水和保护水环境的意识。',
    '持续开展生态环保宣传“六个同行”,推进环境保护宣传教育进学校、进家庭、进社区、进农村、进企业、进机关。',
    '流域水质保护应当坚持保护优先、预防为主、统筹规划、综合治理、公众参与的原则。',
    '在国家、省、市统一部署下,构建政府主导、部门协同、企业履责、社会参与、公众监督的生态环境监测格局,优化完善生态环境监测网络和数据平台。',
    // parks opening, prosecutors' suits, staff supervisors, a staff contact number
    '聚焦居民区周边公园，推行24小时开放无界管理模式，推进公园开放提质增效、老公园服务能级提升。',
    '加强检察机关提起生态环境公益诉讼工作,完善生态环境损害赔偿制度与生态环境公益诉讼衔接机制。',
    '监督员：原则上由居委主任或专职卫生干部担任，主要负责监督查看志愿者上岗情况。',
    '（联系人：王某某，联系电话：23113147）',
    // a regulation's date of effect and its penalty clauses
    '本条例自公布之日起施行。',
    '违反本条例第二十四条第四款规定，重点排污单位不公开或者不如实公开环境信息的，由县级以上生态环境主管部门责令限期改正，处十万元以上二十万元以下罚款；',
  ];
  it.each(none)('%s', (sentence) => {
    expect(channelsOf(sentence)).toEqual([]);
  });

  it('公示 to the public is disclosure (round 2 texts n08, n06); a notice board itself is not', () => {
    expect(kinds(channelsOf('定期在区级平台公示小包垃圾和实效测评红黑榜，对问题点位进行通报。'))).toEqual(['disclosure']);
    expect(kinds(channelsOf('落实每个居住区4处清运企业和价格“双公示”。'))).toEqual(['disclosure']);
    expect(channelsOf('室外保洁确保无废弃物、堆积物，各类公告公示牌完整整洁；')).toEqual([]);
  });

  it('a duty to report to a higher body gives no channel; the 向社会公示 in the same sentence does', () => {
    // The reporting half is the near miss of corpus 06 ("每日定时向局办报送措施落实情况").
    const found = channelsOf('在预警和响应期间，每日定时向局办报送措施落实情况，并向社会公示。');
    expect(kinds(found)).toEqual(['disclosure']);
    expect(found[0]!.terms?.join('')).toContain('公示');
  });

  it('a reward for joining public-interest activities is not rewarded reporting', () => {
    const found = channelsOf('加强海洋垃圾防控宣传，普及海洋垃圾危害知识，开展海洋垃圾清理行动成果展示，鼓励引导公众及社会组织参与海洋环境保护公益活动，设立奖励机制，形成共同保护海洋生态环境的良好氛围。');
    expect(kinds(found)).toEqual(['other']);
  });
});

describe('where channels are looked for', () => {
  const text = '充分发挥“12345”“12369”热线等各类媒介作用,完善有奖举报机制,引导公众监督。';
  it('the cover notice (section.role "notice") is skipped; the same sentence in the plan is not', () => {
    expect(extractChannels([section([text], 'notice')], vocabulary)).toEqual([]);
    expect(extractChannels([section([text], 'attachment')], vocabulary).length).toBe(3);
  });

  it('one channel per (kind, value) per block, with stable ids that differ between blocks', () => {
    const found = extractChannels([section([`${text}${text}`, text])], vocabulary);
    expect(found.length).toBe(6);
    expect(new Set(found.map((c) => c.id)).size).toBe(6);
    expect(extractChannels([section([text])], vocabulary).map((c) => c.id)).toEqual(found.filter((c) => c.blockId === 'b-0').map((c) => c.id));
  });

  it('HTML paragraph marks left in a block do not end up in quotes', () => {
    const html = '<p id="t9">&emsp;&emsp;<b>第九条</b>&emsp;任何单位和个人都有保护流域水质的义务；有权对污染流域水质的行为向环境保护等主管部门举报。<br>&emsp;&emsp;环境保护等主管部门应当向社会公布举报电话、电子邮箱、通信地址等，明确受理范围和职责。</p>';
    const found = channelsOf(html);
    expect(kinds(found)).toEqual(['hotline', 'online', 'other']);
    for (const c of found) {
      expect(html).toContain(c.quote);
      expect(c.quote).not.toMatch(/<|&emsp;/);
    }
    expect(sentenceSpans(html).every((s) => s.end > s.start)).toBe(true);
  });

  it('phone numbers: area codes and service numbers are values; years and amounts are not', () => {
    // Formats only: no text at hand states a local number, so these strings are made for the test.
    expect(valuesIn('举报电话：0514-87363456，12319城建热线', 'phone')).toEqual(['0514-87363456', '12319']);
    expect(valuesIn('2025年12345户居民，投入50000000元', 'phone')).toEqual([]);
  });

  it('a WeChat account is named before or after its kind', () => {
    expect(valuesIn('畅通微信公众号“某市生态环境”等举报渠道', 'web')).toEqual(['某市生态环境']);
    expect(valuesIn('公众可通过“安澜生态环境”微信公众号反映水污染问题', 'web')).toEqual(['安澜生态环境']);
  });
});

describe('seeds, parsed whole', () => {
  const parse = (name: string) => parsePlan(new Uint8Array(readFileSync(join(root, 'seeds', name))), { path: name });
  const blocksOf = (sections: Section[]): Map<string, Block> => {
    const map = new Map<string, Block>();
    const walk = (list: Section[]) => list.forEach((s) => { s.blocks.forEach((b) => map.set(b.id, b)); walk(s.children); });
    walk(sections);
    return map;
  };

  it.each([
    ['003_a2480e753add8a33.txt', ['hotline:12345', 'hotline:12369', 'reward-report', 'media', 'observer', 'open-facility']],
    ['004_eca488feed549976.txt', ['disclosure', 'media', 'other']],
    ['002_e47365d686fc071a.txt', ['petition', 'consultation']],
  ])('%s has its known channels, each quoting its own block', (name, expected) => {
    const doc = parse(name);
    const found = new Set(kinds(doc.channels));
    for (const k of expected) expect(found).toContain(k);
    const blocks = blocksOf(doc.sections);
    for (const c of doc.channels) expect(blocks.get(c.blockId)?.text).toContain(c.quote);
  });

  it('no channel comes from a cover notice', () => {
    // The structure step recognises the cover notice of many seeds; a seeds/ without any would leave nothing to check.
    const withNotice = readdirSync(join(root, 'seeds')).filter((n) => n.endsWith('.txt')).map(parse)
      .filter((doc) => doc.sections.some((s) => s.role === 'notice'));
    expect(withNotice.length).toBeGreaterThan(0);
    let noticeBlockCount = 0;
    for (const doc of withNotice) {
      const noticeBlocks = new Set(doc.sections.filter((s) => s.role === 'notice').flatMap((s) => s.blocks.map((b) => b.id)));
      noticeBlockCount += noticeBlocks.size;
      expect(doc.channels.filter((c) => noticeBlocks.has(c.blockId)), doc.source.file).toEqual([]);
    }
    expect(noticeBlockCount).toBeGreaterThan(0);
    expect(withNotice.some((doc) => doc.channels.length > 0)).toBe(true);
  });
});

/**
 * Goals in running text (issue 7): which numbers in a paragraph are commitments, and what they
 * commit to.
 *
 *     "到2025年，辖区空气质量优良天数比率优于97.8%，细颗粒物(PM2.5)浓度低于19.2μg/m³"
 *        → 空气质量优良天数比率 > 97.8 % (2025, scope 辖区); 细颗粒物(PM2.5)浓度 < 19.2 μg/m³ (2025)
 *     "重度及以上污染天数比率比2015年下降25%以上"   → >= 25 %, change decrease, baseline 2015
 *     "化肥、农药使用量比2020年各减少10%"           → 化肥使用量 and 农药使用量, 10 % each
 *     "五项主要污染物排放量分别比2015年减少18.4%、15.2%、…" → one goal per pollutant
 *     "新增各类公园300座以上" "建设30公里以上环公园绿道"  → counts and lengths of things to build
 *
 * A number is a goal when the words around it commit to it: a comparator (不低于, 以上, 低于 …),
 * a target verb (达到, 保持, 新建, 完成 …) or an indicator right before it ("达标率100%").
 * It is not a goal when it is history (已, 累计, 截至2024年底 …), a threshold that picks what a
 * rule applies to ("35蒸吨/时及以下燃煤锅炉", "1公里以内步行"), a premise ("按照…规划水闸43座…"),
 * a starting value ("由12万吨/天提高至24万吨/天": 12), or sits in a title, a quoted slogan or a
 * formula ("×100%").
 */
import { enumerate, INDICATOR_END, nameGoal, placeList, splitOutside, trimIndicator } from './goals-naming.ts';
import { ABOUT, CONDITION, CUE, DECREASE, DEFINITION, FREQUENCY, INCREASE, PER, PREMISE, PROPERTY_BEFORE, RULE, SINCE, STATUS } from './goals-cues.ts';
import { readQuantities, type Quantity } from './goals-quantities.ts';
import { timeMarks, type PlanTimes, type TimeMark } from './goals-time.ts';
import type { Comparator, Goal } from '../types.ts';
import { comparatorOfWord, YEAR_ON_YEAR } from '../lexicon.ts';
import type { GoalRuleId } from './goals-rules.ts';

/** A goal read from running text: the Goal's own fields, with its quote as offsets into the text. */
export type TextGoal = Pick<Goal, 'indicator' | 'comparator' | 'value' | 'unit' | 'year' | 'baselineYear' | 'change' | 'scope'> & {
  /** The quoted clause: text.slice(quoteStart, quoteEnd). */
  quoteStart: number;
  quoteEnd: number;
  /** The starting value when the text gives one ("由95％提高至99％"). */
  baseline: { value: number; year: number | null } | null;
  /** The rule that made it a goal or a requirement (goals-rules.ts). */
  rule: GoalRuleId;
  /** A limit the plan imposes on firms, sites or facilities, not the place's own target. */
  requirement: boolean;
  /** Where the year came from; null when there is none. */
  yearFrom: YearFrom | null;
};

/** What the reader decided about one number of the text, and by which rule (goals-rules.ts). */
export interface Decision { rule: GoalRuleId; start: number; end: number }

export interface TextContext {
  times: PlanTimes;
  /** The deadline that governs the text before it states its own (heading, earlier paragraph). */
  carried: number | null;
  /** Where `carried` was stated: a heading or an earlier paragraph ("section"), or the document. */
  carriedFrom?: 'section' | 'document';
}

export type YearFrom = 'sentence' | 'section' | 'table' | 'document';

export interface Span { start: number; end: number }

/** Sentences (。！？；, outside brackets) and their clauses (，：, also inside brackets), as offsets. */
export function clausesOf(text: string): { sentence: Span; clauses: Span[] }[] {
  const out: { sentence: Span; clauses: Span[] }[] = [];
  let depth = 0;
  let sStart = 0;
  let cStart = 0;
  let clauses: Span[] = [];
  const close = (i: number, endSentence: boolean) => {
    if (i > cStart) clauses.push({ start: cStart, end: i });
    cStart = i + 1;
    if (endSentence) {
      if (clauses.length) out.push({ sentence: { start: sStart, end: i }, clauses });
      clauses = [];
      sStart = i + 1;
    }
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if ('（(【[《'.includes(c)) depth++;
    else if ('）)】]》'.includes(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && '。！？；;!?\n'.includes(c)) close(i, true);
    else if ('，,：:'.includes(c)) close(i, false); // "（目前…，已完成…，“十四五”计划完成…8处）"
  }
  close(text.length, true);
  return out;
}

/** Spans the numbers of which are never goals: 《titles》, short “quoted names”, 〔2018〕. */
function shelteredSpans(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(/《[^》]*》|〔[^〕]*〕|“[^”]{0,24}”|"[^"]{0,24}"|‘[^’]{0,24}’/g)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

/**
 * Deadlines listed together, in order: "到2023年、2025年", "2023年和2025年", "2025、2030年全市光伏装机
 * 力争达到407、700万千瓦" → [2023, 2025], [2025, 2030].
 */
function listedYears(before: string): number[] {
  // A deadline: after 到/至/力争, before 前, or opening its clause; not years compared with ("与2015年
  // 和2020年相比"), built on ("在…基础上") or measured in ("根据2021年、2022年监测数据").
  const m = /(到|至|力争到?|^|[，,：:])\s*((?:20\d{2})\s*年?(?:底|末)?(?:\s*[、和及与]\s*(?:20\d{2})\s*年(?:底|末)?)+)\s*(前)?/.exec(before);
  if (!m || !(m[1] !== undefined || m[3]) || /^[^，,。；]{0,6}(?:相比|基础|监测|数据|比较|以来)/.test(before.slice(m.index + m[0].length))) return [];
  return [...m[2]!.matchAll(/(20\d{2})/g)].map((y) => Number(y[1]));
}

const SIZES = new Set(['area', 'flow', 'energy', 'volume', 'mass', 'length']);
const BUILDS = /(?:新建|新增|建成|建设|完成|达到|增加|扩大|改造|修复|治理|整治|种植|造林|恢复|打造|实施)\s*$/;
const THRESHOLD_AFTER = /^[\d.\s]+[^\d\s，。；、]{0,4}?(?:及|或)?以[上下]的/;
const COUNTS = new Set(['count', 'length', 'area', 'volume', 'mass', 'energy', 'flow']);
// "…的企业", "及以上的工地": the number qualifies the noun after 的 (not "…的比例", "…的水平").
const SELECTS = /^\s*(?:及以上|以上|及以下|以下|或以上)?的(?!比例|水平|目标|要求|基础|倍|[，。；])[\u4e00-\u9fff]/;
// Before a selecting number: a comparator or a property ("年销量大于", "高度超过", "大于等于").
const SELECTING_BEFORE = /(?:大于等于|大于|超过|高于|小于|低于|不足|不少于|不低于|达到|在)\s*$/;
// What a share or count of things goes on to reach: "90%以上的村庄生活垃圾得到有效治理".
const REACHES = /得到|实现|达到|完成|建成|通过|纳入|开展|具备/;
// Sizes that name a kind of equipment, and the equipment: "4.3米焦炉", "35蒸吨/时锅炉", "30万千瓦机组".
const SPEC_KINDS = new Set(['length', 'flow', 'energy', 'volume']);
const EQUIPMENT = /^\s*(?:及以上|以上|及以下|以下)?(?:的)?(?:焦炉|锅炉|炉窑|机组|烟囱|储罐|油罐|设备|装置|生产线|窑|炉)/;
// Limits on emitters and facilities: "排放浓度", "去除效率", "限值"; and obligations worded as such
// ("不应低于", "不得高于", "不得超过") where the sentence sets no deadline for the place.
const LIMIT = /排放(?:浓度|限值|标准)|去除(?:效率|率)|处理效率|限值/;
const MODAL_LIMIT = /^不[应得宜能]/;
// Each unit of what a rule applies to: "每个点位", "每300至500户居民", "每个街镇设立3-5个…服务点".
// "外来人口每超过300人多配置1名保洁员": a staffing rule per step.
const PER_UNIT = /每(?:个|一个)?(?:点位|点|小区|岸段|企业|工地|单位|家|户|栋|幢|座|辆|街镇|街道|镇|社区|村|居住区)|每\s*\d+(?:\s*[至到—-]\s*\d+)?\s*户|每(?:超过|增加|满)\s*\d/;
// What every new building or project must have: "新建居住建筑屋顶…".
const NEW_BUILDINGS = /新建[^，。；\d]{0,16}(?:建筑|项目|工程|住宅|厂房|楼宇|仓|库|站|馆)/;
// An obligation worded before its comparator: "采用晶硅组件的应不低于18%", "集热器效率应均不低于50%".
const MODAL_BEFORE = /(?:应当?|须|必须|均应|应均)\s*$/;
// A sentence that opens by naming a class of facility and then gives its norms: "——占地面积10万平方米
// 以上的体育公园，绿化用地占比不低于65%，健身步道不少于2公里" (each park of that size must have them).
const CLASS_LEAD = /^[—–\-\s]*[^，。；]{0,30}(?:以上|以下|及以上|及以下|至[^，。；]{1,12})的[\u4e00-\u9fff]{2,10}\s*[，,]/;
/** The before-words of an estimate: "约", "大约", "约为". */
const APPROXIMATE = /^(?:大约|约为|约)$/;
// Statements of how things are: "占全年90%以上", "是其他季节的2倍左右", "相当于…".
const BACKGROUND = /(?:占|约占|是|相当于)[^，。；]{0,24}$/;

/** The goals in one paragraph (or list item, or table cell). */
export function readTextGoals(text: string, ctx: TextContext): { goals: TextGoal[]; carried: number | null; opening: number | null | undefined; decisions: Decision[] } {
  const marks = timeMarks(text, ctx.times);
  const sheltered = shelteredSpans(text);
  const quantities = readQuantities(text).filter((q) => !sheltered.some((s) => q.start > s.start && q.start < s.end));
  // The text with its time phrases blanked, for naming: "水土流失治理面积比2015年增加…" → "水土流失治理面积".
  let named = text;
  for (const m of marks) named = named.slice(0, m.index) + ' '.repeat(m.end - m.index) + named.slice(m.end);
  const goals: TextGoal[] = [];
  const decisions: Decision[] = [];
  const decide = (qs: Quantity[], rule: GoalRuleId) => { for (const q of qs) decisions.push({ rule, start: q.start, end: q.end }); };
  const markBefore = (before: number, from: number): TimeMark | undefined =>
    marks.filter((m) => m.index >= from && m.end <= before && m.kind !== 'baseline').pop();

  for (const { sentence, clauses } of clausesOf(text)) {
    const sentenceText = text.slice(sentence.start, sentence.end);
    if (DEFINITION.test(sentenceText) || CONDITION.test(sentenceText)) {
      decide(quantities.filter((q) => q.start >= sentence.start && q.start < sentence.end), DEFINITION.test(sentenceText) ? 'definition' : 'condition');
      continue;
    }
    let previousName: string | null = null;
    let previousScope: string | null = null;
    /** Where the start value's subject named a scope ("实现全区城镇污水处理率由95%提高至99%" → 全区). */
    let startScope: string | null = null;
    // The verb of the last count accepted in this sentence, which governs the counts listed after it
    // in clauses of their own: "推进居住区289个投放点微更新，159个投放点专项更新，…服务点9个".
    let sentenceCue: string | null = null;
    // "由12万吨/天，提高至24万吨/天": the starting value, kept for the target that follows it.
    let startValue: { value: number; unit: string; year: number | null; at: number } | null = null;
    for (let ci = 0; ci < clauses.length; ci++) {
      const clause = clauses[ci]!;
      // "城区200㎡以上的住宅小区", "10蒸吨及以下的燃煤锅炉", "年销量大于1000吨的企业", "排放口
      // 大于等于2个的企业": a number that picks what a rule applies to, not a target. After a verb the
      // number is what is made: "新建100公里以上的城市绿道", "形成60个以上的…案例"; a share or count
      // that goes on to what it reaches is a target: "90%以上的村庄生活垃圾得到有效治理".
      const threshold = (q: Quantity) => {
        const before = text.slice(clause.start, q.start);
        // "每超过300人多配置1名保洁员": the step a rule counts by.
        if (/每(?:超过|满|增加)\s*$/.test(before)) return true;
        const rest = text.slice(q.end, clause.end);
        // A size class: "2000吨级（含）以上码头泊位"; "建成1000亩以上开放休闲林地5个" counts the
        // woods (5个), each of 1,000 mu or more.
        const atLeast = /以上$/.test(text.slice(q.start, q.end)) || /^(?:以上|及以上)/.test(rest);
        // The words between must be the thing's name, not a second target joined on: "新建城市绿道
        // 100公里以上并配套建设驿站10座", "新增公园绿地面积50公顷以上及口袋公园20个" keep both.
        const counted = atLeast ? /^(?:以上|及以上)?([\u4e00-\u9fff“”]{1,16}?)\d+(?:\.\d+)?\s*(?:个|座|处|家|片|条)/.exec(rest) : null;
        const sizesWhatIsCounted = counted && !/[并及和与或]|新增|新建|建设|配套|完成|实施|改造/.test(counted[1]!);
        if (SIZES.has(q.kind) && (/^级/.test(rest) || sizesWhatIsCounted)) return true;
        if (BUILDS.test(before)) return false;
        if (SIZES.has(q.kind) && THRESHOLD_AFTER.test(text.slice(q.start, q.end + 6))) return true;
        // A size 以上 right before the kind of firm or site it picks, with no 的: "年综合能耗2000吨标准煤以上
        // 用能企业", "推动5万平方米以上商场复评".
        if (SIZES.has(q.kind) && atLeast && /^(?:及)?(?:以上)?[\u4e00-\u9fff]{0,4}?(?:企业|单位|用户|工地|商场|园区|码头|锅炉|机组)/.test(rest)) return true;
        if (!SELECTS.test(text.slice(q.end, q.end + 8))) return false;
        if ((q.kind === 'share' || q.kind === 'count') && REACHES.test(text.slice(q.end, clause.end))) return false;
        return SIZES.has(q.kind) || SELECTING_BEFORE.test(before);
      };
      // "加快淘汰炭化室高度4.3米焦炉", "30万千瓦机组": a size that says which equipment.
      const specification = (q: Quantity) => SPEC_KINDS.has(q.kind) && EQUIPMENT.test(text.slice(q.end, q.end + 6));
      const here = quantities.filter((q) => q.start >= clause.start && q.start < clause.end);
      decide(here.filter(threshold), 'threshold');
      decide(here.filter((q) => !threshold(q) && specification(q)), 'specification');
      const inClause = here.filter((q) => !threshold(q) && !specification(q));
      if (!inClause.length) continue;
      const clauseText = text.slice(clause.start, clause.end);
      // "已建成…设施正常运行率达到90%以上": 已建成 picks the facilities the target is for, it
      // reports nothing, when the clause goes on to commit to the number.
      const lead = text.slice(clause.start, inClause[0]!.start);
      const picks = /^\s*已建成?/.test(lead) && /(?:达到|保持|提高到|提升到|不低于|稳定在)\s*$/.test(lead);
      // "“十四五”期间累计下降14%", "到2025年…累计新增…": a cumulative target under a deadline; "累计"
      // without one reports ("近年来全市累计削减化学需氧量1.2万吨").
      const sentenceLead = text.slice(sentence.start, inClause[0]!.start);
      // So is "累计更新公交车6200辆" after "计划到2027年底前，…", or "累计拆除点位366处" in an annual
      // plan: an action still to be done, in a plan with a period.
      const cumulative = /累计(?:下降|降低|减少|削减|提高|提升|增加|新增|更新|建成|完成|实施|建设|改造|拆除|种植|造林|落实|推广)/.test(lead)
        && (/(?:到|至)\s*20\d{2}\s*年|期间|十[四五六]五|规划期/.test(sentenceLead) || ctx.times.annualYear !== null || ctx.times.fiveYear)
        && !/目前|近年来|以来|已/.test(sentenceLead);
      // "近年来，全市新能源汽车保有量突破50万辆": since when, said before the clause.
      const since = SINCE.test(sentenceLead) && !/(?:到|至)\s*20\d{2}\s*年/.test(sentenceLead);
      if ((STATUS.test(lead) || since) && !picks && !cumulative) { decide(inClause, 'history'); continue; }
      if (PREMISE.test(clauseText.trim())) { decide(inClause, 'premise'); continue; }
      // "原则上" sets a rule for each unit ("原则上每个小区不超过3处"), except where the clause is about
      // the whole place: "原则上第一年全区应完成的任务量不少于700亩" is the issuer's own target.
      // 全区 as the subject, not inside 健全市场, 完全市场化, 安全区.
      const wholePlace = /(?<![健完安保齐])全(?:省|市|区|县|镇)(?!场)/.test(clauseText) && !/[扣加得]\s*\d|不扣分|不得分|应当/.test(clauseText);
      if (RULE.test(clauseText) && !wholePlace) { decide(inClause, 'rubric'); continue; }
      // Quantities joined only by 、 和 及 share their subject ("分别达到60%、50%以上").
      const groups: Quantity[][] = [];
      for (const q of inClause) {
        const prev = groups.at(-1)?.at(-1);
        if (prev && /^\s*(?:[、和及与]|以及)\s*$/.test(text.slice(prev.end, q.start))) groups.at(-1)!.push(q);
        else groups.push([q]);
      }
      let preStart = clause.start;
      groups.forEach((group, gi) => {
        const first = group[0]!;
        const last = group.at(-1)!;
        const pre = text.slice(preStart, first.start);
        const namedPre = named.slice(preStart, first.start);
        // The next subject starts after this number only if this number is a goal: "24小时开放率提高到90%".
        const advance = () => { preStart = last.end; };
        // The next number that can be a goal ends what follows this one (a standard range is a descriptor).
        const nextStart = groups.slice(gi + 1).find((g) => !(g[0]!.kind === 'standard' && g[0]!.range))?.[0]?.start ?? clause.end;
        const after = text.slice(last.end, nextStart);
        // For naming: what follows the number up to the next item of a list ("18个行政村、2023年完成21个…").
        let namedAfter = named.slice(last.end, nextStart);
        if (gi + 1 < groups.length && namedAfter.includes('、')) namedAfter = namedAfter.slice(0, namedAfter.lastIndexOf('、'));
        const beforeNumber = pre.replace(/\s+$/, '');
        // The starting value, "由12万吨/天，提高至24万吨/天", with its year where given: "由2020年的85%
        // 提高到90%" (a past year, which dates the start, not the target).
        const from = /(?:由|从)\s*(?:(20\d{2})\s*年(?:底|末)?\s*的?)?$/.exec(beforeNumber);
        if (from) {
          startValue = { value: first.value, unit: first.unit, year: from[1] ? Number(from[1]) : null, at: preStart + from.index };
          const subject = nameGoal(namedPre.slice(0, from.index), '', '', '', COUNTS.has(first.kind), first.kind === 'share');
          previousName = subject.indicator || trimIndicator(namedPre.slice(0, from.index)) || previousName;
          startScope = subject.scope;
          advance(); // the target after it is named by what came before the start: previousName
          decide(group, 'start-value');
          return;
        }
        // History stated in this sentence before the number ("截至2024年底，…") unless a deadline follows it.
        const mark = markBefore(first.start, sentence.start);
        const reject = (rule: GoalRuleId) => { decide(group, rule); };
        if (mark?.kind === 'status' && !startValue?.year) return reject('dated-history');
        if (/[×*÷=＝/]$/.test(beforeNumber) || /^[×*÷=＝]/.test(after.trim())) return reject('formula');
        if (/^的?基础上/.test(after) || ABOUT.test(beforeNumber)) return reject('about');
        if (gi > 0 && /^\s*[（(]\s*$/.test(pre)) return reject('restated'); // "控制在0.3%(1天)以内": the same target restated
        if (/^\s*[（(]\s*20\d{2}/.test(after)) return reject('data-year'); // "1191平方公里（2016滩涂报告数据）": a figure with its data year
        if (/^[^，。；]{0,2}(?:范围|半径)/.test(after)) return reject('extent'); // "周边2至3米范围内"
        // Thresholds that pick what a rule applies to: "35蒸吨/时及以下燃煤锅炉", "1公里以内步行".
        // "5公里左右乘坐公共交通工具" is a band of distance, "客流量5000人次左右的站点" picks stations;
        // "50座左右开放休闲林地公园" is about fifty parks.
        if (last.after && (/^(?:以下|及以下|以内|之内|内)$/.test(last.after) || (/^(?:左右|上下)$/.test(last.after) && (first.kind !== 'count' || /^的/.test(after)))) && /^[\u4e00-\u9fff]/.test(after) && !/^的?(?:比例|水平|目标|要求)/.test(after)) return reject('threshold');
        if (PROPERTY_BEFORE.test(beforeNumber) && /^(?:以上|及以上|以下|及以下)?的?[\u4e00-\u9fff]/.test(after.replace(/^[^\u4e00-\u9fff]*/, '')) && (last.after || /^的/.test(after))) return reject('threshold');
        // A design-standard range ("达到3—5年一遇雨水排水能力") describes, it is not itself the target.
        if (first.kind === 'standard' && first.range) return reject('design-standard');
        if (first.kind === 'duration' && !(first.comparator === '<=' || first.comparator === '<' || /不超过|不得超过|以内|内$/.test(pre))) return reject('duration');

        // "约" commits to nothing by itself: "水深约11米，离岸距离约11公里" describes a site; the word
        // still makes the comparator "~" (comparatorOf below reads it from the text).
        const commits = (m: RegExpMatchArray) => !APPROXIMATE.test(m[0]);
        const cue = [...pre.matchAll(CUE)].filter(commits).at(-1);
        // A cue earlier in the clause governs a list: "培育形成3个市级…集群、20个县级特色产业集群".
        const clauseCue = cue ?? [...text.slice(clause.start, first.start).matchAll(CUE)].filter(commits).at(-1);
        // The next item of a list the verb governs: "新建67个“两网融合”服务点位、4个“两网融合”中转站".
        const listed = gi > 0 && !cue && !!clauseCue && /、\s*$/.test(pre);
        const continued = !clauseCue && !!sentenceCue && COUNTS.has(first.kind) && clause.end - clause.start <= 30 && !mark;
        const directBe = /为$/.test(beforeNumber);
        const bareIndicator = INDICATOR_END.test(beforeNumber) && (first.kind === 'share' || first.kind === 'concentration');
        // A verb after the number under a stated deadline: "到2020年，6个县(市、区)完成…创建工作".
        // A share: "全市城镇25%面积达到3—5年一遇雨水排水能力".
        const verbAfter = (!!mark || first.kind === 'share') && /^[^，。；]{0,16}?(?:完成|实现|达到|建成|达标|成为)/.test(after);
        // "重污染天数占全年90%以上", "是其他季节的2倍左右": a statement of how things are, with no
        // verb that commits and no deadline in the sentence.
        if (!clauseCue && BACKGROUND.test(pre) && !marks.some((m) => m.kind === 'deadline' && m.index >= sentence.start && m.index < sentence.end)) return reject('background');
        // A range's own ≥ commits to nothing after 约: "海域水深约9.9-11.9米，离岸距离约8-10公里" describes a site.
        const bound = (q: Quantity) => !!q.comparator && !(q.range && !q.after && /约\s*$/.test(text.slice(clause.start, q.start)));
        if (!clauseCue && !directBe && !bareIndicator && !verbAfter && !continued && !group.some(bound)) return reject('no-commitment');

        // Comparator: the number's own words first (以上, ≥), then the cue word before it.
        const cueWord = cue?.[0] ?? '';
        const comparatorOf = (q: Quantity): Comparator => {
          const own = q.comparator ?? (group.length > 1 ? last.comparator : null);
          if (own) return own;
          const said = comparatorOfWord(cueWord) ?? (cueWord === '超' ? '>' : null);
          if (said) return said;
          if (/约$/.test(pre.replace(/\s+$/, ''))) return '~';
          return '=';
        };
        const baselineMark = marks.filter((m) => m.kind === 'baseline' && m.index >= clause.start && m.index < first.start).pop();
        // A change: "比2015年下降25%", "下降15%左右", "提高5个百分点"; "降至31", "提高到90%" are levels.
        const changeWord = /^(?:下降|减少|降低|削减|压减|增加|提高|提升|增长)$/.test(cueWord) ? cueWord : '';
        const change: TextGoal['change'] = first.unit === '个百分点' || baselineMark || changeWord
          ? (DECREASE.test(changeWord || pre) ? 'decrease' : INCREASE.test(changeWord || pre) ? 'increase' : null)
          : null;
        const prior = lastDeadlineBefore(marks, first.start);
        // "达到3年一遇标准的远景目标要求": a long-term aim without a year; "每季度…公开一次",
        // "每年组织至少1轮": a standing rule, due every period rather than by a year.
        // The start's year is not the target's: "到2025年，…由2020年的85%提高到90%" is due by 2025.
        const started = (startValue as { year: number | null; at: number } | null);
        const own = started?.year && mark && mark.year === started.year && mark.index >= started.at ? null : mark;
        const before = own === mark ? prior : started ? lastDeadlineBefore(marks, started.at) : prior;
        const standing = /远景/.test(clauseText) || FREQUENCY.test(text.slice(clause.start, first.start));
        const year = standing ? null
          : own ? own.year : before !== undefined ? before : ctx.carried ?? ctx.times.annualYear;
        // Where the year was stated: this sentence, earlier in the paragraph or a heading (the
        // section), or the document (an annual plan's year).
        const inSentence = (own && own.index >= sentence.start) || (before !== undefined && own === undefined && marks.some((m) => m.kind === 'deadline' && m.year === before && m.index >= sentence.start && m.end <= first.start));
        const yearFrom: YearFrom | null = year === null ? null
          : own || before !== undefined ? (inSentence ? 'sentence' : 'section')
            : ctx.carried !== null ? ctx.carriedFrom ?? 'section' : 'document';

        // The indicator: the words before the verb, or the verb and the thing counted.
        const cueAt = cue ? cue.index : namedPre.length;
        // A continued list item names its thing after the verb it borrows: "其中城市公园1座" → 新增城市公园.
        const left = listed || continued ? '' : namedPre.slice(0, cueAt);
        const mid = listed ? '' : continued ? namedPre : namedPre.slice(cue ? cueAt + cueWord.length : namedPre.length);
        const listedCue = listed ? clauseCue![0] : continued ? sentenceCue! : cueWord;
        advance();
        if (COUNTS.has(first.kind) && (cue || listed)) sentenceCue = listedCue;
        let { indicator, scope } = nameGoal(left, listedCue, mid, namedAfter, COUNTS.has(first.kind), first.kind === 'share');
        // "能耗年均下降3%": a rate each year, which a reader must not compare with a five-year total.
        if (/年均\s*$/.test(left)) scope = scope ? `${scope}，年均` : '年均';
        // "市区20%以上、县城10%以上的面积达到…": the measure follows the clause's last number. An aside
        // in brackets there names nothing: "确保达到120MW，力争达到180MW（本方案口径不含物流仓储领域）"
        // measures what the clause before measured (below), not "（本方案口径…）".
        if (!indicator) indicator = trimIndicator(named.slice(inClause.at(-1)!.end, clause.end).replace(/[（(][^（）()]*[）)]/g, '').replace(/^的/, ''));
        if (!indicator && previousName) {
          indicator = previousName; // "…新增…居住区172个，累计达到682个"
          // Where, too: "全市…确保达到120MW，力争达到180MW" is 全市 both times.
          scope ??= startValue ? startScope : previousScope;
        }
        // "统筹实施低洼圩区的提标改造，达到20年一遇标准": the subject is in the clause before.
        const prevClauseText = ci > 0 ? trimIndicator(named.slice(clauses[ci - 1]!.start, clauses[ci - 1]!.end)) : '';
        if (indicator.length <= 2 && prevClauseText && !/\d/.test(prevClauseText)) indicator = prevClauseText.slice(-24) + indicator;
        // Nothing names what the number measures ("≥73％" alone, a table cell the structure step
        // did not recognise as part of a table): not a goal anyone could read.
        if (!/[\u4e00-\u9fff]/.test(indicator)) return reject('unnamed');
        previousName = indicator;
        // A rate each year is this figure's own: "能耗年均下降3%，累计下降15%" does not pass it on.
        previousScope = scope?.replace(/，?年均$/, '') || null;

        // Quote: the clause, with a time phrase standing alone just before it ("到2025年，").
        let quoteStart = clause.start;
        const prevClause = clauses[ci - 1];
        if (prevClause && /^\s*(?:到|至|力争到?|在)?\s*\S{0,4}\d{4}\s*年\S{0,4}\s*$/.test(text.slice(prevClause.start, prevClause.end))) quoteStart = prevClause.start;
        while (/\s/.test(text[quoteStart] ?? '')) quoteStart++;
        const quoteEnd = clause.end;
        // "同比下降4%", "比上年减少6%": on the same period a year before the deadline.
        const baselineYear = baselineMark?.year ?? (YEAR_ON_YEAR.test(text.slice(clause.start, first.start)) && year ? year - 1 : null);
        // A limit the plan sets for firms, sites or facilities ("排放浓度不得高于…", "去除效率不应低于80%"):
        // kept, marked as such, never compared as the place's own target.
        // So are norms for each unit ("每个点位至少1名志愿者", "每300至500户居民设置1个投放点"), for
        // every new building ("新建居住建筑屋顶安装光伏面积比例不低于30%") and what a rule 要求.
        const upTo = text.slice(clause.start, first.start);
        const undated = !marks.some((m) => m.kind === 'deadline' && m.index >= sentence.start && m.index < sentence.end);
        // A dimension held under or over a bound with no deadline is a design rule for each work: "树冠
        // 间距不大于4米", "排水通道一般口宽不小于6米" (not "新建绿道30公里", a length to build).
        const dimension = first.kind === 'length' && /^(?:厘米|毫米|米)$/.test(first.unit) && /^不/.test(cueWord) && comparatorOfWord(cueWord) !== null;
        const requirement = LIMIT.test(clauseText) || ((MODAL_LIMIT.test(cueWord) || MODAL_BEFORE.test(pre.slice(0, cue?.index ?? pre.length)) || dimension) && undated)
          || (undated && CLASS_LEAD.test(text.slice(sentence.start, clause.start)))
          || (PER_UNIT.test(upTo) && !FREQUENCY.test(upTo)) || (first.kind === 'share' && NEW_BUILDINGS.test(upTo) && (comparatorOfWord(cueWord) !== null || (first.comparator !== null && year === null))) || /可以|可按|可根据/.test(upTo) || /要求\s*$/.test(pre.slice(0, cue?.index ?? pre.length));
        const sv = startValue as { value: number; unit: string; year: number | null; at: number } | null;
        const base = sv && sv.unit === first.unit ? { value: sv.value, year: sv.year } : null;
        // "道路每平方米浮尘量不超过5克" → 克/平方米.
        const per = PER.exec(text.slice(clause.start, first.start));
        const unitOf = (q: Quantity) => (q.kind === 'mass' && per ? `${q.unit}/${per[1]}` : q.unit);
        // A range held under a ceiling is the ceiling: "控制在30-35微克/立方米" → at most 35 (a fall
        // of "3-5微克" or a floor of "5-7.5毫克/升" keeps its lower bound).
        const ceiling = (q: Quantity) => q.upper !== undefined && /控制在|降至|降到|降低到|降低至|下降到|下降至|不超过|不高于/.test(cueWord);
        const push = (name: string, where: string | null, q: Quantity, at: number | null = year) => {
          if (!decisions.some((d) => d.start === q.start)) decisions.push({ rule: requirement ? 'requirement' : 'commitment', start: q.start, end: q.end });
          goals.push({
          indicator: name || indicator, comparator: ceiling(q) ? '<=' : comparatorOf(q), value: ceiling(q) ? q.upper! : q.value, unit: unitOf(q), year: at, baselineYear,
          change, scope: where, quoteStart, quoteEnd, baseline: base, rule: requirement ? 'requirement' : 'commitment', requirement, yearFrom: at === year ? yearFrom : 'sentence',
          });
        };

        const places = placeList(indicator);
        if (places) {
          // "禹州市、长葛市建成区…分别达到60%、50%以上": a place per value; one value for several
          // places ("…96%以上") counts once, for the whole list.
          if (group.length === places.places.length) group.forEach((q, i) => push(places.rest, places.places[i]!, q));
          else group.forEach((q) => push(places.rest, places.places.join('、'), q));
        } else if (group.length > 1) {
          const names = enumerate(indicator, group.length);
          // "到2023年、2025年，…分别控制在38、35微克/立方米": one measure, a value per year listed.
          const years = names ? [] : listedYears(text.slice(sentence.start, first.start));
          group.forEach((q, i) => push(names?.[i] ?? indicator, scope, q, years.length === group.length ? years[i]! : year));
        } else {
          // One value for several indicators: "化肥、农药使用量比2020年各减少10%",
          // "辐射安全许可证持证率、放射性废物以及废旧放射源安全处置率保持100%".
          // Each part must name a whole measure ("…持证率、…处置率"), unless 各 says so: "地表水国控、
          // 省控断面水质优良比例" is one measure of two kinds of sections.
          const each = /(?:各|分别)(?:自)?(?:比\s*\d{4}\s*年)?(?:减少|下降|降低|削减|增加|提高|达到|保持)/.test(pre);
          const names = enumerate(indicator, 0, each);
          const whole = splitOutside(indicator, /、/).every((x) => INDICATOR_END.test(x));
          if (names && (each || whole)) for (const x of names) push(x, scope, first);
          else push(indicator, scope, first);
        }
        startValue = null;
      });
    }
  }
  const final = lastDeadlineBefore(marks, text.length);
  // The deadline the text opens with ("到2020年，全市生态环境质量总体改善…"), if it opens with one.
  const firstClause = clausesOf(text)[0]?.clauses[0];
  const opening = firstClause ? marks.find((m) => m.kind === 'deadline' && m.index < firstClause.end)?.year : undefined;
  return { goals, carried: final !== undefined ? final : ctx.carried, opening, decisions: decisions.sort((a, b) => a.start - b.start) };
}

function lastDeadlineBefore(marks: TimeMark[], at: number): number | null | undefined {
  const m = marks.filter((x) => x.end <= at && x.kind === 'deadline').pop();
  return m ? m.year : undefined;
}

/**
 * The words that tell a goal from other numbers in plan sentences (issue 7), used by
 * goals-sentences.ts. Each pattern carries a sample of the text it is meant to match. The
 * comparator and change words themselves are the lexicon's (src/pipeline/lexicon.ts).
 */
import { comparatorBeforePattern } from '../lexicon.ts';

export { DECREASE, INCREASE } from '../lexicon.ts';

// Words that commit to a number; the one nearest the number counts. A cue word that is part of
// an indicator's name ("达标率", "建设用地", "治理率") is not a cue.
export const CUE = new RegExp(`(?:${comparatorBeforePattern}|稳定在|保持在|保持|维持在|维持|达到|提高到|提高至|提升到|提升至|增加到|增加至|增至|降至|降低到|降低至|下降到|下降至|减少到|减少至|减少|下降|降低|削减|压减|增加|提高|提升|增长|实现|确保|新增|新建|增设|建成|建设|完成|整治|治理|改造|修复|打造|形成|创建|培育|布局|开展|推动|推进|实施|组织|具备|配备|设置|扩容|疏浚|新开|贯通|打通|种植|造林|抚育|更新|淘汰|关停|覆盖|加快|启动|优化调整|优化提升|扩大到|扩大至|达(?![标成峰])|超|为(?=\\s*$))(?![率量区]|用地|面积|能力|标准|情况|水平|范围|[ⅠⅡⅢⅣⅤ]|I{1,3}类|IV|[一二三四五]类|国家)`, 'g');
// History: "已完成…", "累计建成…", "目前…", "现有…" (a cumulative target under a deadline is not: goals-sentences.ts).
// "同比下降4%" is a change on the same period a year earlier: a target under a deadline, history
// under a past date (goals-time.ts tells them apart), so 同比 itself reports nothing.
// "近年来…突破1000万人次", "“十三五”以来…": what has happened since, not what is to come (以来源 is no 以来).
export const SINCE = /近年来|以来(?!源)/;
export const STATUS = new RegExp(`已经|已(?!有的|经批准)|累计(?!达到)|现有|现状|目前|当前|上年度|去年|原有|共有|实有|初步形成|提前达到|${SINCE.source}`);
// Notes and definitions: "注：…", "…，即…占…的比例", "…采用数学模型评估法测算".
export const DEFINITION = /^\s*注\s*[：:]|[，,：:]\s*(?:即|是指|指)(?![标导挥出引南数])|采用[^，。；]*(?:测算|评估法|计算)|计算公式|统计口径|(?:以上|以下)的[^，。；]{1,12}(?:计入|视为|认定为|纳入统计)/;
// Conditions, not targets: an emergency plan's alert levels ("黄色预警：预测日AQI>200将持续2天及以上",
// "日AQI>300") say when to act, not what to reach.
// Eligibility for a pilot or an allocation says who may apply: "居民社区类创建对象住户达到2000户以上",
// "申报企业…需具备20万千瓦及以上…并网业绩".
export const CONDITION = /预警\s*[:：]|预测[^。；]{0,30}将持续|AQI\s*[>＞≥]|创建对象|申报(?:企业|单位|主体)[^。；]{0,16}(?:需|应|须)具备|(?:申报|入选|准入|参评)条件/;
// Rules and rubrics, not targets: "原则上每个小区不超过3处", "合格率80%以下扣10分".
export const RULE = /原则上|应当|[扣加得]\s*\d+(?:\.\d+)?\s*分|不扣分|不得分/;
// A premise: "按照…规划水闸43座…的远景目标要求", "根据…".
export const PREMISE = /^(?:按照|根据|依据|参照|对照|依托|按)/;
// Due every period rather than by a year: "每季度…公开一次", "每年组织至少1轮".
// "年均更新客车700辆左右" is a rate per year, like 每年 (not "年均浓度", a measure).
export const FREQUENCY = /每(?:年|季度|季|个?月|周|日|天|半年|学期|次)(?!均)|逐年|年均(?=更新|新增|完成|实施|建设|改造|造林|种植|淘汰)/;
export const PER = /每(平方米|平方公里|立方米|公里|人|户|天|日|年|月)/;
// A property that picks what a rule applies to: "年用水量50万m3及以上的企业", "载重量1吨的…车".
export const PROPERTY_BEFORE = /(?:年用水量|用水量|规模|直径|功率|容量|排气量|吨位|载重量|载重|高度|深度|宽度|坡度|年产|产能|日处理能力)$/;
// What a clause is about, not what it promises: "在6座市属公园先行启动试点", "涉及…24条河道",
// "连续3次以上拒不改正的", "每300至500户居民", "一批100公顷以上的“绿心”公园".
export const ABOUT = /(?:(?<![持定制])在|对|涉及|包括|含|分布于|连续|每|一批|若干|多个|一些)$/;

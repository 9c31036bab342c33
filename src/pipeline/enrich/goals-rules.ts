/**
 * The goal reader's rules (issue 14), by name. Every number the reader meets in running text is
 * decided by exactly one of them, in this order: the first that applies wins. A decision is kept on
 * the goal (`goal.rule`) and in the document's diagnostics (goal-made, goal-requirement,
 * goal-rejected), so a wrong goal on a page is traced to its rule in one step, and the notes page
 * says why each number was or was not read as a target.
 *
 * Each rule carries a real sentence it decides (`sample`, with the number it decides) and one
 * like it that it does not decide that way (`counter`); tests/pipeline/goals-rules.test.ts runs
 * both through the reader, so a rule that stops doing what it says fails.
 */
export type Verdict = 'goal' | 'requirement' | 'not-target';

export interface GoalRule {
  id: string;
  verdict: Verdict;
  /** What the rule decides, in plain Chinese (shown on the notes page and in diagnostics). */
  says: string;
  /** A sentence this rule decides, and the number (as printed) it decides. */
  sample: { text: string; number: string };
  /** A sentence like it that this rule does not decide (another rule does), and its number. */
  counter: { text: string; number: string };
}

export const GOAL_RULES = [
  // ------------------------------------------------------------------ not targets
  {
    id: 'definition', verdict: 'not-target', says: '注释或定义里的数字，不是目标',
    sample: { text: '注：1.指标值为全市平均值，优良天数比率按80%计。', number: '80%' },
    counter: { text: '到2025年，全市优良天数比率达到80%。', number: '80%' },
  },
  {
    id: 'condition', verdict: 'not-target', says: '预警条件、启动条件（“预测日AQI>200将持续2天”）和申报条件（“创建对象住户达到2000户以上”）说的是何时行动、谁能申报，不是目标',
    sample: { text: '黄色预警：预测日AQI>200将持续2天及以上。', number: '2天' },
    counter: { text: '全年重污染天数控制在2天以内。', number: '2天' },
  },
  {
    id: 'history', verdict: 'not-target', says: '已经做到或现有的情况（已、累计、现有、目前），不是目标',
    sample: { text: '近年来全市累计削减化学需氧量1.2万吨。', number: '1.2万吨' },
    counter: { text: '“十四五”期间，化学需氧量累计削减1.2万吨。', number: '1.2万吨' },
  },
  {
    id: 'premise', verdict: 'not-target', says: '依据和前提（按照…、根据…）里的数字，不是本规划的目标',
    sample: { text: '按照规划水闸43座的远景目标要求，统筹推进水闸建设。', number: '43座' },
    counter: { text: '到2025年，新建水闸43座。', number: '43座' },
  },
  {
    id: 'rubric', verdict: 'not-target', says: '考核打分和原则性规定（扣10分、原则上不超过3处）是规则，不是目标',
    sample: { text: '合格率80%以下扣10分。', number: '80%' },
    counter: { text: '到2025年，合格率达到80%以上。', number: '80%' },
  },
  {
    id: 'background', verdict: 'not-target', says: '描述现状或背景的数字（是…的2倍、占全年30%以上），句中没有承诺',
    sample: { text: '秋冬季细颗粒物平均浓度是其他季节的2倍左右，重污染天数占全年90%以上。', number: '90%' },
    counter: { text: '到2025年，重污染天数比率控制在1%以内。', number: '1%' },
  },
  {
    id: 'threshold', verdict: 'not-target', says: '限定适用对象的门槛（…以上的企业、高度超过15米的…、35蒸吨/时及以下的锅炉），不是目标',
    sample: { text: '全面淘汰35蒸吨/时及以下燃煤锅炉。', number: '35蒸吨/时' },
    counter: { text: '全面淘汰燃煤锅炉35台。', number: '35台' },
  },
  {
    id: 'specification', verdict: 'not-target', says: '设备规格（4.3米焦炉、30万千瓦机组）说的是哪一种设备，不是目标',
    sample: { text: '加快淘汰炭化室高度4.3米焦炉。', number: '4.3米' },
    counter: { text: '建设30公里以上环公园绿道。', number: '30公里' },
  },
  {
    id: 'start-value', verdict: 'not-target', says: '起点数值（由95%提高至99%中的95%）是基准，不是目标',
    sample: { text: '城镇污水处理率由95%提高至99%。', number: '95%' },
    counter: { text: '城镇污水处理率由95%提高至99%。', number: '99%' },
  },
  {
    id: 'dated-history', verdict: 'not-target', says: '截至某个过去年份的数字是现状',
    sample: { text: '截至2020年底，全市建成城镇污水处理厂6座。', number: '6座' },
    counter: { text: '到2025年底，全市建成城镇污水处理厂6座。', number: '6座' },
  },
  {
    id: 'formula', verdict: 'not-target', says: '公式里的数字（×100%）不是目标',
    sample: { text: '绿化覆盖率=绿化覆盖面积/建成区面积×100%。', number: '100%' },
    counter: { text: '绿化覆盖率达到100%。', number: '100%' },
  },
  {
    id: 'about', verdict: 'not-target', says: '说明对象的数字（在6座公园试点、涉及24条河道、一批100公顷以上的公园）不是目标',
    sample: { text: '在6座市属公园先行启动试点。', number: '6座' },
    counter: { text: '新建6座市属公园。', number: '6座' },
  },
  {
    id: 'restated', verdict: 'not-target', says: '括号里换一种单位重说的同一个目标',
    sample: { text: '重污染天数比率控制在0.3%（1天）以内。', number: '1天' },
    counter: { text: '重污染天数比率控制在0.3%以内。', number: '0.3%' },
  },
  {
    id: 'data-year', verdict: 'not-target', says: '带着数据年份的数字（1191平方公里（2016滩涂报告数据））是数据，不是目标',
    sample: { text: '滩涂面积1191平方公里（2016滩涂报告数据）。', number: '1191平方公里' },
    counter: { text: '到2025年，滩涂保有面积不低于1191平方公里。', number: '1191平方公里' },
  },
  {
    id: 'extent', verdict: 'not-target', says: '范围和半径（周边2至3米范围内）说的是在哪里做，不是目标',
    sample: { text: '做好投放点周边2至3米范围内的清洁。', number: '2至3米' },
    counter: { text: '新建绿道2公里。', number: '2公里' },
  },
  {
    id: 'design-standard', verdict: 'not-target', says: '设计标准的区间（3—5年一遇）是在描述工程，不是目标本身',
    sample: { text: '全市城镇25%面积达到3—5年一遇雨水排水能力。', number: '3—5年一遇' },
    counter: { text: '主海塘防御标准提高到二百年一遇。', number: '二百年一遇' },
  },
  {
    id: 'duration', verdict: 'not-target', says: '时长（2个月、3年）不是目标，除非是期限（“不超过15个工作日”）',
    sample: { text: '试运行3个月后正式实施。', number: '3个月' },
    counter: { text: '对举报在15个工作日内答复。', number: '15个工作日' },
  },
  {
    id: 'no-commitment', verdict: 'not-target', says: '句中没有承诺：没有目标动词、比较词，也没有期限',
    sample: { text: '全区有河道320条。', number: '320条' },
    counter: { text: '全区整治河道320条。', number: '320条' },
  },
  {
    id: 'unnamed', verdict: 'not-target', says: '读不出是什么指标的数字（一格孤立的“≥73％”）',
    sample: { text: '≥73％', number: '73％' },
    counter: { text: '主海塘达标率≥73％', number: '73％' },
  },
  // ------------------------------------------------------------------ requirements
  {
    id: 'requirement', verdict: 'requirement', says: '对企业、工地、设施提出的限值和要求（排放浓度不得高于、去除效率不应低于），不和城市的目标比较',
    sample: { text: '涉VOCs排放企业的治理设施去除效率不应低于80%。', number: '80%' },
    counter: { text: '到2025年，挥发性有机物排放总量比2020年下降10%以上。', number: '10%' },
  },
  // ------------------------------------------------------------------ goals
  {
    id: 'commitment', verdict: 'goal', says: '承诺某个指标达到、保持或变化到一个数值（达到、不低于、控制在、下降……）',
    sample: { text: '到2025年，辖区空气质量优良天数比率优于97.8%。', number: '97.8%' },
    counter: { text: '2020年辖区空气质量优良天数比率为97.8%。', number: '97.8%' },
  },
  {
    id: 'table-cell', verdict: 'goal', says: '指标表、分解表里目标列或各地各年一格的数值',
    sample: { text: '序号\t指标名称\t2020年\t2025年\n1\t森林覆盖率（%）\t18.1\t18.5', number: '18.5' },
    counter: { text: '序号\t指标名称\t2020年\t2025年\n1\t森林覆盖率（%）\t18.1\t18.5', number: '18.1' },
  },
] as const satisfies readonly GoalRule[];

export type GoalRuleId = (typeof GOAL_RULES)[number]['id'];

export const RULE_BY_ID: ReadonlyMap<string, GoalRule> = new Map(GOAL_RULES.map((r) => [r.id, r]));

/**
 * `npm run new -- update <plan-slug>`: a dated progress update about one plan, with what the site
 * knows filled in (the day, the plan's place, its slug) and what only a person knows left empty
 * (title, source, the body), so that `npm run check` names each until it is written. The reported
 * values are shown as a commented example, with the indicators the plan has goals for: a value is
 * compared with the targets of the same indicator, place, scope and year.
 */
import { stringify } from 'yaml';
import type { Goal } from '../pipeline/types.ts';
import { uniqueIds } from '../pipeline/text/unique-ids.ts';

export interface UpdatePlan {
  slug: string;
  title: string;
  /** "上海市/普陀区": the plan's place, outermost first; "" when it names none. */
  place: string;
  goals: readonly Pick<Goal, 'indicatorId' | 'indicator' | 'unit' | 'year' | 'scope'>[];
}

/** content/updates/<date>-<slug>.md, with -2, -3 … when the day already has one for the plan. */
export function updateFileName(date: string, slug: string, taken: ReadonlySet<string>): string {
  const stems = [...taken].map((n) => n.replace(/\.md$/, ''));
  return `${uniqueIds(stems)(`${date}-${slug}`)}.md`;
}

export function scaffoldUpdate(plan: UpdatePlan, date: string): string {
  const indicators = new Map<string, string>();
  for (const g of plan.goals) {
    if (!g.indicatorId || indicators.has(`${g.indicatorId}|${g.year}|${g.scope ?? ''}`)) continue;
    indicators.set(`${g.indicatorId}|${g.year}|${g.scope ?? ''}`, `#   ${g.indicatorId}：${g.indicator}，单位 ${g.unit}${g.year ? `，目标年份 ${g.year}` : ''}${g.scope ? `，范围：${g.scope}` : ''}`);
  }
  const example = [...plan.goals].find((g) => g.indicatorId);
  const q = (v: unknown) => stringify(v, { lineWidth: 0 }).trim();
  return [
    '---',
    `# 一条进展（见 CONTRIBUTING.md “发布一条进展”）。填写 title、source 和正文，然后运行 npm run check。`,
    'title: ""  # 例如：普陀区2025年水环境质量情况',
    `date: '${date}'  # 发布的日期`,
    plan.place ? `place: ${q(plan.place)}  # 报告的是哪里，从大到小用 / 隔开` : 'place: ""  # 报告的是哪里，从大到小用 / 隔开，例如 上海市/普陀区（这份规划没有写明地区，请填写）',
    `plan: ${plan.slug}  # ${plan.title}`,
    'source:',
    '  title: ""  # 数据的出处，例如：普陀区2025年环境状况公报',
    '  url: ""  # 出处的网址（https://…），或本站条文的链接（/plans/<网址名>/#<锚点>）',
    'values: []',
    '# 报告指标的实际值时，把上面的 values: [] 换成下面这样的列表，每项一个指标、一个年份；',
    '# 网站用它对照同一指标、地区、范围和年份的目标，显示“已达到”或“未达到”。',
    '# values:',
    `#   - indicator: ${example?.indicatorId ?? 'water.surface-good'}`,
    `#     year: ${example?.year ?? 2025}`,
    '#     value: 0',
    `#     unit: ${q(example?.unit ?? '%')}`,
    ...(example?.scope ? [`#     scope: ${q(example.scope)}  # 目标只管部分范围时写明，和目标的范围一致`] : []),
    '#     quote: 出处里写明这个数值的原话  # 来源是本站的规划条文时必须写',
    ...(indicators.size ? ['# 这份规划有目标的指标（content/indicators.yaml 里的 id）：', ...indicators.values()] : ['# 这份规划还没有归入指标目录的目标；指标 id 见 content/indicators.yaml。']),
    '---',
    '',
    '<!-- 在这里写正文：这次进展说了什么，数据从哪里来。读者在进展页上看到这段文字。 -->',
    '',
  ].join('\n');
}

/**
 * A reported value ("实际值"), as a progress update carries it (content/updates/*.md, schema
 * src/schemas/update.ts), so that the goals pages can say whether a goal whose year has passed was met: "普陀区 2025年 海绵城市建成区
 * 达标占比 40.8%" against the goal "到2025年底，本区建成区40%以上面积达到海绵城市建设目标要求".
 *
 * Only values a source states may be recorded — a plan's own 现状值/基准值 column, a statistical
 * bulletin, a 环境状况公报 — each with its source and, where the source is a plan on this site, the
 * words as printed (`quote`), which the tests look up in the plan's text.
 *
 * Errors are written for staff, in Chinese, naming the file, the line, the field, the value and the
 * fix. Whether `indicator` is in content/indicators.yaml and `unit` fits it is checked with the
 * catalogue by src/check/updates.ts.
 */
import { z } from 'zod';
import { pick, type Describe } from '../data/yaml.ts';

const phrase = (what: string) => z.string({ error: `请写${what}` }).trim().min(1, `${what}不能是空字符串`);

/** An actual's fields, before the checks across fields. */
export const actualObject = z.strictObject({
  /** The indicator's id in content/indicators.yaml, e.g. "air.pm25", "sponge.area-share". */
  indicator: z.string({ error: '请写指标 id，例如 air.pm25（见 content/indicators.yaml）' })
    .regex(/^[a-z]+(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)+$/, '指标 id 是 content/indicators.yaml 里的“领域.名称”，例如 air.pm25、water.drinking-source'),
  /**
   * The place, as the plans name it, outermost first, joined with "/": "上海市/普陀区",
   * "河南省/许昌市", "XX投资区" — the same path the place pages show (省/市/区县/本级).
   */
  place: phrase('地区').regex(/^[^/\s]+(?:\/[^/\s]+)*$/, '地区从上级写到本级，用“/”隔开，不留空格，例如 上海市/普陀区'),
  /**
   * What part of the place the value covers, when not all of it: "建成区", "区管以上河道断面".
   * Leave out for the whole place. A goal with a scope is only compared with a value of the same scope.
   */
  scope: phrase('范围').nullable().optional(),
  /** The year the value is for (not the year it was published): 2025. */
  year: z.number({ error: '年份写成数字，例如 2025（不要写“2025年”）' }).int('年份是整数，例如 2025').min(1949, '年份太早').max(2100, '年份太晚'),
  /** The value as a number, in `unit`: 40.8 for "40.8%". */
  value: z.number({ error: '数值写成数字，例如 40.8（不要带单位或百分号，单位写在 unit 里）' }),
  /** The unit, written as the indicator catalogue writes it: "%", "μg/m³", "天", "立方米". */
  unit: phrase('单位'),
  /** Where the value is stated. */
  source: z.strictObject({
    /** What the source is, for readers: "普陀区水务“十五五”规划，“十四五”指标完成情况表". */
    title: phrase('来源名称'),
    /**
     * Its address: a plan clause on this site ("/plans/<slug>/#<段落锚点>", copied from the
     * clause's link) or a public web address ("https://…").
     */
    url: z.string({ error: '请写来源地址' }).regex(/^(https?:\/\/\S+|\/plans\/[a-z0-9-]+\/#[A-Za-z0-9_-]+)$/, '来源地址写本站条文链接（/plans/<规划网址名>/#<锚点>）或以 https:// 开头的网址'),
  }, { error: '来源写成 source: { title: …, url: … }' }),
  /**
   * The words of the source that state the value, as printed; for a table row, its cells separated
   * by spaces: "海绵城市建成区达标占比 预期性 40.8% 80%". Required when the source is a plan on this site.
   */
  quote: phrase('原文').optional(),
  /** Anything a reader must know: "括号内数据为2019年平均值（原文注）". */
  note: phrase('说明').optional(),
});

export const actualSchema = actualObject.superRefine((a, ctx) => {
  if (a.source.url.startsWith('/plans/') && !a.quote) {
    ctx.addIssue({ code: 'custom', path: ['quote'], message: '来源是本站的规划条文时，请把写明这个数值的原文抄在 quote 里（表格的一行按格用空格隔开）' });
  }
});

export const actualsFileSchema = z.strictObject({
  /** The values, one item each. */
  actuals: z.array(actualSchema, { error: '请写 actuals: 列表，每项以“- ”开头' }).min(1, '至少写一项；没有数值就删去这个文件'),
});

export type Actual = z.infer<typeof actualSchema>;
export type ActualsFile = z.infer<typeof actualsFileSchema>;

const FIELDS = 'indicator、place、scope、year、value、unit、source（title、url）、quote、note';

function fallback(issue: { code: string; expected?: unknown; keys?: string[] }): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'object' ? '应为一组“字段: 值”' : issue.expected === 'array' ? '应为列表（每项以“- ”开头）' : issue.expected === 'string' ? '应为文字' : issue.expected === 'number' ? '应为数字' : undefined;
    case 'unrecognized_keys':
      return `不认识的字段 ${(issue.keys ?? []).join('、')}：可用的字段有 ${FIELDS}，请检查拼写`;
    default:
      return undefined;
  }
}

/** How a problem of a reported-values list names its field: "第 2 项（water.surface-ratio）的 source.url". */
export const actualsDescribe: Describe = { fallback, field: where };

/** "第 2 项（water.surface-ratio）的 source.url" */
export function where(path: PropertyKey[], data: unknown): string {
  if (path.length === 0) return '整个文件';
  if (path[0] !== 'actuals' || typeof path[1] !== 'number') return `字段 ${path.map(String).join('.')}`;
  const id = pick(data, ['actuals', path[1], 'indicator']);
  const item = `第 ${path[1] + 1} 项${typeof id === 'string' ? `（${id}）` : ''}`;
  const rest = path.slice(2).map(String).join('.');
  return rest ? `${item}的 ${rest}` : item;
}


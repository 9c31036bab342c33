/**
 * zod schema of content/theme-actions.yaml (issue 8): for each theme, what a citizen may notice
 * and can act on, shown in the "发现问题怎么办" box of the theme page.
 *
 * Errors are written for staff, in Chinese, naming the file, the field, the value and the fix.
 * Theme ids are checked against content/themes.yaml by the loader (src/views/theme-actions.ts).
 */
import { z } from 'zod';
import type { Describe } from '../data/yaml.ts';

const text = (what: string) => z.string({ error: `请写${what}（一段文字）` }).trim().min(2, `请写${what}`);

export const themeSituationSchema = z.strictObject({
  /** What the citizen sees, smells or hears, in their words: "工地扬尘、渣土车不遮盖". */
  see: text('市民看到、闻到或听到的情况'),
  /** What to tell the hotline so that it can act: place, time, what it looks like. */
  tell: text('反映时要说清楚的内容'),
  /** Numbers to call, most fitting first: '12369' (environment), '12345' (city services), '110'. Quoted. */
  numbers: z.array(
    z.string({ error: "号码要加引号，例如 '12369'" }).regex(/^\d{3,5}$/, "只写全国统一的短号码，例如 '12369'、'12345'、'110'；当地号码写在 content/channels/ 里"),
    { error: "请写号码列表，例如 numbers: ['12369']" },
  ).min(1, '至少写一个号码'),
});

export const themeActionSchema = z.strictObject({
  /** The box's heading when the default ("发现“蓝天”方面的问题，可以这样做") does not fit the theme. */
  heading: text('方框的标题').optional(),
  /** One sentence that opens the box: why this theme concerns the reader. */
  intro: text('开头的一句话'),
  /** Situations and what to do, most common first. */
  situations: z.array(themeSituationSchema, { error: '请写情况列表，每项以 - 开头' }).min(1, '至少写一种情况'),
  /** Information a citizen may ask for under this theme (依申请公开), e.g. "空气质量监测数据". */
  ask: z.array(text('可以申请公开的信息'), { error: '请写列表，每项以 - 开头' }).default([]),
});

export const themeActionsFileSchema = z.strictObject({
  /** Keyed by theme id (content/themes.yaml). */
  themes: z.record(z.string().regex(/^[a-z]+(?:-[a-z]+)*$/, '主题 id 只用小写字母和连字符，例如 blue-sky'), themeActionSchema),
});

export type ThemeSituation = z.infer<typeof themeSituationSchema>;
export type ThemeAction = z.infer<typeof themeActionSchema>;

function localise(message: string): string {
  if (/expected string/i.test(message)) return '应当是一段文字';
  if (/expected array/i.test(message)) return '应当是一个列表（每项以 - 开头）';
  if (/expected object|expected record/i.test(message)) return '应当是一组“字段: 值”';
  return message;
}

/** How a problem of content/theme-actions.yaml names its field, zod's generic issues in Chinese. */
export const themeActionsDescribe: Describe = {
  field: (path) => (path.length ? `字段 ${path.map(String).join('.')}` : '(整个文件)'),
  fallback: (issue) => (issue.code === 'unrecognized_keys'
    ? `有不认识的字段 ${(issue.keys ?? []).join('、')}：可用的字段有 heading、intro、situations（see、tell、numbers）、ask，请检查拼写`
    : issue.code === 'invalid_type' ? localise(`expected ${String(issue.expected)}`) : undefined),
  atUnknownField: true,
};

/**
 * The theme taxonomy staff edit in content/themes.yaml: the four battles (四大保卫战) and the
 * cross-cutting themes, each with the words that name it in a heading and the vocabulary that
 * tags a block by its text. Validated here; `formatThemesProblems` turns zod issues into Chinese
 * messages that name the file, the field, the value found and the fix.
 */
import { z } from 'zod';
import { formatPath, type Describe } from '../data/yaml.ts';

/** A word as staff write it: no surrounding spaces, no line breaks. */
const word = z
  .string({ error: '应为文字，例如 细颗粒物' })
  .min(1, '不能为空')
  .refine((s) => s.trim() === s && !/[\r\n]/.test(s), '去掉词前后的空格和换行');

/**
 * One vocabulary entry: a bare word (weight 1) or `{ term, weight }`; always read as the latter.
 * A bare number (`- 12369` unquoted in YAML) is read as the word it spells.
 */
export const themeTermSchema = z.preprocess(
  (v) => (typeof v === 'string' || typeof v === 'number' ? { term: String(v) } : v),
  z.strictObject(
    {
      /** The word as printed in plans, e.g. "黑臭水体". */
      term: word,
      /**
       * How much one occurrence counts towards the threshold: 2 = decisive on its own
       * ("细颗粒物"), 1 = needs a second word (the default), 0.5 = only supports others ("居民").
       */
      weight: z.number({ error: '应为数字，例如 2' }).min(0.5, '权重最小为 0.5').max(5, '权重最大为 5').default(1),
    },
    { error: '每个词写成文字（如 - 河道），或写成 { term: 河道, weight: 2 }' },
  ),
);

/** Chinese characters, full-width forms, CJK punctuation and the curly quotes Chinese text uses. */
const CJK = '\\u3000-\\u303f\\u4e00-\\u9fff\\uff00-\\uffef\\u2018-\\u201d';
const FOLD_SPACE = new RegExp(`(?<=[${CJK}])\\s+(?=[${CJK}])`, 'g');
/**
 * A folded YAML block (`description: >-`) joins its lines with a space, as English wants and
 * Chinese does not: "城乡黑臭水体、 生活污水". A space between two Chinese characters or marks is
 * dropped; one next to Latin letters or digits ("PM2.5 和臭氧") stays.
 */
export const unfoldChinese = (text: string): string => text.replace(FOLD_SPACE, '');

export const themeSchema = z.strictObject({
  /** Stable ASCII id, part of the theme page's URL (/themes/blue-sky/): never change it once published. */
  id: z
    .string({ error: '应为文字，例如 blue-sky' })
    .regex(/^[a-z]+(?:-[a-z]+)*$/, '只能用小写英文字母和连字符，例如 clear-water'),
  /** The theme's Chinese name as readers know it: 蓝天, 碧水, 绿色低碳 … */
  name: word,
  /** One plain-language line for citizens: what they will find under this theme. */
  short: word.refine((s) => s.length <= 60, '简介请控制在 60 字以内'),
  /** A longer description for the theme page: what the theme covers and what it does not. */
  description: z.string({ error: '应为文字' }).min(1, '不能为空').transform(unfoldChinese),
  /** true for the four battles (蓝天、碧水、净土、碧海): procedural sections never carry these. */
  battle: z.boolean({ error: '只能写 true 或 false' }),
  /**
   * Words that, found in a heading on a block's path (or in its lead sentence), put the block
   * under this theme: "大气" for blue-sky makes "（二）加强大气污染防治" decide.
   */
  headings: z.array(word, { error: '应为词的列表，例如 [蓝天, 大气]' }).min(1, '至少写一个标题用词'),
  /** The vocabulary counted in a block's text; distinct words are summed by weight. */
  terms: z.array(themeTermSchema, { error: '应为词的列表' }).min(1, '至少写一个词'),
  /** This theme's own threshold, when its vocabulary is more common than the others'. */
  threshold: z.number({ error: '应为数字，例如 3' }).positive('门槛应大于 0').optional(),
  /**
   * Words of the topics that sit next to this theme and are not it (for 碧水: 防洪, 除涝, 泵闸 …).
   * A heading that names one of them names this theme only through a decisive word of its own
   * (weight 2 in `terms`, e.g. 水环境); a text where they outnumber this theme's decisive words is
   * about the neighbour, and gets this theme only when its own words are decisive.
   */
  neighbours: z.array(word, { error: '应为词的列表，例如 [防洪, 除涝]' }).default([]),
});

export const themesFileSchema = z
  .strictObject({
    /** How many points a block needs, and how sections inherit from their blocks. */
    scoring: z.strictObject({
      /** Default points a block needs for a theme (sum of the weights of the distinct words found). */
      threshold: z.number({ error: '应为数字，例如 2' }).positive('门槛应大于 0'),
      /** Every this many characters of a block's text beyond the first, the threshold rises by 1. */
      longText: z.number({ error: '应为字数，例如 600' }).int('应为整数').min(100, '至少 100 字'),
      /** Occurrences of a theme's words (repeats included) a longer block needs: one mention is in passing. */
      minMentions: z.number({ error: '应为次数，例如 2' }).int('应为整数').min(1, '至少为 1'),
      /** Blocks up to this many characters (a sentence or two) need only one mention. */
      shortText: z.number({ error: '应为字数，例如 120' }).int('应为整数').min(0, '不能小于 0'),
      /** A heading or lead sentence longer than this is a sentence, not a heading: it names no theme. */
      headingChars: z.number({ error: '应为字数，例如 30' }).int('应为整数').min(4, '至少 4 字'),
      /** A section carries a theme that more than this share of the blocks under it carry (0–1; 0.5 = a majority). */
      sectionShare: z.number({ error: '应为 0 到 1 之间的小数，例如 0.5' }).min(0, '不能小于 0').lt(1, '应小于 1'),
    }),
    /**
     * Heading words of implementation sections (组织领导, 资金保障, 考核 …): such a section carries no
     * battle, and the blocks below it get a battle only from their own words.
     */
    procedural: z.array(word, { error: '应为词的列表，例如 [组织领导, 资金保障]' }),
    /** Phrases that contain a theme word without meaning it ("上海" contains "海上"): masked first. */
    ignore: z.array(word, { error: '应为词的列表' }).default([]),
    /** The themes, in the order the site lists them. */
    themes: z.array(themeSchema, { error: '应为主题的列表' }).min(1, '至少需要一个主题'),
  })
  .superRefine((file, ctx) => {
    const seen = new Map<string, number>();
    file.themes.forEach((t, i) => {
      const first = seen.get(t.id);
      if (first !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['themes', i, 'id'], message: `与第 ${first + 1} 个主题的 id 重复，请换一个` });
      } else seen.set(t.id, i);
      const terms = new Map<string, number>();
      t.terms.forEach(({ term }, j) => {
        const before = terms.get(term);
        if (before !== undefined) {
          ctx.addIssue({ code: 'custom', path: ['themes', i, 'terms', j], message: `“${term}”在本主题的词表里写了两次（第 ${before + 1} 个），请删去一个` });
        } else terms.set(term, j);
      });
    });
    if (!file.themes.some((t) => t.battle)) {
      ctx.addIssue({ code: 'custom', path: ['themes'], message: '至少要有一个 battle: true 的主题（四大保卫战）' });
    }
  });

export type ThemeTerm = z.infer<typeof themeTermSchema>;
export type ThemeDefinition = z.infer<typeof themeSchema>;
export type ThemesFile = z.infer<typeof themesFileSchema>;

/** Chinese fallbacks for the checks that carry no message of their own. */
function fallback(issue: { code: string; expected?: unknown; keys?: string[] }): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'object' ? '应为一组“字段: 值”' : issue.expected === 'array' ? '应为列表' : `类型不对（应为 ${String(issue.expected)}）`;
    case 'unrecognized_keys':
      return `不认识的字段 ${(issue.keys ?? []).join('、')}：请检查拼写，或删去`;
    default:
      return '格式不对';
  }
}

/** How a problem of content/themes.yaml names its field: "字段 themes[0].terms[3]（主题 blue-sky）". */
export const themesDescribe: Describe = {
  fallback,
  field: (path, data) => `字段 ${formatPath(path, data, 'themes', '主题')}`,
  valueAt: pick,
  atUnknownField: true,
};

/** The value at `path`; a bare word stands for its own `term` (entries written as plain text). */
function pick(data: unknown, path: PropertyKey[]): unknown {
  return path.reduce<unknown>((v, k) => {
    if (v && typeof v === 'object') return (v as Record<PropertyKey, unknown>)[k];
    return k === 'term' && (typeof v === 'string' || typeof v === 'number') ? v : undefined;
  }, data);
}

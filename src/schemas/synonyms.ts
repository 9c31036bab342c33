/**
 * The search's synonym list, content/synonyms.yaml, which staff edit: groups of words that mean
 * the same (细颗粒物 ↔ PM2.5). Used only when the reader asks for synonyms (src/search/query.ts).
 *
 * Errors are written for staff, in Chinese, naming the file, the entry, the value and the fix.
 */
import { readYaml, validate, type Describe } from '../data/yaml.ts';
import { z } from 'zod';
import { fold } from '../search/fold.ts';
import { runsOf } from '../search/tokens.ts';

/** A word the search can find: at least two letters or digits (the index works on pairs). */
const word = z.coerce.string().trim().refine((w) => runsOf(fold(w)).some((r) => r.length >= 2), {
  message: '太短：每一项至少要有两个汉字、字母或数字，一个字的词会匹配到大量无关条款',
});

export const synonymsFileSchema = z.strictObject({
  /**
   * Groups of words that mean the same. When the reader's word equals one of a group's words
   * (full-width and case ignored), a clause containing any word of the group matches.
   */
  groups: z.array(z.array(word).min(2, '每组至少两项：只有一项的组没有意义，删去或补上同义的写法')),
});

export type SynonymsFile = z.infer<typeof synonymsFileSchema>;

/** How a problem of content/synonyms.yaml names its entry: "groups 第 2 组第 1 项". */
export const synonymsDescribe: Describe = {
  field: (path) => {
    const [, group, item] = path;
    return typeof group === 'number' ? `groups 第 ${group + 1} 组${typeof item === 'number' ? `第 ${item + 1} 项` : ''}` : path.length ? `字段 ${path.join('.')}` : '文件';
  },
  fallback: (issue) => (issue.code === 'unrecognized_keys' ? `不认识的字段 ${(issue.keys ?? []).join('、')}：这个文件只有 groups 一个字段，请删去或改名`
    : issue.code === 'invalid_type' ? '应以“groups:”开头，下面每行一组同义词，例如“  - [细颗粒物, PM2.5]”' : undefined),
  atUnknownField: true,
};

/** Parses and checks the file's text; throws a DataFileError with one problem per bad entry. */
export function parseSynonyms(text: string, file = 'content/synonyms.yaml'): string[][] {
  return validate(synonymsFileSchema, readYaml(text, file, 'synonyms', '请检查缩进和方括号。'), 'synonyms', synonymsDescribe).groups;
}

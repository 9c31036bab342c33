/**
 * The search's synonym list, content/synonyms.yaml, which staff edit: groups of words that mean
 * the same (细颗粒物 ↔ PM2.5). Used only when the reader asks for synonyms (src/search/query.ts).
 *
 * Errors are written for staff, in Chinese, naming the file, the entry, the value and the fix.
 */
import { parse } from 'yaml';
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

export class SynonymsFileError extends Error {}

/** Parses and checks the file's text; throws SynonymsFileError with one line per problem. */
export function parseSynonyms(text: string, file = 'content/synonyms.yaml'): string[][] {
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    throw new SynonymsFileError(`${file}：不是有效的 YAML（${(error as Error).message}）。请检查缩进和方括号。`);
  }
  const result = synonymsFileSchema.safeParse(data);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const [, group, item] = issue.path;
      const where = typeof group === 'number'
        ? `groups 第 ${group + 1} 组${typeof item === 'number' ? `第 ${item + 1} 项` : ''}`
        : issue.path.length ? `字段 ${issue.path.join('.')}` : '文件';
      if (issue.code === 'unrecognized_keys') {
        return `${file}：不认识的字段 ${issue.keys.join('、')}：这个文件只有 groups 一个字段，请删去或改名`;
      }
      if (issue.path.length === 0 || (issue.path.length === 1 && issue.code === 'invalid_type')) {
        return `${file}：应以“groups:”开头，下面每行一组同义词，例如“  - [细颗粒物, PM2.5]”`;
      }
      const value = valueAt(data, issue.path);
      return `${file}：${where}${value === undefined ? '' : `（现值：${JSON.stringify(value)}）`}：${issue.message}`;
    });
    throw new SynonymsFileError(lines.join('\n'));
  }
  return result.data.groups;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v = data;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

/**
 * Checking a plan's metadata file (seeds/<name>.yaml) as staff wrote it: YAML syntax, every field's
 * type and form, real calendar dates not in the future, slugs well formed, and a field the schema
 * does not know named with the field most likely meant ("isued" → issued). Each problem names its
 * line. The same file is read by the pipeline (meta/sidecar.ts) when a plan is built.
 */
import { closest, distance } from 'fastest-levenshtein';
import { DataFileError, problem, type Problem } from '../data/problem.ts';
import { readYaml, schemaProblems, type Describe } from '../data/yaml.ts';
import { SIDECAR_FIELDS, sidecarSchema, UNCONFIRMED, type Sidecar } from '../schemas/sidecar.ts';

const JURISDICTION_FIELDS = ['name', 'province', 'city', 'county', 'level'];

/** "isued" → "是不是想写 issued？"; nothing when no field is close. */
function suggestion(key: string, fields: readonly string[]): string {
  const near = closest(key, [...fields]);
  return distance(key, near) <= Math.max(2, Math.floor(near.length / 3)) ? `是不是想写 ${near}？` : '';
}

const describe: Describe = {
  field: (path) => (path.length ? `字段 ${path.map(String).join('.')}` : '(整个文件)'),
  fallback: (issue) => {
    if (issue.code === 'unrecognized_keys') return undefined; // worded below, with the field meant
    if (issue.code === 'invalid_type') return issue.expected === 'object' ? '应为一组“字段: 值”' : issue.expected === 'array' ? '应为列表' : issue.expected === 'string' ? '应为文字' : issue.expected === 'number' ? '应为数字' : '类型不对';
    return undefined;
  },
  atUnknownField: true,
};

/** Problems of one metadata file's text, and the metadata when it is valid. */
export function checkSidecar(text: string, file: string): { sidecar: Sidecar | null; problems: Problem[] } {
  let y;
  try {
    y = readYaml(text, file, 'sidecar');
  } catch (error) {
    if (error instanceof DataFileError) return { sidecar: null, problems: error.problems };
    throw error;
  }
  if (y.data === null || typeof y.data !== 'object' || Array.isArray(y.data)) {
    return { sidecar: null, problems: [problem(file, 'sidecar', '元数据文件应为一组“字段: 值”，例如 slug: xuchang-2018-yijian（见 content/README.md）。', { line: 1 })] };
  }
  const { value, problems } = schemaProblems(sidecarSchema, y, 'sidecar', describe);
  const worded = problems.map((p) => {
    // zod names an unknown field without its fix: name the field meant.
    const unknown = /字段 (?:jurisdiction\.)?([^\s：]+)：.*(?:Unrecognized key|unrecognized)/i.exec(p.message);
    if (!unknown) return p;
    const key = unknown[1]!;
    const within = p.message.includes('jurisdiction.') ? JURISDICTION_FIELDS : SIDECAR_FIELDS;
    return { ...p, message: `不认识的字段“${key}”：${suggestion(key, within) || `可用的字段有 ${within.join('、')}。`}请改正拼写或删去这一行。` };
  });
  return { sidecar: value, problems: [...worded, ...unconfirmed(text, file), ...(value && !value.provenance ? [noProvenance(file)] : [])] };
}

/** Lines `npm run new -- plan` wrote from what the pipeline read, not yet confirmed by a person. */
function unconfirmed(text: string, file: string): Problem[] {
  return text.split('\n').flatMap((l, i) => {
    const at = l.indexOf(UNCONFIRMED);
    if (at < 0 || l.trimStart().startsWith('#')) return [];
    const key = l.slice(0, at).split(':')[0]!.trim();
    return [problem(file, 'sidecar-unconfirmed', `${key} 的值是程序从文本中读出的，还没有人核对：和原件对过后删去行尾的“${UNCONFIRMED}……”（值不对就先改正）。`, { line: i + 1, severity: 'warning' })];
  });
}

const noProvenance = (file: string): Problem =>
  problem(file, 'sidecar-provenance', '没有来源说明：请加一行 provenance: ……，写明这份文本从哪个网站或文件得来、是否完整。读者在规划页的“来源和整理说明”页上看到它。', { line: 1, severity: 'warning' });

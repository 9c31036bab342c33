/**
 * Shared by the validators of the data files staff edit (themes, indicators, actuals, channels):
 * how a problem names the field and its current value in its Chinese message.
 */
import type { z } from 'zod';

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: string[] };

interface CheckOptions {
  /** Chinese wording for zod's generic issues (wrong type, unknown field); undefined keeps zod's. */
  fallback: (issue: { code: string; expected?: unknown; keys?: string[] }) => string | undefined;
  /** How the problem names its place: "字段 themes[0].terms[3]（主题 blue-sky）", "第 2 项的 value". */
  field: (path: PropertyKey[], data: unknown) => string;
  /** The value at a path, where the file has shorthand (default: pick). */
  valueAt?: (data: unknown, path: PropertyKey[]) => unknown;
  /** Report an unknown field at the field itself, with its own value (else at the object holding it). */
  atUnknownField?: boolean;
}

/**
 * Validate parsed YAML against a schema: the data, or one line per problem,
 * "<file>：<field>：<what is wrong, how to fix>（现值：<value>）".
 */
export function checkYaml<T>(schema: z.ZodType<T>, data: unknown, file: string, options: CheckOptions): Checked<T> {
  const result = schema.safeParse(data, { error: (issue) => options.fallback(issue as never) });
  if (result.success) return { ok: true, value: result.data };
  const valueAt = options.valueAt ?? pick;
  return {
    ok: false,
    problems: result.error.issues.map((issue) => {
      const path = options.atUnknownField && issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path;
      const value = valueAt(data, path);
      return `${file}：${options.field(path, data)}：${issue.message}（现值：${value === undefined ? '缺少' : JSON.stringify(value)}）`;
    }),
  };
}

/** The value at a zod issue path in the parsed YAML, or undefined where the path leads nowhere. */
export function pick(data: unknown, path: PropertyKey[]): unknown {
  return path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined), data);
}

/**
 * A field as staff read it: "themes[0].terms[3]（主题 blue-sky）" — the item of the file's list
 * (`list`) named by its id so it can be found without counting; "(整个文件)" for the root.
 */
export function formatPath(path: PropertyKey[], data: unknown, list: string, label: string): string {
  if (path.length === 0) return '(整个文件)';
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : `${out ? '.' : ''}${String(key)}`;
  if (path[0] === list && typeof path[1] === 'number') {
    const id = pick(data, [list, path[1], 'id']);
    if (typeof id === 'string') out += `（${label} ${id}）`;
  }
  return out;
}

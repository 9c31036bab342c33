/**
 * YAML as staff write it (the `yaml` package: YAML 1.2, dates stay strings), read so that every
 * value knows its line: a problem found by a schema names the line of the bad value, not just the
 * field. Validation turns each zod issue into a Problem with the file, the line, the field, the
 * value found and the fix.
 */
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { DataFileError, problem, type Problem } from './problem.ts';

export interface YamlFile {
  file: string;
  text: string;
  data: unknown;
  /** The 1-based line of the value at a path (the nearest line the path reaches), or null. */
  lineOf(path: readonly PropertyKey[]): number | null;
}

/**
 * The YAML parser's errors people make most, in Chinese with their fix (`yaml` names them by code:
 * https://eemeli.org/yaml/#errors); any other keeps the parser's words after the usual hint.
 */
const YAML_ERRORS: Partial<Record<string, (at: string) => string>> = {
  DUPLICATE_KEY: (at) => `字段“${at.replace(/^-\s*/, '').replace(/:.*$/, '')}”写了两次：同一个字段只能写一次，删去其中一行。`,
  TAB_AS_INDENT: () => '这一行用 Tab 缩进：YAML 只能用空格缩进，请把 Tab 换成两个空格。',
  BAD_INDENT: () => '缩进不对，或方括号、花括号没有成对：同一层的字段要对齐，下一层多缩进两个空格；[ 要有 ]，{ 要有 }。',
  MULTILINE_IMPLICIT_KEY: () => '冒号前的字段名不能跨行：检查上一行的引号是否成对、冒号后是否有空格。',
  BAD_DQ_ESCAPE: () => '双引号里的反斜杠写法不对：改用单引号，或删去反斜杠。',
  MISSING_CHAR: () => '少了一个符号：检查引号、括号是否成对。',
};

/** Parse a YAML text; a syntax error is a DataFileError naming its line and the usual fix. */
export function readYaml(text: string, file: string, code: string, hint = '请检查缩进和冒号后的空格，列表项以“- ”开头，含 % 的值要加引号。'): YamlFile {
  const counter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    const line = e.pos ? counter.linePos(e.pos[0]).line : null;
    // The line the error is on, for the field it names ("issued: 2021-01-01" → issued).
    const at = line ? (text.split(/\r?\n/)[line - 1] ?? '').trim() : '';
    const said = YAML_ERRORS[e.code]?.(at);
    throw new DataFileError([problem(file, code, said ? `YAML 格式错误：${said}` : `YAML 格式错误（${e.message.split('\n')[0]}）。${hint}`, { line })]);
  }
  const lineOf = (path: readonly PropertyKey[]): number | null => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n) as unknown[], true);
      if (isNode(node) && node.range) return counter.linePos(node.range[0]).line;
      // A key whose value is null has no node of its own: find the pair in its parent map.
      const parent = doc.getIn(path.slice(0, Math.max(0, n - 1)) as unknown[], true) as { items?: { key?: { value?: unknown; range?: [number, number, number] } }[] } | undefined;
      const pair = parent?.items?.find((it) => it.key?.value === path[n - 1]);
      if (pair?.key?.range) return counter.linePos(pair.key.range[0]).line;
    }
    return null;
  };
  return { file, text, data: doc.toJS({ maxAliasCount: 100 }) ?? null, lineOf };
}

export interface Describe {
  /** How a problem names its field: "字段 themes[0].terms[3]（主题 blue-sky）". */
  field: (path: PropertyKey[], data: unknown) => string;
  /** Chinese wording for zod's generic issues (wrong type, unknown field); undefined keeps the issue's own. */
  fallback?: (issue: { code: string; expected?: unknown; keys?: string[] }) => string | undefined;
  /** The value at a path, where the file has shorthand (default: the value at the path). */
  valueAt?: (data: unknown, path: PropertyKey[]) => unknown;
  /** Report an unknown field at the field itself, with its own value (else at the object holding it). */
  atUnknownField?: boolean;
}

/** The value at a zod issue path in the parsed YAML, or undefined where the path leads nowhere. */
export function pick(data: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined), data);
}

/** Problems of a parsed file against a schema ([] when it is valid), each with its line. */
export function schemaProblems<T>(schema: z.ZodType<T>, y: YamlFile, code: string, d: Describe): { value: T | null; problems: Problem[] } {
  const result = schema.safeParse(y.data, { error: d.fallback ? (issue) => d.fallback!(issue as never) : undefined });
  if (result.success) return { value: result.data, problems: [] };
  const valueAt = d.valueAt ?? pick;
  return {
    value: null,
    problems: result.error.issues.map((issue) => {
      const path = d.atUnknownField && issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path;
      const value = valueAt(y.data, path);
      return problem(y.file, code, `${d.field(path, y.data)}：${issue.message}（现值：${value === undefined ? '缺少' : JSON.stringify(value)}）`, { line: y.lineOf(path) });
    }),
  };
}

/** The valid value, or a DataFileError with every problem. */
export function validate<T>(schema: z.ZodType<T>, y: YamlFile, code: string, d: Describe): T {
  const { value, problems } = schemaProblems(schema, y, code, d);
  if (problems.length) throw new DataFileError(problems);
  return value as T;
}

/**
 * A field as staff read it: "themes[0].terms[3]（主题 blue-sky）" — the item of the file's list
 * (`list`) named by its id so it can be found without counting; "(整个文件)" for the root.
 */
export function formatPath(path: readonly PropertyKey[], data: unknown, list: string, label: string): string {
  if (path.length === 0) return '(整个文件)';
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : `${out ? '.' : ''}${String(key)}`;
  if (path[0] === list && typeof path[1] === 'number') {
    const id = pick(data, [list, path[1], 'id']);
    if (typeof id === 'string') out += `（${label} ${id}）`;
  }
  return out;
}

/**
 * The front matter of a Markdown or MDX file ("---\n<yaml>\n---\n<body>"), the line its first key
 * is on, and the body after it; null when the file does not start with one.
 */
export function frontMatter(text: string): { yaml: string; firstLine: number; body: string } | null {
  const m = /^\ufeff?---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  return m ? { yaml: m[1]!, firstLine: 2, body: m[2]! } : null;
}

/**
 * A problem in a file staff edit (a plan's metadata file, a data file under content/, an update),
 * as `npm run check` prints it and the build stops on it: the file, the line, how bad, a rule id and
 * a message in Chinese that shows the bad value and says what to do.
 *
 *     content/indicators.yaml:12 错误 [indicators] 字段 indicators[0].theme（指标 air.pm25）：应为主题 id 之一 …（现值："sky"）
 */
export type Severity = 'error' | 'warning';

export interface Problem {
  /** The file as staff know it: "seeds/xuchang.yaml", "content/themes.yaml". */
  file: string;
  /** 1-based line of the bad value, when the file's text places it. */
  line: number | null;
  severity: Severity;
  /** Rule id, stable across releases: "sidecar-field", "indicators", "update-value" … */
  code: string;
  /** What is wrong, the value found and the fix, in Chinese. */
  message: string;
}

export function problem(file: string, code: string, message: string, at: { line?: number | null; severity?: Severity } = {}): Problem {
  return { file, line: at.line ?? null, severity: at.severity ?? 'error', code, message };
}

/** "<file>:<line> 错误|警告 [<code>] <message>", one line, as shared/CONTRACT.md fixes it. */
export function formatProblem(p: Problem): string {
  return `${p.file}${p.line ? `:${p.line}` : ''} ${p.severity === 'error' ? '错误' : '警告'} [${p.code}] ${p.message.replace(/\n+/g, ' ')}`;
}

/** The one error type of every data file that cannot be used: it carries each problem with its file and line. */
export class DataFileError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(`数据文件有误，请改正后重试：\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'DataFileError';
    this.problems = problems;
  }
}

/**
 * content/theme-actions.yaml, read once and checked against content/themes.yaml: what a reader of
 * a theme page can notice and act on (issue 8). A file that does not validate stops the build with
 * Chinese lines naming the file, the field, the value and the fix: a broken file must not publish
 * theme pages whose advice is silently missing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { checkThemeActionsFile, type ThemeAction } from '../schemas/theme-actions.ts';

export const themeActionsFileUrl = new URL('../../content/theme-actions.yaml', import.meta.url);

/** The file beside this module's project; a bundled copy of this module (astro build) looks in the working directory. */
function themeActionsPath(): string {
  const beside = fileURLToPath(themeActionsFileUrl);
  return existsSync(beside) ? beside : join(process.cwd(), 'content', 'theme-actions.yaml');
}

export class ThemeActionsFileError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`主题行动建议有误，请改正后重试：\n${problems.join('\n')}`);
    this.name = 'ThemeActionsFileError';
    this.problems = problems;
  }
}

/** Parse and validate a file's text; `themeIds` are the ids content/themes.yaml defines. */
export function parseThemeActions(text: string, file: string, themeIds: readonly string[]): Map<string, ThemeAction> {
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    throw new ThemeActionsFileError([`${file}：YAML 格式错误（${(error as Error).message.split('\n')[0]}）。请检查缩进和冒号，列表项以“- ”开头，号码加引号。`]);
  }
  const checked = checkThemeActionsFile(data, file);
  if (!checked.ok) throw new ThemeActionsFileError(checked.problems);
  const problems = Object.keys(checked.value.themes)
    .filter((id) => !themeIds.includes(id))
    .map((id) => `${file}：themes 下的“${id}”不是 content/themes.yaml 里的主题：请改成 ${themeIds.join('、')} 之一，或删掉这一段。`);
  if (problems.length) throw new ThemeActionsFileError(problems);
  return new Map(Object.entries(checked.value.themes));
}

let cached: Map<string, ThemeAction> | null = null;

/** The project's file, read once per process. */
export function loadThemeActions(themeIds: readonly string[]): Map<string, ThemeAction> {
  if (!cached) {
    const path = themeActionsPath();
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      throw new ThemeActionsFileError([`${path}：找不到主题行动建议文件。它应在项目的 content/theme-actions.yaml。`]);
    }
    cached = parseThemeActions(text, 'content/theme-actions.yaml', themeIds);
  }
  return cached;
}

/**
 * content/theme-actions.yaml, read once and checked against content/themes.yaml: what a reader of
 * a theme page can notice and act on (issue 8). A file that does not validate stops the build with
 * Chinese lines naming the file, the field, the value and the fix: a broken file must not publish
 * theme pages whose advice is silently missing. The lines are a DataFileError's problems.
 */
import { load } from '../data/load.ts';
import { DataFileError, problem } from '../data/problem.ts';
import { readYaml, validate } from '../data/yaml.ts';
import { themeActionsDescribe, themeActionsFileSchema, type ThemeAction } from '../schemas/theme-actions.ts';

/** Parse and validate a file's text; `themeIds` are the ids content/themes.yaml defines. */
export function parseThemeActions(text: string, file: string, themeIds: readonly string[]): Map<string, ThemeAction> {
  const y = readYaml(text, file, 'theme-actions', '请检查缩进和冒号，列表项以“- ”开头，号码加引号。');
  const data = validate(themeActionsFileSchema, y, 'theme-actions', themeActionsDescribe);
  const problems = Object.keys(data.themes)
    .filter((id) => !themeIds.includes(id))
    .map((id) => problem(file, 'theme-actions', `themes 下的“${id}”不是 content/themes.yaml 里的主题：请改成 ${themeIds.join('、')} 之一，或删掉这一段。`, { line: y.lineOf(['themes', id]) }));
  if (problems.length) throw new DataFileError(problems);
  return new Map(Object.entries(data.themes));
}

/** The project's file, read once per process. */
export function loadThemeActions(themeIds: readonly string[]): Map<string, ThemeAction> {
  return load('theme-actions.yaml', '主题行动建议文件', (text, file) => parseThemeActions(text, file, themeIds));
}

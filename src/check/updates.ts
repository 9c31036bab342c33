/**
 * Checking the progress updates in content/updates/*.md: the front matter (src/schemas/update.ts)
 * with each problem's line in the file, and the ids it shares with the rest of the site: the plan
 * it names exists, every reported value's indicator is in content/indicators.yaml and its unit is
 * one the catalogue allows, no two values give one indicator, place, scope and year.
 */
import { DataFileError, problem, type Problem } from '../data/problem.ts';
import { frontMatter, readYaml, schemaProblems, type Describe } from '../data/yaml.ts';
import { scopeKey } from '../pipeline/lexicon.ts';
import type { IndicatorCatalogue } from '../pipeline/enrich/goals-indicators.ts';
import { updateSchema, type Update } from '../schemas/update.ts';

const describe: Describe = {
  field: (path) => (path.length ? `字段 ${path.map(String).join('.')}` : '(front matter)'),
  fallback: (issue) => (issue.code === 'unrecognized_keys'
    ? `不认识的字段 ${(issue.keys ?? []).join('、')}：可用的字段有 title、date、place、plan、source、values，请检查拼写`
    : issue.code === 'invalid_type' ? (issue.expected === 'number' ? '应为数字' : issue.expected === 'string' ? '应为文字' : issue.expected === 'array' ? '应为列表' : '格式不对') : undefined),
  atUnknownField: true,
};

export interface CheckedUpdate { file: string; update: Update | null; body: string; problems: Problem[] }

export function checkUpdate(text: string, file: string, ctx: { planSlugs: ReadonlySet<string>; catalogue: IndicatorCatalogue | null }): CheckedUpdate {
  const fm = frontMatter(text);
  if (!fm) return { file, update: null, body: text, problems: [problem(file, 'update', '文件应以 --- 开头的 front matter 开始（title、date、place、source……），用 npm run new -- update <规划网址名> 生成一份再填写。', { line: 1 })] };
  let y;
  try {
    y = readYaml(fm.yaml, file, 'update');
  } catch (error) {
    if (error instanceof DataFileError) return { file, update: null, body: fm.body, problems: error.problems.map((p) => ({ ...p, line: p.line ? p.line + 1 : 1 })) };
    throw error;
  }
  // An update is for readers: its body says what it reports (a file fresh from `npm run new` has only a comment).
  const emptyBody = () => (fm.body.replace(/<!--[\s\S]*?-->/g, '').trim() ? [] : [
    problem(file, 'update-body', '正文是空的：在第二个 --- 下面用几句话写明这次进展说了什么、数据从哪里来（读者在进展页上看到这段文字）。', { line: text.replace(/\r?\n$/, '').split('\n').length }),
  ]);
  const lineOf = (path: readonly PropertyKey[]) => { const l = y.lineOf(path); return l ? l + 1 : null; };
  const { value, problems } = schemaProblems(updateSchema, { ...y, lineOf }, 'update', describe);
  if (!value) return { file, update: null, body: fm.body, problems: [...problems, ...emptyBody()] };
  if (value.plan && !ctx.planSlugs.has(value.plan)) {
    problems.push(problem(file, 'update', `字段 plan：没有网址名为“${value.plan}”的规划（现值：${JSON.stringify(value.plan)}）。请写 seeds/ 里那份规划元数据文件的 slug，或删去这一行。`, { line: lineOf(['plan']) }));
  }
  if (ctx.catalogue) {
    const seen = new Map<string, number>();
    value.values.forEach((v, i) => {
      const at = (field: string) => ({ line: lineOf(['values', i, field]) });
      const entry = ctx.catalogue!.byId.get(v.indicator);
      if (!entry) {
        problems.push(problem(file, 'update-value', `values 第 ${i + 1} 项的 indicator：指标目录里没有这个 id（现值：${JSON.stringify(v.indicator)}）。请改成 content/indicators.yaml 里的 id，或先在目录里添加这个指标。`, at('indicator')));
        return;
      }
      const units = entry.units.length ? entry.units : [entry.unit];
      if (!units.includes(v.unit)) {
        problems.push(problem(file, 'update-value', `values 第 ${i + 1} 项的 unit：指标 ${entry.id}（${entry.name}）的单位应为 ${units.map((u) => JSON.stringify(u)).join(' 或 ')}（现值：${JSON.stringify(v.unit)}）。请换算后填写，或改正单位的写法。`, at('unit')));
      }
      if ((v.source ?? value.source).url.startsWith('/plans/') && !v.quote) {
        problems.push(problem(file, 'update-value', `values 第 ${i + 1} 项：来源是本站的规划条文时，请把写明这个数值的原文抄在 quote 里（表格的一行按格用空格隔开）。`, { line: lineOf(['values', i]) }));
      }
      const key = [v.indicator, v.place ?? value.place, scopeKey(v.scope), v.year].join('|');
      const before = seen.get(key);
      if (before !== undefined) problems.push(problem(file, 'update-value', `values 第 ${i + 1} 项与第 ${before + 1} 项是同一指标、地区、范围和年份（现值：${v.year}）。同一年只能报一个数值：删去一项，或用 scope 写明范围不同。`, at('year')));
      seen.set(key, i);
    });
  }
  return { file, update: value, body: fm.body, problems: [...problems, ...emptyBody()] };
}

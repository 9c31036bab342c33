/**
 * Loading the reported values of content/actuals/*.yaml (schema: src/schemas/actuals.ts), checked
 * against the indicator catalogue: the indicator must exist and the unit must be one the catalogue
 * allows for it ("%" for 海绵城市达标面积比例, "立方米" for 万元GDP用水量). Two values for the same
 * indicator, place, scope and year are a mistake: the goals pages could not say which one counts.
 *
 * `parseActuals` takes the files' texts (the site reads them with import.meta.glob, tests and
 * scripts with `readActualsDir`), so it works the same in Astro, Vitest and plain Node.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataFileError, problem, type Problem } from '../data/problem.ts';
import { readYaml, schemaProblems } from '../data/yaml.ts';
import { actualsDescribe, actualsFileSchema, where } from '../schemas/actuals.ts';
import type { IndicatorEntry } from '../schemas/indicators.ts';
import { scopeKey, type ActualRecord } from './goals.ts';

/** `files`: shown name (content/actuals/x.yaml) → YAML text. Returns the values and every problem found. */
export function parseActuals(files: Record<string, string>, catalogue: readonly IndicatorEntry[]): { actuals: ActualRecord[]; problems: Problem[] } {
  const byId = new Map(catalogue.map((e) => [e.id, e]));
  const actuals: ActualRecord[] = [];
  const problems: Problem[] = [];
  const seen = new Map<string, string>();
  for (const [file, text] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
    let y;
    try {
      y = readYaml(text, file, 'actuals');
    } catch (error) {
      if (!(error instanceof DataFileError)) throw error;
      problems.push(...error.problems);
      continue;
    }
    const checked = schemaProblems(actualsFileSchema, y, 'actuals', actualsDescribe);
    if (!checked.value) {
      problems.push(...checked.problems);
      continue;
    }
    const data = y.data;
    const lineOf = y.lineOf;
    checked.value.actuals.forEach((a, i) => {
      const push = (field: string, message: string) => problems.push(problem(file, 'actuals', `${where(['actuals', i, field], data)}：${message}`, { line: lineOf(['actuals', i, field]) }));
      const entry = byId.get(a.indicator);
      if (!entry) {
        push('indicator', `指标目录里没有这个 id（现值：${JSON.stringify(a.indicator)}）。请改成 content/indicators.yaml 里的 id，或先在目录里添加这个指标。`);
        return;
      }
      const units = entry.units.length ? entry.units : [entry.unit];
      if (!units.includes(a.unit)) {
        push('unit', `指标 ${entry.id}（${entry.name}）的单位应为 ${units.map((u) => JSON.stringify(u)).join(' 或 ')}（现值：${JSON.stringify(a.unit)}）。请换算后填写，或改正单位的写法。`);
        return;
      }
      const key = [a.indicator, a.place, scopeKey(a.scope), a.year].join('|');
      const before = seen.get(key);
      if (before) {
        push('year', `与 ${before} 是同一指标、地区、范围和年份的数值（现值：${a.year}）。同一年只能记一个数值：删去一项，或用 scope 写明两者的范围不同。`);
        return;
      }
      seen.set(key, `${file} 第 ${i + 1} 项`);
      actuals.push({ ...a, file });
    });
  }
  return { actuals, problems };
}

/** The directory's *.yaml files as `parseActuals` takes them, named `<shownAs>/<file>`. */
export function readActualsDir(dir: string, shownAs = 'content/actuals'): Record<string, string> {
  if (!existsSync(dir)) return {};
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort()) out[`${shownAs}/${name}`] = readFileSync(join(dir, name), 'utf8');
  return out;
}

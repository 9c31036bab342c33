/**
 * The shared indicator catalogue (content/indicators.yaml) and matching a goal's indicator text to
 * it, so that the same indicator in two plans gets the same id:
 *
 *     "细颗粒物(PM2.5)浓度" (a 实施方案)  and  "PM2.5年均浓度" (an 意见)   → air.pm25
 *     "辖区空气质量优良天数比率" → air.good-days;  "全年优良天数" in 天 → air.good-days-count
 *
 * Names are compared without spaces and brackets, full-width forms as half-width, Latin letters in
 * any case. The first entry that matches wins, so the file lists specific entries first.
 * A catalogue that does not validate stops with a DataFileError naming the file, line, field, value
 * and fix: a broken catalogue must not publish pages whose comparisons are silently empty.
 */
import { load } from '../../data/load.ts';
import { readYaml, validate } from '../../data/yaml.ts';
import { indicatorsDescribe, indicatorsFileSchema, type IndicatorEntry } from '../../schemas/indicators.ts';
import { escapeRegExp } from '../text/escape-regexp.ts';
import { halfWidth } from '../text/cjk.ts';

interface CompiledIndicator {
  entry: IndicatorEntry;
  tests: RegExp[];
  exclude: RegExp[];
  units: Set<string>;
}

export interface IndicatorCatalogue {
  entries: IndicatorEntry[];
  byId: Map<string, IndicatorEntry>;
  /** The id of the first entry matching the name (and unit), or null. */
  match(indicator: string, unit: string, change: 'increase' | 'decrease' | null): IndicatorEntry | null;
}

/** How names are compared: no spaces or brackets, full-width ASCII as half-width. */
export function normaliseName(text: string): string {
  return halfWidth(text).replace(/[\s()[\]【】“”"‘’'《》]/g, '');
}

export function compileCatalogue(entries: IndicatorEntry[]): IndicatorCatalogue {
  const compiled: CompiledIndicator[] = entries.map((entry) => ({
    entry,
    tests: [...entry.synonyms.map((s) => new RegExp(escapeRegExp(normaliseName(s)), 'iu')), ...entry.patterns.map((p) => new RegExp(p, 'iu'))],
    exclude: entry.exclude.map((s) => new RegExp(escapeRegExp(normaliseName(s)), 'iu')),
    units: new Set(entry.units.length ? entry.units : [entry.unit]),
  }));
  return {
    entries,
    byId: new Map(entries.map((e) => [e.id, e])),
    match(indicator, unit, change) {
      const name = normaliseName(indicator);
      for (const c of compiled) {
        if (!c.tests.some((t) => t.test(name)) || c.exclude.some((t) => t.test(name))) continue;
        // A change in percentage points is a change of a share ("森林覆盖率提高5个百分点").
        if (c.units.size && !c.units.has(unit) && !(change && unit === '%') && !(unit === '个百分点' && c.units.has('%'))) continue;
        return c.entry;
      }
      return null;
    },
  };
}

/** Parse and validate the text of a catalogue; `name` is how problems refer to the file (a DataFileError lists them with their lines). */
export function parseIndicators(text: string, name: string): IndicatorCatalogue {
  const y = readYaml(text, name, 'indicators', '请检查缩进和冒号，列表项以“- ”开头，含 % 的单位要加引号（\'%\'）。');
  return compileCatalogue(validate(indicatorsFileSchema, y, 'indicators', indicatorsDescribe).indicators);
}

/** The project's catalogue (content/indicators.yaml), read once per process. */
export function loadIndicators(): IndicatorCatalogue {
  return load('indicators.yaml', '指标目录', parseIndicators);
}

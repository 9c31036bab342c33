/**
 * Checking the data files under content/ that staff edit, each with its own reader (the same one
 * the site and the pipeline load it with), and the ids they share: every theme an indicator or a
 * theme action names exists in themes.yaml, every plan a channel registry entry quotes exists in
 * seeds/, every registry entry carries its verification date (the schema requires it).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataFileError, problem, type Problem } from '../data/problem.ts';
import { parseVocabulary } from '../pipeline/enrich/channels-vocabulary.ts';
import { loadChannelRegistry } from '../pipeline/enrich/channels-registry.ts';
import { parseIndicators, type IndicatorCatalogue } from '../pipeline/enrich/goals-indicators.ts';
import { parseThemes, type Taxonomy } from '../pipeline/enrich/themes-taxonomy.ts';
import { parseSynonyms } from '../schemas/synonyms.ts';
import { parsePlaces } from '../views/places.ts';
import { parseThemeActions } from '../views/theme-actions.ts';

/** Runs a reader; a DataFileError becomes its problems. */
function read<T>(run: () => T, out: Problem[]): T | null {
  try {
    return run();
  } catch (error) {
    if (error instanceof DataFileError) {
      out.push(...error.problems);
      return null;
    }
    throw error;
  }
}

export interface DataCheck {
  problems: Problem[];
  taxonomy: Taxonomy | null;
  catalogue: IndicatorCatalogue | null;
}

/** Every data file under `content` (the project's content/ folder), `planSlugs` the slugs of seeds/. */
export function checkDataFiles(content: string, planSlugs: ReadonlySet<string>): DataCheck {
  const problems: Problem[] = [];
  const text = (name: string) => (existsSync(join(content, name)) ? readFileSync(join(content, name), 'utf8') : null);
  const missing = (name: string, what: string) => problems.push(problem(`content/${name}`, 'missing-file', `找不到${what}。它应在 content/${name}。`));
  const fileOf = (name: string) => `content/${name}`;

  const themesText = text('themes.yaml');
  const taxonomy = themesText === null ? (missing('themes.yaml', '主题词表'), null) : read(() => parseThemes(themesText, fileOf('themes.yaml')), problems);
  const themeIds = taxonomy ? taxonomy.order : [];

  const indicatorsText = text('indicators.yaml');
  const catalogue = indicatorsText === null ? (missing('indicators.yaml', '指标目录'), null) : read(() => parseIndicators(indicatorsText, fileOf('indicators.yaml')), problems);
  if (catalogue && taxonomy) {
    for (const e of catalogue.entries) {
      if (!themeIds.includes(e.theme)) problems.push(problem(fileOf('indicators.yaml'), 'indicators', `指标 ${e.id} 的主题“${e.theme}”不在 content/themes.yaml 里：请改成 ${themeIds.join('、')} 之一。`));
    }
  }

  for (const [name, what, parse] of [
    ['channel-kinds.yaml', '参与渠道词表', (t: string, f: string) => parseVocabulary(t, f)],
    ['places.yaml', '地区网址名文件', (t: string, f: string) => parsePlaces(t, f)],
    ['synonyms.yaml', '搜索同义词文件', (t: string, f: string) => parseSynonyms(t, f)],
    ['theme-actions.yaml', '主题行动建议文件', (t: string, f: string) => parseThemeActions(t, f, themeIds)],
  ] as const) {
    const t = text(name);
    if (t === null) missing(name, what);
    else read(() => parse(t, fileOf(name)), problems);
  }

  // The registry of real channels: each file, then the plans its entries quote.
  const registry = loadChannelRegistry(join(content, 'channels'), 'content/channels');
  problems.push(...registry.problems);
  for (const place of registry.places) {
    place.entries.forEach((entry, i) => {
      if (entry.plan && !planSlugs.has(entry.plan)) {
        problems.push(problem(place.file, 'channels', `entries 第 ${i + 1} 条引用的规划“${entry.plan}”不存在：请改成 seeds/ 里某份规划的网址名（元数据文件的 slug）。`));
      }
    });
  }
  return { problems, taxonomy, catalogue };
}

/** The data files a check reads, for messages: content/*.yaml and content/channels/*.yaml. */
export function dataFileNames(content: string): string[] {
  const top = existsSync(content) ? readdirSync(content).filter((f) => f.endsWith('.yaml')) : [];
  const channels = existsSync(join(content, 'channels')) ? readdirSync(join(content, 'channels')).filter((f) => f.endsWith('.yaml')).map((f) => `channels/${f}`) : [];
  return [...top, ...channels];
}

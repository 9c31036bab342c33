/**
 * The staff registry of real participation channels, one file per place:
 * content/channels/<place-slug>.yaml (schema and field docs in src/schemas/channels.ts).
 *
 * The pages show a place's registry beside what its plans promise, and flag every entry whose
 * `verified` date is more than a year old. Reading never throws for a bad file: its problems are
 * returned (file, field, value and fix, in Chinese) and the other files are still used.
 */
import { contentPath } from '../content-path.ts';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataFileError, problem, type Problem } from '../../data/problem.ts';
import { readYaml, schemaProblems } from '../../data/yaml.ts';
import { channelsDescribe, registryPlaceSchema, type RegistryEntry, type RegistryPlaceData } from '../../schemas/channels.ts';
import type { Jurisdiction } from '../types.ts';

export const REGISTRY_DIR = contentPath('channels');

export interface RegistryPlace extends RegistryPlaceData {
  /** The file name without .yaml: the place's URL slug. */
  slug: string;
  /** The file as shown in messages, e.g. "content/channels/yangzhou.yaml". */
  file: string;
}

export type RegistryFileResult = { ok: true; place: RegistryPlace } | { ok: false; problems: Problem[] };

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Validate one registry file's text; `file` is the path shown in messages. */
export function parseRegistryFile(text: string, file: string): RegistryFileResult {
  const slug = file.split('/').pop()!.replace(/\.ya?ml$/, '');
  if (!SLUG.test(slug)) {
    return { ok: false, problems: [problem(file, 'channels', `文件名“${slug}”不能用作网址：只用小写字母、数字和连字符，例如 yangzhou.yaml、shanghai-jingan.yaml。`)] };
  }
  try {
    const { value, problems } = schemaProblems(registryPlaceSchema, readYaml(text, file, 'channels', '检查缩进和冒号后的空格。'), 'channels', channelsDescribe);
    return value ? { ok: true, place: { ...value, slug, file } } : { ok: false, problems };
  } catch (error) {
    if (error instanceof DataFileError) return { ok: false, problems: error.problems };
    throw error;
  }
}

/** Every registry file of a folder (the project's content/channels/ by default), in file-name order. */
export function loadChannelRegistry(dir: string = REGISTRY_DIR, shownAs = 'content/channels'): { places: RegistryPlace[]; problems: Problem[] } {
  const places: RegistryPlace[] = [];
  const problems: Problem[] = [];
  if (!existsSync(dir)) return { places, problems };
  for (const name of readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort()) {
    const result = parseRegistryFile(readFileSync(join(dir, name), 'utf8'), `${shownAs}/${name}`);
    if (result.ok) places.push(result.place);
    else problems.push(...result.problems);
  }
  const seen = new Map<string, string>();
  for (const p of places) {
    const key = `${p.place}|${p.province ?? ''}`;
    const other = seen.get(key);
    if (other) problems.push(problem(p.file, 'channels', `地名 ${p.place}（${p.province ?? '全国'}）与 ${other} 重复：同一地方的渠道请写在一个文件里。`, { line: 1 }));
    seen.set(key, p.file);
  }
  return { places, problems };
}

// ---------------------------------------------------------------------------------------------

/** The day one year before `asOf` (YYYY-MM-DD); 29 February falls back to the 28th. */
export function oneYearBefore(asOf: string | Date): string {
  const day = typeof asOf === 'string' ? asOf.slice(0, 10) : asOf.toISOString().slice(0, 10);
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const year = y - 1;
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${year}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/** Whether an entry was last verified more than a year before `asOf` (a date or "YYYY-MM-DD"). */
export function isStale(entry: Pick<RegistryEntry, 'verified'>, asOf: string | Date): boolean {
  return entry.verified < oneYearBefore(asOf);
}

/** The entries of a place that need checking again: verified more than a year before `asOf`. */
export function staleEntries<E extends Pick<RegistryEntry, 'verified'>>(entries: readonly E[], asOf: string | Date): E[] {
  return entries.filter((e) => isStale(e, asOf));
}

/**
 * The registry files that apply to a plan's place, most specific first: the place itself (same
 * name, and same province when both say), then its city, then its province, then 全国.
 *
 *   静安区 (province 上海市) → shanghai-jingan.yaml, then a 上海市 file if any, then quanguo.yaml
 */
export function registryFor(places: readonly RegistryPlace[], jurisdiction: Jurisdiction | null): RegistryPlace[] {
  const out: RegistryPlace[] = [];
  const add = (p: RegistryPlace | undefined) => {
    if (p && !out.includes(p)) out.push(p);
  };
  if (jurisdiction) {
    const sameProvince = (p: RegistryPlace) => !jurisdiction.province || !p.province || p.province === jurisdiction.province;
    add(places.find((p) => p.place === jurisdiction.name && sameProvince(p)));
    if (jurisdiction.city) add(places.find((p) => p.place === jurisdiction.city && sameProvince(p)));
    if (jurisdiction.province) add(places.find((p) => p.place === jurisdiction.province));
  }
  add(places.find((p) => p.province === null));
  return out;
}

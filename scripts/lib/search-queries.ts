/**
 * The query set of the search benchmark and browser tests, and its ground truth, computed by
 * substring over the sections' texts (src/search/records.ts: the same texts the index is built
 * from), so it cannot drift from the corpus: a clause is expected for a query exactly when its
 * folded text contains every word of the query (or, with synonyms, one of each word's synonyms).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fold } from '../../src/search/fold.ts';
import { matchesAll, parseQuery, type SynonymGroups } from '../../src/search/query.ts';
import { planInfo, sectionRecords, sectionText, type SearchableDoc } from '../../src/search/records.ts';
import { runsOf } from '../../src/search/tokens.ts';
import { random } from './search-corpus.ts';

/** What journalists search for, by kind (issue 9). */
export const FIXED_QUERIES: { q: string; kind: string }[] = [
  { q: '水源', kind: '两字词' },
  { q: '黑臭', kind: '两字词' },
  { q: '排污', kind: '两字词' },
  { q: '水体', kind: '长词中的词' },
  { q: '黑臭水体', kind: '词' },
  { q: '排污权交易', kind: '词' },
  { q: '饮用水水源', kind: '词' },
  { q: '垃圾分类', kind: '词' },
  { q: '责任单位', kind: '词' },
  { q: '生态环境', kind: '词' },
  { q: '12369', kind: '数字' },
  { q: '2025年', kind: '数字' },
  { q: '2020', kind: '数字' },
  { q: 'PM2.5', kind: '拉丁' },
  { q: 'PM2', kind: '拉丁' },
  { q: 'VOCs', kind: '拉丁' },
  { q: 'COD', kind: '拉丁' },
  { q: 'PM2.5 浓度', kind: '混合' },
  { q: '污水 处理', kind: '混合' },
  { q: '~PM2.5', kind: '同义词' },
  { q: '黑臭龙虾', kind: '没有的词' },
];

export interface PublishedSection {
  url: string;
  folded: string;
  /** The plan's place names and the section's themes, for checking filters. */
  place: string[];
  themes: string[];
}

/** Every section of the plan documents in `dataDir` (content/plan-data), with its folded text. */
export function loadSections(dataDir: string): { sections: PublishedSection[]; texts: string[] } {
  const sections: PublishedSection[] = [];
  const texts: string[] = [];
  for (const file of readdirSync(dataDir).filter((f) => f.endsWith('.json')).sort()) {
    const slug = file.slice(0, -'.json'.length);
    const doc = JSON.parse(readFileSync(join(dataDir, file), 'utf8')) as SearchableDoc;
    const { place } = planInfo(slug, doc);
    for (const r of sectionRecords(doc)) {
      const text = sectionText(r);
      sections.push({ url: `/plans/${slug}/#${r.id}`, folded: fold(text), place, themes: r.themes });
      texts.push(text);
    }
  }
  return { sections, texts };
}

/** The clause URLs a query must find. */
export function groundTruth(sections: readonly PublishedSection[], q: string, groups: SynonymGroups = []): Set<string> {
  const { terms } = parseQuery(q, { groups });
  return new Set(sections.filter((s) => matchesAll(s.folded, terms)).map((s) => s.url));
}

/**
 * Words picked at random (fixed seed) from the texts: a run of 2–6 letters and digits starting
 * anywhere in a run, so most fall inside longer words ("源保护", "025年").
 */
export function sampledQueries(texts: readonly string[], count: number, seed = 9): { q: string; kind: string }[] {
  const next = random(seed);
  const out: { q: string; kind: string }[] = [];
  const seen = new Set<string>();
  for (let tries = 0; out.length < count && tries < count * 50; tries++) {
    const runs = runsOf(fold(texts[Math.floor(next() * texts.length)] ?? '')).filter((r) => r.length >= 2);
    const run = runs[Math.floor(next() * runs.length)];
    if (!run) continue;
    const len = Math.min(run.length, 2 + Math.floor(next() * 5));
    const at = Math.floor(next() * (run.length - len + 1));
    const q = run.slice(at, at + len).join('');
    // Only words written with letters and digits (the index encodes . - / % + differently).
    if (!/^[\p{L}\p{N}]+$/u.test(q) || /[\uA500-\uA504]/.test(q) || seen.has(q)) continue;
    seen.add(q);
    out.push({ q, kind: '随机截取' });
  }
  return out;
}

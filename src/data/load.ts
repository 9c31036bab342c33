/**
 * The one loader of the data files under content/ (themes, indicators, channel kinds, places,
 * synonyms, theme actions …): `load(name, read)` reads content/<name> once per process and hands
 * its text to the file's own reader (a function of the text, so tests and `npm run check` can read
 * other texts the same way). A missing file is a DataFileError that says what the file is and where
 * it belongs; a bad one is the reader's DataFileError, with every problem's file and line.
 */
import { readFileSync } from 'node:fs';
import { contentPath } from '../pipeline/content-path.ts';
import { DataFileError, problem } from './problem.ts';

const cache = new Map<string, unknown>();

/** content/<name>, read by `read` once per process. `what` names the file in a message: "主题词表". */
export function load<T>(name: string, what: string, read: (text: string, file: string) => T): T {
  if (cache.has(name)) return cache.get(name) as T;
  const file = `content/${name}`;
  let text: string;
  try {
    text = readFileSync(contentPath(name), 'utf8');
  } catch {
    throw new DataFileError([problem(file, 'missing-file', `找不到${what}。它应在项目的 ${file}。`)]);
  }
  const value = read(text, file);
  cache.set(name, value);
  return value;
}

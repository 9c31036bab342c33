/**
 * Where the staff-edited data files live: content/ at the project root. The pipeline finds them
 * from its own location (so `npm run parse` works on a text anywhere on disk); when a module is
 * bundled elsewhere (Astro prerenders pages from .astro/ chunks), it falls back to the working
 * directory, which is the project root for every npm script and for the build.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const beside = fileURLToPath(new URL('../../content/', import.meta.url));

/** Absolute path of content/<relative>. */
export function contentPath(relative: string): string {
  const own = join(beside, relative);
  return existsSync(own) ? own : join(process.cwd(), 'content', relative);
}

/** The same as a file URL, for loaders that keep URLs. */
export const contentUrl = (relative: string): URL => pathToFileURL(contentPath(relative));

/**
 * A content file's text, for the loaders that read one data file once per process; a missing file
 * is reported through `missing(path)`, which names what the file is and where it belongs.
 */
export function readContentText(relative: string, missing: (path: string) => Error): string {
  const path = contentPath(relative);
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw missing(path);
  }
}

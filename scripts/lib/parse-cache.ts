/**
 * A cache of parsed plans for the content build: a plan whose text, metadata and every input of the
 * pipeline are unchanged is not parsed again. The key is a SHA-256 of
 *
 *   - the text's bytes and its options (the metadata file as read, the path the messages name);
 *   - the pipeline's version: every source file under src/pipeline/, src/schemas/ and src/data/, and
 *     the data files it reads under content/ (themes, indicators, channel kinds, places …);
 *   - the versions of the packages installed (package-lock.json).
 *
 * so a changed rule, data file or dependency changes every key, and the cache can never serve a
 * document the pipeline would not produce now. Entries live in node_modules/.cache/plan-parse/
 * (ignored by git, dropped by a clean install); a corrupt entry is parsed again.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { threadId } from 'node:worker_threads';
import { join, relative } from 'node:path';
import type { ParseOptions, PlanDocument } from '../../src/pipeline/index.ts';

const INPUTS = ['src/pipeline', 'src/schemas', 'src/data'];
const DATA = 'content';

function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      // content/plans, plan-data, plan-history, updates are outputs or not the pipeline's inputs.
      if (dir === DATA && ['plans', 'plan-data', 'plan-history', 'updates'].includes(name)) continue;
      out.push(...filesUnder(path, keep));
    } else if (keep(name)) out.push(path);
  }
  return out;
}

/** The pipeline's version: a hash of everything that decides what it makes of a text. */
export function pipelineVersion(root = '.'): string {
  const hash = createHash('sha256');
  const files = [
    ...INPUTS.flatMap((d) => filesUnder(join(root, d), (n) => n.endsWith('.ts'))),
    ...filesUnder(join(root, DATA), (n) => n.endsWith('.yaml') || n.endsWith('.yml')),
    join(root, 'package-lock.json'),
  ];
  for (const f of files) {
    if (!existsSync(f)) continue;
    // The path as seen from the root, so that every command gets one version wherever it runs from.
    hash.update(relative(root, f)).update('\0').update(readFileSync(f)).update('\0');
  }
  return hash.digest('hex');
}

export class ParseCache {
  private readonly dir: string;
  private readonly version: string;
  hits = 0;
  misses = 0;

  constructor(version: string, root = '.') {
    this.version = version;
    // PLAN_PARSE_CACHE: another folder (bench:build keeps each corpus's cache apart).
    this.dir = process.env.PLAN_PARSE_CACHE ?? join(root, 'node_modules', '.cache', 'plan-parse');
    mkdirSync(this.dir, { recursive: true });
  }

  private key(bytes: Uint8Array, options: ParseOptions): string {
    // The Node version too: the pipeline's regular expressions use Unicode properties (\p{…}) whose tables change with it.
    return createHash('sha256').update(this.version).update('\0').update(process.versions.node).update('\0').update(bytes).update('\0').update(JSON.stringify(options)).digest('hex');
  }

  /** Whether the cache holds the document for these bytes and options. */
  has(bytes: Uint8Array, options: ParseOptions): boolean {
    return existsSync(this.file(bytes, options));
  }

  private file(bytes: Uint8Array, options: ParseOptions): string {
    return join(this.dir, `${this.key(bytes, options)}.json`);
  }

  /** The document for these bytes and options: from the cache, or `parse`d and stored. */
  get(bytes: Uint8Array, options: ParseOptions, parse: () => PlanDocument): PlanDocument {
    const file = this.file(bytes, options);
    if (existsSync(file)) {
      try {
        const doc = JSON.parse(readFileSync(file, 'utf8')) as PlanDocument;
        this.hits++;
        return doc;
      } catch {
        // A half-written or damaged entry: parse again below.
      }
    }
    this.misses++;
    const doc = parse();
    // Written whole under another name, then renamed: a reader never finds half an entry.
    const part = `${file}.part-${process.pid}-${threadId}`;
    writeFileSync(part, JSON.stringify(doc));
    renameSync(part, file);
    return doc;
  }
}

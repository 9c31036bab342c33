/**
 * Parses plans on every core before a command that reads them one by one (`npm run check`, the
 * content build): the plans the parse cache (parse-cache.ts) does not hold yet are shared out
 * between worker threads (parse-worker.ts), each taking the next file as it becomes free, and
 * stored in the cache; the command then finds each of them there. The documents are the ones a
 * single thread makes (the cache's key names the text, its metadata and the pipeline's version),
 * so nothing but the time depends on the number of threads.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { resolve as resolvePath } from 'node:path';
import { ParseCache } from './parse-cache.ts';
import { readPlanSource, type PlanSource } from './read-plan.ts';

/** Threads: the cores, or PARSE_WORKERS (0 parses nothing ahead), read at each call. */
const workers = (): number => Number(process.env.PARSE_WORKERS ?? availableParallelism());
/** A thread costs half a second to start (it loads the pipeline): not worth it for fewer plans than this. */
const PLANS_PER_WORKER = 6;

/**
 * A plan as the commands read it: `file` is relative to `root` and is the path the document and
 * its messages name ("seeds/x.txt"), wherever the command runs from.
 */
export function sourceAt(file: string, root: string): PlanSource {
  // Read where it is from here: as given under '.', under the root otherwise (an absolute path stays).
  const source = readPlanSource(root === '.' ? file : resolvePath(root, file));
  source.options.path = file;
  return source;
}

/** What warming did: the threads it started and the plans it gave them to parse. */
export interface Warmed {
  threads: number;
  parsed: number;
}

/**
 * Parses the `files` (relative to `root`) the cache lacks on worker threads. Warming only saves
 * time: a thread that fails (out of memory, say) is reported and the command parses what is left.
 */
export async function warmParseCache(files: string[], version: string, root = '.'): Promise<Warmed> {
  const cache = new ParseCache(version, root);
  const todo = files.filter((file) => {
    try {
      const source = sourceAt(file, root);
      return !cache.has(source.bytes, source.options);
    } catch {
      return false;
    }
  });
  const count = Math.min(workers(), Math.floor(todo.length / PLANS_PER_WORKER));
  if (count < 2) return { threads: 0, parsed: 0 };
  const queue = [...todo];
  let parsed = 0;
  await Promise.all(Array.from({ length: count }, () => new Promise<void>((resolve) => {
    const worker = new Worker(new URL('./parse-worker.ts', import.meta.url), { workerData: { version, root } });
    const next = () => worker.postMessage(queue.shift() ?? null);
    worker.on('message', () => {
      parsed++;
      next();
    });
    worker.on('error', (error) => process.stderr.write(`预先解析的工作线程出错（${error.message}），其余规划照常逐份解析。\n`));
    worker.on('exit', () => resolve());
    next();
  })));
  return { threads: count, parsed };
}

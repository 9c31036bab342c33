/**
 * A worker thread of warmParseCache (parse-pool.ts): reads each plan it is sent as the check and
 * the content build read it (sourceAt), parses it and stores the document in the parse cache. Messages in:
 * a file's path, or null to finish; out: { file } when that file is done (parsed, or found unreadable,
 * which the command that asked will report itself).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parsePlan } from '../../src/pipeline/index.ts';
import { ParseCache } from './parse-cache.ts';
import { sourceAt } from './parse-pool.ts';

const port = parentPort;
if (!port) throw new Error('parse-worker.ts 只能由 parse-pool.ts 作为工作线程启动。');
const { version, root } = workerData as { version: string; root: string };
const cache = new ParseCache(version, root);

port.on('message', (file: string | null) => {
  if (file === null) {
    port.close();
    return;
  }
  try {
    const source = sourceAt(file, root);
    cache.get(source.bytes, source.options, () => parsePlan(source.bytes, source.options));
  } catch {
    // Unreadable or refused: the check and the content build report it, with its file and the fix.
  }
  port.postMessage({ file });
});

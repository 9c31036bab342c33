/**
 * A worker thread of scripts/build-search.ts: builds the section bundles it is sent, one at a time,
 * with an indexing service of its own (search-index.ts), so that a machine's second core indexes
 * while the first does. Messages in: { g, members, root } for a bundle, null to finish. Messages out:
 * { type: 'done' }, { type: 'error', message }, and on finishing { type: 'closed', stats }.
 */
import { parentPort } from 'node:worker_threads';
import { GroupBuilder, stats, type Plan } from './search-index.ts';

export interface GroupJob {
  g: number;
  members: Plan[];
  root: string;
}

export type WorkerReply =
  | { type: 'done' }
  | { type: 'error'; message: string }
  | { type: 'closed'; stats: typeof stats };

const port = parentPort;
if (!port) throw new Error('search-group-worker.ts 只能由 scripts/build-search.ts 作为工作线程启动。');
const builder = new GroupBuilder();
const reply = (message: WorkerReply) => port.postMessage(message);

port.on('message', (job: GroupJob | null) => {
  if (!job) {
    void builder.close().then(() => {
      reply({ type: 'closed', stats });
      port.close();
    });
    return;
  }
  builder.build(job.g, job.members, job.root).then(
    () => reply({ type: 'done' }),
    (error: unknown) => reply({ type: 'error', message: (error as Error).message }),
  );
});

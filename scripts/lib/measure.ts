/**
 * Runs a Node script as a child under GNU time and reports its wall seconds and the peak resident
 * memory of the largest process it ran (the script or a child it waited for, such as Pagefind's
 * indexing service). The benchmarks measure from outside, so production scripts carry no memory
 * sampling of their own.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface Measured {
  seconds: number;
  peakMB: number;
  stdout: string;
}

const TIME = '/usr/bin/time';

/** `node <args>` in `cwd`; throws with the end of its stderr when it fails. */
export function measureNode(args: string[], options: Pick<SpawnSyncOptions, 'cwd' | 'env'> = {}): Measured {
  if (!existsSync(TIME)) throw new Error(`找不到 ${TIME}（GNU time，用来测内存峰值）。请先安装：sudo apt-get install -y time`);
  const r = spawnSync(TIME, ['-f', 'TIME %e %M', process.execPath, ...args], {
    ...options, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28,
  });
  const m = /TIME ([\d.]+) (\d+)\s*$/.exec(r.stderr ?? '');
  if (r.status !== 0 || !m) throw new Error(`node ${args.join(' ')} 失败（退出码 ${r.status}）：${(r.stderr ?? '').slice(-2000)}`);
  return { seconds: Number(m[1]), peakMB: Math.round(Number(m[2]) / 1024), stdout: r.stdout ?? '' };
}

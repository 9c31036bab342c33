/**
 * Read a plan text and its sidecar (<name>.yaml beside <name>.txt) from disk. Shared by the parse
 * command and the content build, so both publish exactly the same document.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { PlanInputError, type ParseOptions } from '../../src/pipeline/index.ts';
import { readSidecar } from '../../src/pipeline/meta/sidecar.ts';

export interface PlanSource { bytes: Uint8Array; options: ParseOptions; sidecarPath: string | null }

export function sidecarPathOf(file: string): string {
  return join(dirname(file), `${basename(file, extname(file))}.yaml`);
}

export function readPlanSource(file: string): PlanSource {
  if (!existsSync(file)) throw new PlanInputError(file, '找不到这个文件。请检查路径。');
  if (statSync(file).isDirectory()) throw new PlanInputError(file, '这是一个目录，不是规划文本文件。');
  const bytes = new Uint8Array(readFileSync(file));
  const options: ParseOptions = { path: file };
  const sidecarPath = sidecarPathOf(file);
  if (!existsSync(sidecarPath)) return { bytes, options, sidecarPath: null };
  const result = readSidecar(readFileSync(sidecarPath, 'utf8'));
  if (result.ok) options.sidecar = result.sidecar;
  else options.sidecarProblem = { file: sidecarPath, problem: result.problem };
  return { bytes, options, sidecarPath };
}

/**
 * Checking the plan texts in seeds/: each must decode (UTF-8, UTF-16 or GB18030, not empty, not a
 * binary file), have at most one metadata file, and get a slug no other plan has. The slug is the
 * metadata file's, else the file name's (as scripts/build-content.ts gives it).
 */
import { basename } from 'node:path';
import { decodeBytes, PlanInputError } from '../pipeline/decode/decode.ts';
import { problem, type Problem } from '../data/problem.ts';

/** The slug a plan gets when its metadata file names none: "000_8791d22943014768.txt" → "000-8791d22943014768". */
export function slugOf(file: string): string {
  const s = basename(file, '.txt').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return s || `plan-${Buffer.from(basename(file)).toString('hex').slice(0, 12)}`;
}

/** Problems of one text's bytes: unreadable, empty, binary. */
export function checkText(bytes: Uint8Array, file: string): Problem[] {
  try {
    decodeBytes(bytes, file);
    return [];
  } catch (error) {
    if (error instanceof PlanInputError) return [problem(file, 'text', error.message.slice(file.length + 1))];
    throw error;
  }
}

/** Two plans with one slug: both named, with the fix. */
export function slugProblems(slugs: ReadonlyMap<string, string[]>): Problem[] {
  const out: Problem[] = [];
  for (const [slug, files] of slugs) {
    if (files.length < 2) continue;
    for (const f of files.slice(1)) {
      out.push(problem(f, 'slug-duplicate', `网址名 ${slug} 已被 ${files[0]} 使用：两份规划会占用同一个网址 /plans/${slug}/。请在这份规划的元数据文件里写一个不同的 slug。`, { line: 1 }));
    }
  }
  return out;
}

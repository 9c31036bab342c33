/**
 * npm run -s parse -- <file>
 *
 * Prints the PlanDocument of any plan text as JSON on stdout; people-facing diagnostics go to
 * stderr. Reads <file>.yaml beside the text when there is one. Exit 0 when a document was made,
 * 1 with a one-line message naming the file when it could not be.
 */
import { readPlanSource } from './lib/read-plan.ts';
import { parsePlan, PlanInputError } from '../src/pipeline/index.ts';
import { isRepair } from '../src/pipeline/messages.ts';
import { parseArgs } from 'node:util';

const file = parseArgs({ allowPositionals: true, options: {} }).positionals.find((a) => a !== '--');
if (!file) {
  process.stderr.write('用法：npm run -s parse -- <规划文本文件>\n');
  process.exit(2);
}
try {
  const source = readPlanSource(file);
  const doc = parsePlan(source.bytes, source.options);
  process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
  for (const d of doc.diagnostics) {
    if (d.severity === 'warning') process.stderr.write(`${file}${d.line ? `:${d.line}` : ''} 警告 [${d.code}] ${d.message}\n`);
  }
  const repairs = doc.diagnostics.filter(isRepair).length;
  process.stderr.write(`${file}：${countSections(doc.sections)} 个章节，${repairs} 处清理或修复。\n`);
} catch (error) {
  const reason = error instanceof PlanInputError ? error.message : `${file}：无法读取（${(error as Error).message}）`;
  process.stderr.write(`${reason.split('\n')[0]}\n`);
  process.exit(1);
}

function countSections(list: { children: unknown[] }[]): number {
  return list.reduce((n, s) => n + 1 + countSections(s.children as { children: unknown[] }[]), 0);
}

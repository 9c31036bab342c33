/**
 * npm run check [-- --json] [-- --github] [-- --no-plans]
 *
 * Checks everything staff edit without building the site (src/check/run.ts). One line per
 * problem, "<file>:<line> 错误|警告 [<code>] <message>"; --json prints the same problems as a JSON
 * array of { file, line, severity, code, message }; --github prints them as GitHub Actions
 * annotations too, so a pull request shows each on its line. Exit 1 when there is any error.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatProblem } from '../src/data/problem.ts';
import { runCheck } from '../src/check/run.ts';

const { values } = parseArgs({ options: { json: { type: 'boolean', default: false }, github: { type: 'boolean', default: false }, 'no-plans': { type: 'boolean', default: false } } });
const root = fileURLToPath(new URL('..', import.meta.url));
const problems = runCheck({ root, plans: !values['no-plans'] });
const errors = problems.filter((p) => p.severity === 'error').length;

if (values.json) {
  process.stdout.write(`${JSON.stringify(problems, null, 1)}\n`);
} else {
  for (const p of problems) process.stdout.write(`${formatProblem(p)}\n`);
  if (values.github) {
    const esc = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
    for (const p of problems) process.stdout.write(`::${p.severity === 'error' ? 'error' : 'warning'} file=${p.file}${p.line ? `,line=${p.line}` : ''},title=${p.code}::${esc(p.message)}\n`);
  }
  process.stderr.write(problems.length ? `检查完毕：${errors} 个错误，${problems.length - errors} 个警告。${errors ? '请按每行的说明改正后再提交。' : ''}\n` : '检查完毕：没有发现问题。\n');
}
if (errors) process.exit(1);

/**
 * npm run check:links [-- <dist>]
 *
 * Every internal link and fragment of the built site reaches a page and an element of it
 * (src/check/links.ts). Prints the counts and each broken link; exit 1 when there is one.
 */
import { parseArgs } from 'node:util';
import { checkLinks } from '../src/check/links.ts';

const { positionals } = parseArgs({ allowPositionals: true, options: {} });
const dist = positionals[0] ?? 'dist';
const started = performance.now();
const report = checkLinks(dist);
for (const b of report.broken) console.log(`${b.page} → ${b.href}：${b.problem === 'missing-page' ? '页面不存在' : '页面里没有这个锚点'}`);
console.log(`链接检查：${report.pages} 个页面，${report.links} 个站内链接（其中 ${report.fragments} 个带锚点），${report.broken.length} 个失效（${((performance.now() - started) / 1000).toFixed(1)} 秒）。`);
if (report.broken.length) process.exit(1);

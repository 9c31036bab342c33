/**
 * How heavy a plan page is next to the plan itself (run after `npm run build`):
 *
 *   npm run -s bench:pages            # every plan page in dist/plans/
 *   npm run -s bench:pages -- --dist other/dist [--data other/content/plan-data]
 *
 * For each plan: the transfer size of its page, HTML + the CSS and JS files it links (inline
 * scripts and styles are part of the HTML), each compressed as a server would send it, gzip
 * (level 6, the usual default) and brotli (quality 11, as for precompressed static files); next
 * to it the same compression of the plan's own text (title block, headings with their numbers,
 * every block, from content/plan-data/<slug>.json). The goal is a page at most 1.5 times its text.
 * Two figures per codec: the first visit (HTML + every linked CSS/JS file) and a later visit
 * (HTML only: the linked files are shared by every plan page and come from the browser's cache
 * once any page of the site has been read). Inline <style> and <script> are counted in the HTML
 * on every visit, since they cannot be cached apart from the page. Last, a line through the plans
 * (page = fixed part + slope × text), to tell overhead that every page pays from overhead that
 * grows with the text, and the length of plan from which the goal is met.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { PlanDocument } from '../src/pipeline/types.ts';
import { documentText } from '../src/pipeline/emit/document-text.ts';
import { parseArgs } from 'node:util';

const { values: flags } = parseArgs({ options: { dist: { type: 'string', default: 'dist' }, data: { type: 'string', default: 'content/plan-data' } } });
const dist = flags.dist;
const dataDir = flags.data;
const GOAL = 1.5;

if (!existsSync(join(dist, 'plans')) || !existsSync(dataDir)) {
  console.error(`找不到 ${join(dist, 'plans')} 或 ${dataDir}：请先运行 npm run build。`);
  process.exit(1);
}

const gz = (b: Buffer) => gzipSync(b, { level: 6 }).length;
const br = (b: Buffer) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: b.length } }).length;

/**
 * The CSS and JS files a page links, read from dist/ (inline ones are in the HTML already), with
 * the chunks its module scripts import statically (`import{…}from"./chunk.js"`): the browser
 * fetches those before the script runs. Dynamic `import()`s load only when needed and are left out.
 */
function linkedAssets(html: string): Buffer[] {
  const urls = [
    ...[...html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*>/g)].map((m) => /href="([^"]+)"/.exec(m[0])?.[1]),
    ...[...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]),
  ].filter((u): u is string => Boolean(u) && u!.startsWith('/'));
  const seen = new Set<string>();
  const files: Buffer[] = [];
  const add = (url: string) => {
    const path = decodeURIComponent(url.split(/[?#]/)[0]!);
    if (seen.has(path)) return;
    seen.add(path);
    const file = readFileSync(join(dist, path));
    files.push(file);
    if (!path.endsWith('.js')) return;
    for (const m of file.toString('utf8').matchAll(/\b(?:import|export)\s*(?:[\w*{}\s,$]*?from\s*)?["']([^"']+\.js)["']/g)) {
      add(new URL(m[1]!, `http://x${path}`).pathname);
    }
  };
  urls.forEach(add);
  return files;
}

interface Row { slug: string; raw: number; text: number; pageGz: number; htmlGz: number; textGz: number; pageBr: number; htmlBr: number; textBr: number }

const rows: Row[] = [];
const fixtures: string[] = [];
for (const file of readdirSync(dataDir).filter((f) => f.endsWith('.json')).sort()) {
  const slug = file.slice(0, -5);
  const pagePath = join(dist, 'plans', slug, 'index.html');
  if (!existsSync(pagePath)) continue;
  const doc = JSON.parse(readFileSync(join(dataDir, file), 'utf8')) as PlanDocument;
  // The site tests build their own test plans (tests/site/plans/) into the site; they are not plans.
  if (doc.source.file.startsWith('tests/')) {
    fixtures.push(slug);
    continue;
  }
  const html = readFileSync(pagePath);
  const assets = linkedAssets(html.toString('utf8'));
  const text = Buffer.from(documentText(doc));
  const parts = [html, ...assets];
  rows.push({
    slug,
    raw: parts.reduce((n, b) => n + b.length, 0),
    text: text.length,
    pageGz: parts.reduce((n, b) => n + gz(b), 0),
    htmlGz: gz(html),
    textGz: gz(text),
    pageBr: parts.reduce((n, b) => n + br(b), 0),
    htmlBr: br(html),
    textBr: br(text),
  });
}
if (!rows.length) {
  console.error(`${join(dist, 'plans')} 里没有规划页面：请先运行 npm run build。`);
  process.exit(1);
}

const kb = (n: number) => (n / 1024).toFixed(1).padStart(7);
const ratio = (a: number, b: number) => (a / b).toFixed(2).padStart(5);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

console.log('规划页面的传输大小与规划正文的压缩大小（KB；gzip -6，brotli q11）');
console.log('“首次”：HTML + 链接的 CSS/JS（第一次访问本站）；“再访”：仅 HTML（CSS/JS 已在浏览器缓存里）。倍数 = 页面 ÷ 正文。');
console.log(`${'slug'.padEnd(58)} ${'页面原始'.padStart(5)} ${'正文原始'.padStart(5)} │ ${'首次gz'.padStart(6)} ${'再访gz'.padStart(6)} ${'正文gz'.padStart(6)} ${'首次'.padStart(4)} ${'再访'.padStart(4)} │ ${'首次br'.padStart(6)} ${'再访br'.padStart(6)} ${'正文br'.padStart(6)} ${'首次'.padStart(4)} ${'再访'.padStart(4)}`);
for (const r of rows) {
  console.log(`${r.slug.padEnd(58)} ${kb(r.raw)} ${kb(r.text)} │ ${kb(r.pageGz)} ${kb(r.htmlGz)} ${kb(r.textGz)} ${ratio(r.pageGz, r.textGz)} ${ratio(r.htmlGz, r.textGz)} │ ${kb(r.pageBr)} ${kb(r.htmlBr)} ${kb(r.textBr)} ${ratio(r.pageBr, r.textBr)} ${ratio(r.htmlBr, r.textBr)}`);
}
const figures: [string, (r: Row) => number][] = [
  ['gzip 首次', (r) => r.pageGz / r.textGz],
  ['gzip 再访', (r) => r.htmlGz / r.textGz],
  ['brotli 首次', (r) => r.pageBr / r.textBr],
  ['brotli 再访', (r) => r.htmlBr / r.textBr],
];
// What a page costs beyond its text, as a line through the plans (least squares): a fixed part
// (site header, metadata, goals and 参与 boxes, cross-links to other plans) and a part that grows
// with the text (ids, headings' links, theme tags). From it, the length of text from which a page
// meets the goal: fixed ÷ (goal − slope), when the slope is under the goal.
function fit(xs: number[], ys: number[]): { slope: number; fixed: number } {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  const sxy = xs.reduce((a, x, i) => a + (x - mx) * (ys[i]! - my), 0);
  const sxx = xs.reduce((a, x) => a + (x - mx) ** 2, 0);
  const slope = sxx ? sxy / sxx : 0;
  return { slope, fixed: my - slope * mx };
}
const assetsGz = rows.length ? Math.max(...rows.map((r) => r.pageGz - r.htmlGz)) : 0;
const assetsBr = rows.length ? Math.max(...rows.map((r) => r.pageBr - r.htmlBr)) : 0;
console.log(`链接的 CSS/JS 合计（首次访问多付的部分）：gzip ${(assetsGz / 1024).toFixed(1)} KB，brotli ${(assetsBr / 1024).toFixed(1)} KB。`);
console.log(`${rows.length} 份规划，目标 ≤ ${GOAL} 倍${fixtures.length ? `（不计测试用的 ${fixtures.join('、')}）` : ''}：`);
for (const [name, f] of figures) {
  const xs = rows.map(f);
  const worst = rows[xs.indexOf(Math.max(...xs))]!;
  console.log(`  ${name.padEnd(10)} 中位数 ${median(xs).toFixed(2)} 倍，最大 ${Math.max(...xs).toFixed(2)} 倍（${worst.slug}），超过目标 ${xs.filter((x) => x > GOAL).length} 份`);
}
console.log('页面 ≈ 固定部分 + 每 KB 正文的页面 KB（brotli，按各规划拟合）；正文压缩后达到多少 KB 时页面达到目标：');
for (const [name, page] of [['首次', (r: Row) => r.pageBr], ['再访', (r: Row) => r.htmlBr]] as const) {
  const { slope, fixed } = fit(rows.map((r) => r.textBr), rows.map(page));
  const from = slope < GOAL ? `${(fixed / (GOAL - slope) / 1024).toFixed(1)} KB 起` : '任何长度都达不到';
  console.log(`  ${name}：${(fixed / 1024).toFixed(1)} KB + ${slope.toFixed(2)} × 正文；${from}（本站最长的规划正文 ${(Math.max(...rows.map((r) => r.textBr)) / 1024).toFixed(1)} KB）`);
}

/**
 * npm run -s bench:build [-- --plans 100,1000] [-- --keep]
 *
 * Clean builds of generated corpora, then a rebuild after one plan changed, with the figures issue
 * 16 asks for: wall time per stage (check, content, Astro, search) and per plan, the peak memory of
 * each stage (the largest process's resident set, from GNU time), files and bytes in dist/, files
 * per plan, and the largest HTML page.
 *
 * Corpus: the 25 published plans (seeds/, which the registry and the updates name) and N generated
 * ones: plan i is the real text (i mod n) of seeds/ and tests/eval/texts/, with a metadata file
 * that moves it to another place (42 provinces' cities and districts) and another date, so that
 * place pages, theme pages and lists grow as a national corpus would. Each build runs in a
 * temporary copy of the project (code and content/ data copied, node_modules/ linked but Astro's
 * content store kept apart by ASTRO_CACHE_DIR, a git repository with a second version of every
 * tenth plan, a parse cache and a search-bundle cache of its own that start empty), so the working
 * tree is never touched. Not a test: figures vary with the machine's load; compare the ratios
 * within one run.
 *
 * Baselines (lib/bench-baselines.ts): after this project's clean build, the same plans as Markdown
 * are built with Starlight and with plain Astro + the Pagefind CLI, in the same run, and the figures
 * are printed as ratios. `--no-baselines` skips them; `--no-rebuild` skips the rebuild (for the
 * 10,000-plan run, which takes long enough).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { random } from './lib/search-corpus.ts';
import { measureNode } from './lib/measure.ts';
import { astroPagefindProject, baselinePackages, starlightProject } from './lib/bench-baselines.ts';

const { values: flags } = parseArgs({
  allowNegative: true,
  options: {
    plans: { type: 'string', default: '100,1000' },
    keep: { type: 'boolean', default: false },
    baselines: { type: 'boolean', default: true },
    rebuild: { type: 'boolean', default: true },
  },
});
const sizes = flags.plans.split(',').map(Number).filter((n) => n > 0);
const root = resolve('.');

const PLACES: [string, string, string][] = [
  ['河北省', '石家庄市', '长安区'], ['河北省', '唐山市', '路南区'], ['山西省', '太原市', '小店区'], ['辽宁省', '沈阳市', '和平区'],
  ['吉林省', '长春市', '朝阳区'], ['黑龙江省', '哈尔滨市', '南岗区'], ['江苏省', '南京市', '鼓楼区'], ['江苏省', '苏州市', '吴江区'],
  ['浙江省', '杭州市', '余杭区'], ['浙江省', '宁波市', '鄞州区'], ['安徽省', '合肥市', '蜀山区'], ['福建省', '福州市', '鼓楼区'],
  ['江西省', '南昌市', '红谷滩区'], ['山东省', '济南市', '历下区'], ['山东省', '青岛市', '黄岛区'], ['河南省', '郑州市', '金水区'],
  ['湖北省', '武汉市', '洪山区'], ['湖南省', '长沙市', '岳麓区'], ['广东省', '广州市', '番禺区'], ['广东省', '深圳市', '南山区'],
  ['广西壮族自治区', '南宁市', '青秀区'], ['海南省', '海口市', '美兰区'], ['四川省', '成都市', '双流区'], ['贵州省', '贵阳市', '观山湖区'],
  ['云南省', '昆明市', '呈贡区'], ['陕西省', '西安市', '雁塔区'], ['甘肃省', '兰州市', '城关区'], ['新疆维吾尔自治区', '乌鲁木齐市', '天山区'],
];

const sources = [
  ...readdirSync('seeds').filter((f) => f.endsWith('.txt')).map((f) => join(root, 'seeds', f)),
  ...readdirSync('tests/eval/texts').filter((f) => f.endsWith('.txt')).map((f) => join(root, 'tests/eval/texts', f)),
].sort();

/** A temporary project: code linked, staff data copied, `plans` generated texts in seeds/. */
function project(plans: number): string {
  const dir = mkdtempSync(join(tmpdir(), `bench-build-${plans}-`));
  // Code is copied (Astro resolves a linked src/ to its real place, outside the project); the
  // installed packages are linked.
  for (const name of ['src', 'scripts', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json', 'package-lock.json', 'CONTRIBUTING.md']) {
    cpSync(join(root, name), join(dir, name), { recursive: true });
  }
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  mkdirSync(join(dir, 'content'));
  for (const name of readdirSync('content')) {
    if (['plans', 'plan-data', 'plan-history'].includes(name)) continue;
    cpSync(join(root, 'content', name), join(dir, 'content', name), { recursive: true });
  }
  // The published plans come along (the registry and the updates name them), then the generated ones.
  cpSync(join(root, 'seeds'), join(dir, 'seeds'), { recursive: true });
  const next = random(plans);
  for (let i = 0; i < plans - readdirSync(join(root, 'seeds')).filter((f) => f.endsWith('.txt')).length; i++) {
    const [province, city, county] = PLACES[i % PLACES.length]!;
    const level = i % 3 === 0 ? { name: city, province, level: '市' } : { name: county, province, city, level: '区' };
    const year = 2015 + Math.floor(next() * 11);
    const name = `p${String(i).padStart(5, '0')}`;
    cpSync(sources[i % sources.length]!, join(dir, 'seeds', `${name}.txt`));
    writeFileSync(join(dir, 'seeds', `${name}.yaml`), [
      `slug: gen-${name}`,
      `jurisdiction: ${JSON.stringify(level)}`,
      `issued: '${year}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}'`,
      'provenance: 基准测试生成的副本（scripts/bench-build.ts）',
      '',
    ].join('\n'));
  }
  // A repository, as staff have: the content build reads each plan's versions from git. Every
  // tenth plan gets a second version, so that the history step compares texts too.
  const git = (args: string[]) => spawnSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.test', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, stdio: 'ignore' });
  git(['init', '-q', '-b', 'main']);
  git(['add', 'seeds']);
  git(['commit', '-q', '-m', '基准语料']);
  for (const name of readdirSync(join(dir, 'seeds')).filter((f) => /^p\d+0\.txt$/.test(f))) {
    writeFileSync(join(dir, 'seeds', name), `${readFileSync(join(dir, 'seeds', name), 'utf8')}\n本规划自印发之日起施行。\n`);
  }
  git(['commit', '-q', '-am', '更新部分文本']);
  return dir;
}

interface Stage { name: string; seconds: number; peakMB: number }

/** One stage: its wall seconds and the largest process's peak resident set (lib/measure.ts). */
function run(dir: string, name: string, args: string[]): Stage {
  const env = { ...process.env, SITE_URL: 'https://bench.example.test', PLAN_PARSE_CACHE: join(dir, '.plan-parse-cache'), ASTRO_CACHE_DIR: join(dir, '.astro-cache'), SEARCH_BUNDLE_CACHE: join(dir, '.search-bundles') };
  const { seconds, peakMB } = measureNode(args, { cwd: dir, env });
  return { name, seconds, peakMB };
}

function build(dir: string): Stage[] {
  return [
    run(dir, 'check', ['scripts/check.ts']),
    run(dir, 'content', ['scripts/build-content.ts']),
    run(dir, 'astro', ['node_modules/astro/bin/astro.mjs', 'build', '--silent']),
    run(dir, 'search', ['scripts/build-search.ts']),
  ];
}

function distFigures(dist: string): { files: number; bytes: number; largest: { path: string; bytes: number } } {
  let files = 0;
  let bytes = 0;
  let largest = { path: '', bytes: 0 };
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else {
        files++;
        bytes += st.size;
        if (name.endsWith('.html') && st.size > largest.bytes) largest = { path: p.slice(dist.length), bytes: st.size };
      }
    }
  };
  walk(dist);
  return { files, bytes, largest };
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const print = (name: string, stages: Stage[], plans: number, dist: string) => {
  const total = stages.reduce((a, s) => a + s.seconds, 0);
  const d = distFigures(dist);
  for (const s of stages) console.log(`  ${s.name.padEnd(8)} ${s.seconds.toFixed(1).padStart(7)} 秒  ${(s.seconds / plans * 1000).toFixed(1).padStart(7)} 毫秒/份  峰值内存 ${s.peakMB} MB`);
  console.log(`  ${name}合计 ${total.toFixed(1).padStart(7)} 秒  ${(total / plans * 1000).toFixed(1).padStart(7)} 毫秒/份  峰值内存 ${Math.max(...stages.map((s) => s.peakMB))} MB`);
  console.log(`  dist：${d.files} 个文件（每份规划 ${(d.files / plans).toFixed(1)} 个），${mb(d.bytes)}；最大的页面 ${d.largest.path}（${mb(d.largest.bytes)}）`);
  return { total, peakMB: Math.max(...stages.map((s) => s.peakMB)), files: d.files };
};

/** The baselines over the plans this project's build wrote to content/plan-data/ (not timed). */
function baselines(dir: string, plans: number, ours: { total: number; astroAndSearch: number; peakMB: number; files: number }): void {
  const modules = baselinePackages(root);
  const astro = join(modules, 'astro/bin/astro.mjs');
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  const starlight = mkdtempSync(join(tmpdir(), `bench-starlight-${plans}-`));
  starlightProject(dir, starlight, modules);
  console.log(`\n  Starlight ${plans} 份（${starlight}；含它自带的 Pagefind）`);
  const s = print('Starlight ', [{ name: 'astro', ...measureNode([astro, 'build', '--silent'], { cwd: starlight, env }) }], plans, join(starlight, 'dist'));
  const plain = mkdtempSync(join(tmpdir(), `bench-astro-pagefind-${plans}-`));
  astroPagefindProject(dir, plain, modules);
  console.log(`\n  Astro + Pagefind CLI ${plans} 份（${plain}）`);
  const p = print('Astro+CLI ', [
    { name: 'astro', ...measureNode([astro, 'build', '--silent'], { cwd: plain, env }) },
    { name: 'pagefind', ...measureNode([join(modules, 'pagefind/lib/runner/bin.cjs'), '--site', 'dist', '--silent'], { cwd: plain, env }) },
  ], plans, join(plain, 'dist'));
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)} 倍`;
  console.log(`\n  本项目与基准之比（${plans} 份）：`);
  console.log(`    墙钟（全部步骤）      Starlight 的 ${ratio(ours.total, s.total)}，Astro+CLI 的 ${ratio(ours.total, p.total)}`);
  console.log(`    墙钟（Astro + 搜索）  Starlight 的 ${ratio(ours.astroAndSearch, s.total)}，Astro+CLI 的 ${ratio(ours.astroAndSearch, p.total)}`);
  console.log(`    峰值内存              Starlight 的 ${ratio(ours.peakMB, s.peakMB)}，Astro+CLI 的 ${ratio(ours.peakMB, p.peakMB)}`);
  console.log(`    文件数                Starlight 的 ${ratio(ours.files, s.files)}，Astro+CLI 的 ${ratio(ours.files, p.files)}`);
  if (!flags.keep) for (const d of [starlight, plain]) rmSync(d, { recursive: true, force: true });
}

for (const plans of sizes) {
  const dir = project(plans);
  console.log(`\n== ${plans} 份规划（${dir}）`);
  const clean = build(dir);
  const ours = print('', clean, plans, join(dir, 'dist'));
  const astroAndSearch = clean.filter((s) => s.name === 'astro' || s.name === 'search').reduce((a, s) => a + s.seconds, 0);
  if (flags.baselines) baselines(dir, plans, { ...ours, astroAndSearch });
  if (flags.rebuild) {
    // A rebuild after one plan changed: one sentence added to one text.
    const one = join(dir, 'seeds', 'p00000.txt');
    writeFileSync(one, `${readFileSync(one, 'utf8')}\n本规划由基准测试追加了一句话。\n`);
    const again = build(dir);
    const totalAgain = again.reduce((a, s) => a + s.seconds, 0);
    console.log(`\n  改动一份后重建：${again.map((s) => `${s.name} ${s.seconds.toFixed(1)} 秒`).join('，')}；合计 ${totalAgain.toFixed(1)} 秒（清洁构建的 ${(totalAgain / ours.total).toFixed(2)} 倍）`);
  }
  if (!flags.keep) rmSync(dir, { recursive: true, force: true });
}
if (!existsSync('/usr/bin/time')) console.error('需要 GNU time：sudo apt-get install -y time');

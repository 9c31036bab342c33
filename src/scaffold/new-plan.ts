/**
 * `npm run new -- plan <file>`: what a new plan's metadata file says before a person has looked at
 * it. The text goes through the pipeline as it will be published; every field the pipeline read is
 * written into the metadata file with the line marked "# 待核对" and where it was read (the text's
 * title block, the catalogue lines at its top), so that a person confirms each one by deleting the
 * mark. Until then `npm run check` lists each marked line as a warning (sidecars.ts).
 *
 * The slug (the page's address) comes from the file name when it is in Latin letters, otherwise from
 * the title in pinyin (pinyin-pro: a maintained dictionary of readings, which a hand-written table
 * would not match), cut to a few words, with the year of issue.
 */
import { pinyin } from 'pinyin-pro';
import { stringify } from 'yaml';
import { parsePlan } from '../pipeline/index.ts';
import type { PlanDocument } from '../pipeline/types.ts';
import { UNCONFIRMED } from '../schemas/sidecar.ts';
import { uniqueIds } from '../pipeline/text/unique-ids.ts';


const FROM: Record<string, string> = {
  text: '从正文读出',
  'front-matter': '从文首的目录信息读出',
  sidecar: '元数据文件原有',
};

export interface NewPlan {
  /** The text's file name in seeds/: the original name, ending in .txt. */
  textName: string;
  slug: string;
  /** The metadata file (seeds/<name>.yaml). */
  sidecar: string;
  doc: PlanDocument;
  /** What the person should check, one line each, in Chinese. */
  todo: string[];
}

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** "赵巷镇农村生活污水处理设施运行维护考核实施方案（试行）", 2025 → "zhaoxiangzhen-nongcun-shenghuo-wushui-chuli-sheshi-2025". */
export function slugFromTitle(title: string, year: number | null): string {
  const inner = /《([^》]+)》/.exec(title)?.[1] ?? title;
  const words = [...segmenter.segment(inner.replace(/[（(][^）)]*[）)]/g, ''))]
    .filter((s) => s.isWordLike)
    .map((s) => pinyin(s.segment, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('').toLowerCase().replace(/[^a-z0-9]/g, ''))
    .filter(Boolean);
  const kept: string[] = [];
  for (const w of words) {
    if (kept.length >= 6 || [...kept, w].join('-').length > 48) break;
    kept.push(w);
  }
  return [...kept, ...(year ? [String(year)] : [])].join('-') || 'plan';
}

/** A file name in Latin letters as a slug ("04_shanghai_qingpu.txt" → "04-shanghai-qingpu"); null when it has none. */
export function slugFromFileName(name: string): string | null {
  const stem = name.replace(/\.[^.]+$/, '');
  if (!/[a-z]{3,}/i.test(stem) || /[^\x00-\x7f]/.test(stem)) return null;
  return stem.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || null;
}

/** The slug, made unique against `taken` with -2, -3 … */
const unique = (slug: string, taken: ReadonlySet<string>): string => uniqueIds(taken)(slug);

// Flow style keeps each field on its line: "period: { from: 2026, to: 2030 }".
const line = (key: string, value: unknown, source: string | undefined) =>
  `${key}: ${stringify(value, { lineWidth: 0, collectionStyle: 'flow' }).trim()}  ${UNCONFIRMED}（${FROM[source ?? 'text'] ?? '程序推断'}）`;

/** The metadata file and the checklist for a text about to be added as `name`. */
export function scaffoldPlan(bytes: Uint8Array, name: string, taken: ReadonlySet<string>): NewPlan {
  const textName = name.replace(/\.[^.]+$/, '') + '.txt';
  const doc = parsePlan(bytes, { path: textName });
  const m = doc.meta;
  const year = m.issued ? Number(m.issued.slice(0, 4)) : null;
  const slug = unique(slugFromFileName(name) ?? slugFromTitle(m.title ?? name, year), taken);
  const src = m.sources ?? {};
  const lines = [
    `# ${textName} 的元数据文件（见 CONTRIBUTING.md “新增一份规划”）。`,
    `# 带“${UNCONFIRMED}”的行是程序从文本中读出的：逐项和原件核对，对了就删去行尾的标记，错了就改正后删去；`,
    '# 正文能读出的项，删去整行也可以（网站照样从正文读出）。标记删完之前，npm run check 会逐行提醒。',
    line('slug', slug, 'text').replace(/（.*）$/, '（由文件名或标题生成，是规划页的网址 /plans/<slug>/，发布后不要再改）'),
  ];
  const fields: [key: string, value: unknown][] = [
    ['title', m.title], ['issuer', m.issuer], ['issued', m.issued], ['docNumber', m.docNumber], ['kind', m.kind], ['period', m.period],
  ];
  for (const [key, value] of fields) {
    if (value !== null && value !== undefined) lines.push(line(key, value, src[key]));
  }
  if (m.jurisdiction) {
    lines.push(`jurisdiction:  ${UNCONFIRMED}（${FROM[src.jurisdiction ?? 'text'] ?? '程序推断'}；name 是规划适用的地方，province/city/county 是它的上级）`);
    for (const [k, v] of Object.entries(m.jurisdiction)) if (v) lines.push(`  ${k}: ${stringify(v).trim()}`);
  }
  lines.push(
    '# 这份文本从哪里来：网站、栏目、下载日期，是否完整（节选、网页转录……）。读者在规划页的“来源和整理说明”页上看到这段话。',
    '# provenance: 从……网站……栏目下载，……年……月……日照录全文。',
    '# 原件的网址（政府网站上的页面）；没有就删去这一行。',
    // The address the text's own catalogue lines give ("官方链接: https://…"), when it gives one.
    doc.provenance?.url && /^https?:\/\//.test(doc.provenance.url)
      ? line('sourceUrl', doc.provenance.url, 'front-matter')
      : '# sourceUrl: https://',
  );
  const missing = fields.filter(([, v]) => v === null || v === undefined).map(([k]) => k);
  const warnings = doc.diagnostics.filter((d) => d.severity === 'warning');
  const todo = [
    `核对元数据文件里每一行带“${UNCONFIRMED}”的值，确认后删去标记。`,
    '填写 provenance（来源说明，删去行首的“# ”），有网址的写上 sourceUrl。',
    ...(missing.length ? [`正文里没有读出：${missing.join('、')}。原件上有的，请在元数据文件里补上。`] : []),
    ...warnings.map((d) => `整理时的提示${d.line ? `（第 ${d.line} 行）` : ''}：${d.message}`),
    `本地预览：npm run dev，打开 http://127.0.0.1:4321/plans/${slug}/ 对照原件读一遍（章节、表格、目标）。`,
    '最后运行 npm run check，没有错误再提交。',
  ];
  return { textName, slug, sidecar: `${lines.join('\n')}\n`, doc, todo };
}

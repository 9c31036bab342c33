/**
 * The field list a government information-disclosure page prints above a document, one label or
 * value per line (corpus 10):
 *
 *     索取号 / 3589258689/2024-00028 / 载体类型 / 发布机构 / 上海市住房和城乡建设管理委员会 /
 *     文件编号 / 沪建综规〔2024〕61 号 / 记录形式 / 公开类别 / 主动公开 / 关键词 / 内容描述
 *
 * A label is followed by its value unless the next line is another label (an empty field).
 * Other sites print the same fields as "label：value" pairs, several to a line, separated by tabs
 * or spaces, their labels often letter-spaced:
 *
 *     索 引 号：11410800005749371X/2022-00123	发布机构：许昌市人民政府
 *     生成日期：2022-03-20	文　　号：许政〔2022〕8号
 *
 * Three or more labels close together make the list; a lone word such as 关键词 in a plan does
 * not. The lines leave the text (reported verbatim) and the fields are kept as provenance, where
 * the metadata step reads the document number (文件编号, 发文字号, 文号).
 */
import type { VFile } from 'vfile';
import { report } from '../messages.ts';
import type { LinesRoot } from '../types.ts';

/** Labels and whether the line after them can be their value. 内容描述 introduces the document. */
const LABELS: Record<string, boolean> = {
  索取号: true, 索引号: true, 载体类型: true, 发布机构: true, 发文机关: true, 文件编号: true, 发文字号: true,
  记录形式: true, 公开类别: true, 公开方式: true, 关键词: true, 主题分类: true, 成文日期: true, 发布日期: true,
  生效日期: true, 有效性: true, 内容描述: false, 文号: true, 生成日期: true, 公开日期: true, 信息来源: true,
  所属主题: true, 公文种类: true, 信息分类: true, 组配分类: true, 体裁分类: true, 公开范围: true, 名称: true, 标题: true,
};
const MIN_LABELS = 3;
const WINDOW = 24;

/**
 * A label and its colon at the start of a line or after a tab or space: "索 引 号：", "文　　号：",
 * "发布机构："; not "…的发布机构：" inside a sentence.
 */
const PAIR_LABEL = /(?<=^|[\t \u3000])((?:[\u4e00-\u9fff][ \u3000]*){2,5}?)[:：][\t \u3000]*/g;
const compact = (label: string) => label.replace(/[\s\u3000]+/g, '');

/** The "label：value" pairs a line is made of, or null when anything else is on it. */
function pairsOf(line: string): [string, string][] | null {
  const hits = [...line.trim().matchAll(PAIR_LABEL)].filter((m) => compact(m[1] ?? '') in LABELS);
  if (!hits.length || hits[0]?.index !== 0) return null;
  const text = line.trim();
  return hits.map((m, k) => {
    const end = (m.index ?? 0) + m[0].length;
    const next = hits[k + 1]?.index ?? text.length;
    return [compact(m[1] ?? ''), text.slice(end, next).trim()];
  });
}

/** The inline layout: lines of "label：value" pairs among the first lines, three labels at least. */
function takeInlineFields(tree: LinesRoot, file: VFile): boolean {
  const lines = tree.children;
  const first = lines.findIndex((l, i) => i < WINDOW && pairsOf(l.value) !== null);
  if (first < 0) return false;
  let end = first;
  const pairs: [string, string][] = [];
  for (let found = pairsOf(lines[end]?.value ?? ''); end < lines.length && found; found = pairsOf(lines[++end]?.value ?? '')) pairs.push(...found);
  // Labels with their values on the lines after them ("文件编号：" / "沪建综规〔2024〕61 号") are the other layout.
  if (pairs.filter(([, value]) => value).length < MIN_LABELS) return false;
  for (const line of lines.slice(first, end)) report(file, 'boilerplate', line.position, { rule: '信息公开目录' }, line.value);
  const fields = Object.fromEntries(pairs.filter(([label, value]) => LABELS[label] && value));
  file.data.provenance = { ...file.data.provenance, fields };
  tree.children = [...lines.slice(0, first), ...lines.slice(end)];
  return true;
}

export function takeCatalogueFields(tree: LinesRoot, file: VFile): void {
  if (takeInlineFields(tree, file)) return;
  const lines = tree.children;
  const isLabel = (i: number) => (lines[i]?.value ?? '').replace(/[:：]$/, '') in LABELS;
  const first = lines.findIndex((_, i) => isLabel(i));
  if (first < 0) return;
  const window = lines.slice(first, first + WINDOW).filter((_, k) => isLabel(first + k)).length;
  if (window < MIN_LABELS) return;
  const fields: Record<string, string> = {};
  let i = first;
  while (i < lines.length && isLabel(i)) {
    const label = (lines[i]?.value ?? '').replace(/[:：]$/, '');
    report(file, 'boilerplate', lines[i]?.position, { rule: '信息公开目录' }, lines[i]?.value);
    const value = lines[i + 1];
    if (LABELS[label] && value && !isLabel(i + 1) && value.value.length <= 60 && !/[。；]/.test(value.value)) {
      fields[label] = value.value;
      report(file, 'boilerplate', value.position, { rule: '信息公开目录' }, value.value);
      i += 2;
    } else {
      i += 1;
    }
  }
  file.data.provenance = { ...file.data.provenance, fields };
  tree.children = [...lines.slice(0, first), ...lines.slice(i)];
}

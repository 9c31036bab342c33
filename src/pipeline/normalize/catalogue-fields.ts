/**
 * The field list a government information-disclosure page prints above a document, one label or
 * value per line (corpus 10):
 *
 *     索取号 / 3589258689/2024-00028 / 载体类型 / 发布机构 / 上海市住房和城乡建设管理委员会 /
 *     文件编号 / 沪建综规〔2024〕61 号 / 记录形式 / 公开类别 / 主动公开 / 关键词 / 内容描述
 *
 * A label is followed by its value unless the next line is another label (an empty field).
 * Three or more labels close together make the list; a lone word such as 关键词 in a plan does
 * not. The lines leave the text (reported verbatim) and the fields are kept as provenance, where
 * the metadata step reads 文件编号 and 发布机构.
 */
import type { VFile } from 'vfile';
import { report } from '../messages.ts';
import type { LinesRoot } from '../types.ts';

/** Labels and whether the line after them can be their value. 内容描述 introduces the document. */
const LABELS: Record<string, boolean> = {
  索取号: true, 索引号: true, 载体类型: true, 发布机构: true, 发文机关: true, 文件编号: true, 发文字号: true,
  记录形式: true, 公开类别: true, 公开方式: true, 关键词: true, 主题分类: true, 成文日期: true, 发布日期: true,
  生效日期: true, 有效性: true, 内容描述: false,
};
const MIN_LABELS = 3;
const WINDOW = 24;

export function takeCatalogueFields(tree: LinesRoot, file: VFile): void {
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

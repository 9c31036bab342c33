/**
 * Plans pasted from Markdown carry its syntax. Headings lose their `#` marks (the numbering
 * marker, not the `#`, decides the level), `**bold**` lead sentences lose their asterisks, and
 * pipe-table rows are split into cells:
 *
 *     ## 一、总体要求            → 一、总体要求
 *     **推进全民环境监督。**……   → 推进全民环境监督。……
 *     | 指标 | 2025年 |           → a table row with cells 指标, 2025年
 *     |------|--------|           → dropped (alignment row, no text)
 */
import type { VFile } from 'vfile';
import { report } from '../messages.ts';
import type { LinesRoot } from '../types.ts';

const HEADING = /^(#{1,6})\s+(.*?)\s*#*$/;
const BOLD = /\*\*([^*\n]+?)\*\*|__([^_\n]+?)__/g;
const TABLE_ROW = /^\|(.*)\|$/;
const ALIGN_ROW = /^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$/;

export function markdownSyntax() {
  return (tree: LinesRoot, file: VFile) => {
    // Only text that shows Markdown habits is treated as Markdown: a `#` heading or a pipe table.
    const isMarkdown = tree.children.some((l) => HEADING.test(l.value) || ALIGN_ROW.test(l.value));
    if (!isMarkdown) return;
    tree.children = tree.children.filter((node) => {
      if (ALIGN_ROW.test(node.value)) {
        report(file, 'markdown-syntax', node.position, { what: '表格对齐行' });
        return false;
      }
      const heading = HEADING.exec(node.value);
      if (heading) {
        node.value = heading[2] ?? '';
        node.data = { ...node.data, markdownHeading: heading[1]?.length ?? 1 };
        report(file, 'markdown-syntax', node.position, { what: '标题井号' });
      }
      const row = TABLE_ROW.exec(node.value);
      if (row) node.data = { ...node.data, tableCells: (row[1] ?? '').split('|').map((c) => c.trim()) };
      if (BOLD.test(node.value)) {
        node.value = node.value.replace(BOLD, (_, a?: string, b?: string) => a ?? b ?? '');
        report(file, 'markdown-syntax', node.position, { what: '粗体星号' });
      }
      BOLD.lastIndex = 0;
      return node.value !== '';
    });
  };
}

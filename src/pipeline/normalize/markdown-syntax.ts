/**
 * Plans pasted from Markdown carry its syntax. Headings lose their `#` marks (the numbering
 * marker, not the `#`, decides the level), `**bold**` lead sentences lose their asterisks, and
 * pipe-table rows are split into cells:
 *
 *     ## 一、总体要求            → 一、总体要求
 *     **推进全民环境监督。**……   → 推进全民环境监督。……
 *     | 指标 | 2025年 |           → a table row with cells 指标, 2025年
 *     |------|--------|           → dropped (alignment row, no text)
 *     > 专栏1 重点工程           → 专栏1 重点工程 (a quoted block is the plan's text)
 *     详见[附件1](http://…/a1.pdf)              → 详见附件1 (the address kept in the diagnostic)
 *     ![图1 分区管控图](http://…/map1.png)      → 图1 分区管控图 (its description; the picture is
 *                                                 not reproduced, its address is in the diagnostic)
 */
import type { VFile } from 'vfile';
import { report } from '../messages.ts';
import type { LinesRoot } from '../types.ts';

const HEADING = /^(#{1,6})\s+(.*?)\s*#*$/;
const BOLD = /\*\*([^*\n]+?)\*\*|__([^_\n]+?)__/g;
/** A line that opens with a bold run: "**一、总体要求**", "**（一）强化组织领导。**各级…". */
const BOLD_OPENING = /^\*\*[^*\n]+\*\*/;
// Single stars stay: in a plan they mark notes ("带*的为约束性指标"), not emphasis.
const TABLE_ROW = /^\|(.*)\|$/;
const ALIGN_ROW = /^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$/;
const QUOTE = /^>\s?/;
const IMAGE = /!\[([^\]]*)\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g;
const LINK = /(?<!!)\[([^\]]+)\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g;

export function markdownSyntax() {
  return (tree: LinesRoot, file: VFile) => {
    // Only text that shows Markdown habits is treated as Markdown: a `#` heading, a pipe table, or
    // lines that open in bold ("**一、总体要求**", "**推进全民环境监督。**……") more than once.
    const isMarkdown = tree.children.some((l) => HEADING.test(l.value) || ALIGN_ROW.test(l.value))
      || tree.children.filter((l) => BOLD_OPENING.test(l.value)).length >= 2;
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
      if (QUOTE.test(node.value) && !node.data?.tableCells) {
        node.value = node.value.replace(QUOTE, '');
        report(file, 'markdown-syntax', node.position, { what: '引用符号 >' });
      }
      for (const [all, alt, url] of node.value.matchAll(IMAGE)) {
        report(file, 'markdown-syntax', node.position, { what: `图片（${url}）` }, all);
        // Nothing is added to the plan's words: the description stands alone, as printed.
        node.value = node.value.replace(all, () => alt ?? '');
      }
      for (const [all, text, url] of node.value.matchAll(LINK)) {
        report(file, 'markdown-syntax', node.position, { what: `链接（${url}）` }, all);
        node.value = node.value.replace(all, () => text ?? '');
      }
      node.value = node.value.trim();
      return node.value !== '';
    });
  };
}

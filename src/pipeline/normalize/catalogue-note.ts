/**
 * The note a catalogue puts above the text it copied, as a Markdown quote block:
 *
 *     > 本文正文由脚本自上海市官方公开页面提取，仅供检索查阅；以[官方链接](https://www.shanghai.gov.cn/…)发布版本为准。&siteId=0085
 *     > 依《中华人民共和国著作权法》第五条第一项，具有立法、行政、司法性质的文件不适用著作权法。
 *
 * It is about the copy, not part of the plan: it leaves the text (reported, with the removed text)
 * and becomes the plan's provenance note with its link (file.data.provenance), shown apart from
 * the plan. Only a quote block at the top of the text that speaks of where the text came from is
 * taken; a quotation inside a plan stays where it is.
 */
import type { VFile } from 'vfile';
import { report } from '../messages.ts';
import type { LinesRoot } from '../types.ts';

const QUOTE = /^>\s?/;
/** Words a copy note uses: 提取, 仅供, 以…为准, 官方链接, 著作权, 来源, 转载 */
const ABOUT_THE_COPY = /提取|仅供|为准|官方链接|原文链接|著作权|来源[:：]|转载/;
const LINK = /\[([^\]]*)\]\((https?:\/\/[^)\s]+)\)/g;

export function catalogueNote() {
  return (tree: LinesRoot, file: VFile) => {
    const lines = tree.children;
    // The block must open within the first three lines (a title line may stand above it).
    const start = lines.findIndex((l, i) => i < 3 && QUOTE.test(l.value));
    if (start < 0) return;
    let end = start;
    while (end < lines.length && QUOTE.test(lines[end]?.value ?? '')) end++;
    const block = lines.slice(start, end);
    const text = block.map((l) => l.value.replace(QUOTE, '')).join('\n');
    if (!ABOUT_THE_COPY.test(text)) return;
    let url: string | undefined;
    const note = text.replace(LINK, (_, label: string, href: string) => {
      url ??= href;
      return label;
    });
    // A link's query string that spilled out of it ("…为准。&siteId=0085") is not part of the note.
    const clean = note.replace(/(?<=[。.])&\w+=[^\s。，]*$/gm, '');
    file.data.provenance = { ...file.data.provenance, note: clean, ...(url ? { url } : {}) };
    for (const l of block) report(file, 'catalogue-note', l.position, { what: '目录网站的来源说明' }, l.value);
    tree.children = [...lines.slice(0, start), ...lines.slice(end)];
  };
}

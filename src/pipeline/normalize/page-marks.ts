/**
 * Newspaper page-continuation marks and printed page numbers:
 *
 *     (下转第五版)   （上接第三版）   （紧接第4版）   — 12 —   - 3 -   第 3 页 共 22 页
 *
 * A mark on its own line is removed; a mark inside a line is cut out of it.
 */
import type { VFile } from 'vfile';
import { report } from '../messages.ts';
import type { LinesRoot } from '../types.ts';

const CONTINUATION = /[（(]\s*(下转|上接|紧接|转|接)第?\s*[0-9一二三四五六七八九十]+\s*(版|页|面)\s*[）)]/g;
const PAGE_NUMBER = /^([-—－]\s*\d{1,4}\s*[-—－]|第\s*\d+\s*页(\s*[,，/]?\s*共\s*\d+\s*页)?)$/;

export function pageMarks() {
  return (tree: LinesRoot, file: VFile) => {
    tree.children = tree.children.filter((node) => {
      if (PAGE_NUMBER.test(node.value)) {
        report(file, 'page-mark', node.position, {}, node.value);
        return false;
      }
      const marks = node.value.match(CONTINUATION);
      if (!marks) return true;
      for (const m of marks) report(file, 'page-mark', node.position, {}, m);
      node.value = node.value.replace(CONTINUATION, '').trim();
      return node.value !== '';
    });
  };
}

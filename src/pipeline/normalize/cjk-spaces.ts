/**
 * DOCX and PDF extraction leaves a space wherever the printed line wrapped, often inside a word:
 *
 *     "深入打好污染 防治攻坚战"   "细 颗粒物(PM2.5)"   "优于 93.3%"   "X 江-黄塘溪"
 *
 * A line shows this damage when it has several such spaces (3 or more, at least one per 120
 * characters). Only there are spaces next to a Chinese character or Chinese punctuation removed.
 * Spaces between Latin words or numbers ("PM2.5 and O3", "1 .") stay, and so does a lone space
 * in a short line, where it separates names: "中共许昌市委 许昌市人民政府".
 *
 * A heading letter-spaced to fill its line, alone or after its chapter number, closes up:
 * "总　　则", "第一章　总　　则", "附　则", "目　录" → 总则, 第一章　总则, 附则, 目录 (the spacing is
 * typesetting; spaced, the words are not found by search nor read as 目录).
 */
import type { VFile } from 'vfile';
import { report } from '../messages.ts';
import { CJK_PUNCT, HAN } from '../text/cjk.ts';
import type { LinesRoot } from '../types.ts';

const CJKISH = `${HAN}${CJK_PUNCT},.;:!?()%`;
/** A run of spaces with a Chinese character or mark on at least one side. */
const INNER = new RegExp(`(?<=[${HAN}${CJK_PUNCT}])[ \\u00a0]+(?=[${CJKISH}\\w])|(?<=[${CJKISH}\\w])[ \\u00a0]+(?=[${HAN}${CJK_PUNCT}])`, 'g');
const BETWEEN_HAN = new RegExp(`[${HAN}][ \\u00a0]+[${HAN}]`, 'g');
/** Two to five single characters with spaces between them, alone or after 第X篇/章/节/部分. */
const LETTER_SPACED = new RegExp(`^((?:第[^\\s\\u3000]{1,6}[篇章节]|第[^\\s\\u3000]{1,6}部分)[ \\u00a0\\u3000]+)?((?:[${HAN}][ \\u00a0\\u3000]+){1,4}[${HAN}])$`);

export function cjkSpaces() {
  return (tree: LinesRoot, file: VFile) => {
    for (const node of tree.children) {
      const spaced = LETTER_SPACED.exec(node.value.trim());
      if (spaced?.[2]) {
        node.value = `${spaced[1] ?? ''}${spaced[2].replace(/[ \u00a0\u3000]+/g, '')}`;
        report(file, 'cjk-space', node.position, { count: spaced[2].length - spaced[2].replace(/[ \u00a0\u3000]+/g, '').length });
        continue;
      }
      const hanGaps = node.value.match(BETWEEN_HAN)?.length ?? 0;
      if (hanGaps < 3 || hanGaps * 120 < node.value.length) continue;
      let count = 0;
      node.value = node.value.replace(INNER, (gap, offset: number, whole: string) => {
        // Keep the space of a numbering marker printed as "1 ." and between two digits.
        const before = whole[offset - 1] ?? '';
        const after = whole[offset + gap.length] ?? '';
        if (/\d/.test(before) && /[.．]/.test(after)) return gap;
        count++;
        return '';
      });
      if (count) report(file, 'cjk-space', node.position, { count });
    }
  };
}

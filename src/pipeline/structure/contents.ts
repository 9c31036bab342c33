/**
 * A table of contents printed before the text (corpus 06): "目录" and the headings it lists, each
 * of which appears again below as the heading itself.
 *
 *     目录 / 1 总则 / 1.1 编制目的 / 1.2 编制依据 / … / 5 应急保障
 *
 * Word prints its contents with dot leaders and page numbers instead ("一、总体要求……………………3",
 * "第二章 主要任务.........12"): such a line is an entry by its look alone.
 *
 * It is navigation, not content: it leaves the text, reported with its lines. Only a list whose
 * every entry is printed again later, or carries leaders and a page number, is taken; otherwise
 * the lines stay.
 */
import type { VFile } from 'vfile';
import { report } from '../messages.ts';
import type { LineNode } from '../types.ts';

const CONTENTS = /^目\s*录$/;
const MIN_ENTRIES = 3;
/** Dot leaders and a page number at the end of an entry: "……………………3", ".........12", "·····5". */
const LEADERS = /(?:[.…·．。_\-—]\s*){3,}\s*\d{1,3}$/;

export function takeContents(lines: LineNode[], file: VFile): LineNode[] {
  const at = lines.findIndex((l, i) => (i < 10 || LEADERS.test(lines[i + 1]?.value ?? '')) && CONTENTS.test(l.value));
  if (at < 0) return lines;
  let end = at + 1;
  const later = (i: number) => lines.slice(i + 1).some((l) => l.value === lines[i]?.value);
  const entry = (i: number) => LEADERS.test(lines[i]?.value ?? '') || ((lines[i]?.value.length ?? 99) <= 40 && later(i));
  while (end < lines.length && entry(end)) end++;
  if (end - at - 1 < MIN_ENTRIES) return lines;
  for (const l of lines.slice(at, end)) report(file, 'navigation', l.position, { what: '目录' }, l.value);
  return [...lines.slice(0, at), ...lines.slice(end)];
}

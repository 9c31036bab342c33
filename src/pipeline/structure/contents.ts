/**
 * A table of contents printed before the text (corpus 06): "目录" and the headings it lists, each
 * of which appears again below as the heading itself.
 *
 *     目录 / 1 总则 / 1.1 编制目的 / 1.2 编制依据 / … / 5 应急保障
 *
 * It is navigation, not content: it leaves the text, reported with its lines. Only a list whose
 * every entry is printed again later is taken; otherwise the lines stay.
 */
import type { VFile } from 'vfile';
import { report } from '../messages.ts';
import type { LineNode } from '../types.ts';

const CONTENTS = /^目\s*录$/;
const MIN_ENTRIES = 3;

export function takeContents(lines: LineNode[], file: VFile): LineNode[] {
  const at = lines.findIndex((l, i) => i < 10 && CONTENTS.test(l.value));
  if (at < 0) return lines;
  let end = at + 1;
  const later = (i: number) => lines.slice(i + 1).some((l) => l.value === lines[i]?.value);
  while (end < lines.length && (lines[end]?.value.length ?? 99) <= 40 && later(end)) end++;
  if (end - at - 1 < MIN_ENTRIES) return lines;
  for (const l of lines.slice(at, end)) report(file, 'navigation', l.position, { what: '目录' }, l.value);
  return [...lines.slice(0, at), ...lines.slice(end)];
}

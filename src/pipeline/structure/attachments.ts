/**
 * Attachments (附件) after the plan's body, each its own part with its title:
 *
 *     附件                     ← a bare label, then the title, then the body (a table, a list …)
 *     赵巷镇农村生活污水处理设施运行维护考核评分表
 *
 *     附件1.1：  /  附表：      ← the same, with a number or a colon
 *
 *     附件：普陀区水务“十五五”重点项目清单     ← label and title on one line, the title printed
 *     普陀区水务“十五五”重点项目清单            again above the body
 *
 * An attachment list without bodies ("附件：" followed by "1.上海市零碳园区建设基本条件" …, or
 * "附件：X" followed soon by the bare label that opens X) stays in the body as a list.
 */
import { wordsOnly } from '../text/cjk.ts';
import type { LineNode } from '../types.ts';

/** "附件", "附件1", "附件 2：", "附件1.1：", "附表：", "附件一" */
const BARE = /^附\s*[件表]\s*([0-9一二三四五六七八九十]+(?:[.．-]\d+)*)?\s*[:：]?$/;
/** "附件：普陀区水务“十五五”重点项目清单", "附件2：2024年海绵城市示范项目汇总表" */
const INLINE = /^附\s*[件表]\s*([0-9一二三四五六七八九十]+(?:[.．-]\d+)*)?\s*[:：]\s*(\S.{1,80})$/;
/** A list item under "附件：": "1.上海市…", "1.1   2025年…", "2、…" */
const LIST_ITEM = /^\d{1,2}(?:\s*[.．、]|\.\d{1,2}\s)\s*\S/;
const TITLE_MAX = 80;

export interface Attachment {
  /** The label as printed, without its colon: "附件", "附件1.1", "附表". */
  label: string;
  title: string;
  /** Lines of the label and title, kept so that no text is lost. */
  head: LineNode[];
  body: LineNode[];
}

export function splitAttachments(lines: LineNode[]): { main: LineNode[]; attachments: Attachment[] } {
  const starts: { at: number; label: string; title: string; headLength: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const value = lines[i]?.value ?? '';
    // The title of an attachment that is a table was read as the table's caption.
    const nextTable = lines[i + 1]?.data?.table;
    const next = nextTable?.caption ?? lines[i + 1]?.value ?? '';
    if (nextTable && nextTable.caption && (BARE.test(value) || wordsOnly(INLINE.exec(value)?.[2] ?? '') === wordsOnly(nextTable.caption))) {
      const bare = BARE.test(value);
      starts.push({ at: bare ? i : i + 1, label: value.replace(/[:：].*$/, '').trim(), title: nextTable.caption, headLength: bare ? 1 : 0 });
      continue;
    }
    const bare = BARE.exec(value);
    if (bare && next && !LIST_ITEM.test(next) && next.length <= TITLE_MAX && !/[。；]/.test(next) && !BARE.test(next)) {
      starts.push({ at: i, label: value.replace(/[:：]$/, '').trim(), title: next, headLength: 2 });
      i++;
      continue;
    }
    const inline = INLINE.exec(value);
    // The title printed again right below "附件：X" opens the attachment X.
    if (inline?.[2] && wordsOnly(next) === wordsOnly(inline[2]) && !BARE.test(lines[i + 2]?.value ?? '')) {
      starts.push({ at: i + 1, label: value.replace(/[:：].*$/, '').trim(), title: next, headLength: 1 });
      i++;
    }
  }
  if (!starts.length) return { main: lines, attachments: [] };
  const attachments = starts.map((s, n) => {
    const end = starts[n + 1]?.at ?? lines.length;
    return { label: s.label, title: s.title, head: lines.slice(s.at, s.at + s.headLength), body: lines.slice(s.at + s.headLength, end) };
  });
  return { main: lines.slice(0, starts[0]?.at ?? lines.length), attachments };
}

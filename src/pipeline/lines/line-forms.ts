/**
 * The shapes of single lines that tell build-tree.ts what a line is, beyond its numbering marker
 * (markers.ts): lists that are not the plan's numbering (attachments, notes), bracketed titles,
 * bullets, a task's opening clause, a foreword, enumeration items. Each with the text it matches.
 */
import type { MarkerFamily } from './markers.ts';

/**
 * Lines that open a numbered list which is not the plan's numbering: "附件：1．…" (the attachments),
 * "注：1.指标值为全市平均值。" or a lone "注：" (notes under a table). The "2．…" lines after them
 * belong to that list (a note's "2." only while no task of the plan would be "2." too).
 */
export const ATTACHMENTS = /^附\s*件\s*[:：]/;
export const NOTES = /^注\s*[:：]\s*(?:$|[(（]?1\s*[)）.．、])/;

/**
 * "【推进柴油货车治理】全面实施国六排放标准。" — a title in lenticular brackets run into its text,
 * as web editions of plans print their task titles: the title names the item or leads the paragraph.
 * Words, not "【2024】12号" or the label "【责任单位】"; a deep item (①, （1）) stays an item of its list.
 */
export const BRACKET_LEAD = /^【(?!(?:责任|牵头|配合)(?:单位|部门|主体)】)([^【】\n]{0,28}[\u4e00-\u9fff][^【】\n]{0,28})】[\s\u3000]*(?=\S)/;
/**
 * A bulleted line, an item of a list: "●加强柴油货车治理。", "• 推进VOCs治理", "■ 加强监测",
 * "➢ 开展专项执法", "✅ 强化…" (a WeChat article), Markdown's "- 推进…". Not the marks plans give
 * notes and forms: "★为约束性指标", "* 为约束性指标", "□是 □否", "○二五年" (a year broken over a
 * line), "- 5℃以下". The bullet is kept as the item's marker, as printed.
 */
const BULLET_MARKS = '●•■◆▪▶►➢◇◎✅☑✔';
const BULLET = new RegExp(`^([${BULLET_MARKS}]|-(?=[\\s\\u3000]+[^\\s\\u3000\\d]))[\\s\\u3000]*(?=\\S)`);
export const isBullet = (marker: string | null | undefined) => marker === '-' || (marker?.length === 1 && BULLET_MARKS.includes(marker));
/** A bulleted line as a list item's marker and text ("● 推进…" → "●", "推进…"), or null. */
export function bulletItem(line: string): { raw: string; rest: string } | null {
  const m = BULLET.exec(line);
  return m?.[1] ? { raw: m[1], rest: line.slice(m[0].length) } : null;
}
/** A task's opening clause, a verb and its object before the first comma: "强化扬尘管控，". */
export const TASK_CLAUSE = /^((?:推进|推动|实施|强化|开展|加快|加强|完善|深化|严格|建立|健全|落实|提升|提高|巩固|优化|构建|打造|建设|组织|探索|促进|实行|抓好|做好|拓宽|扩大|规范|保障|确保|统筹|整治|治理|防范|保护|修复|培育|引导|鼓励|支持|发展|控制|减少|削减|淘汰|创建|持续|全面|深入|着力|大力|积极|有序|稳步)[^，,。；：:\d]{2,16})[，,]\s*/;
/** A foreword's heading, printed without a number: "前言", "前  言", "序言", "引言". */
export const FOREWORD = /^(?:前\s*言|序\s*言|引\s*言|导\s*言)$/;

/** An item of an enumeration, which no heading is: it ends in a semicolon ("…达到72%（约束性）；"). */
export const ENUMERATION_ITEM = /[；;]\s*$/;
/** Deep items with no short lead read better as a list than as headings: "（1）到2025年，…。" */
export const LIST_FAMILIES: MarkerFamily[] = ['arabic-paren', 'arabic-half', 'circled'];
export const ENUMERATION_FAMILIES: MarkerFamily[] = ['cn-paren', 'arabic', ...LIST_FAMILIES];
/** One whole sentence of 16 characters or more, with a comma inside: a statement, not a title. */
export const SENTENCE_ITEM = /^[^。！？；]{8,}[，,][^。！？；]{4,}。$/;

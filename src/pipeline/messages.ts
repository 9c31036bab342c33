/**
 * The catalogue of diagnostics. Every repair and removal the pipeline makes is reported with one of
 * these codes, the source line, and a message in Chinese that says what happened and, for
 * warnings, what the author of the text can do about it.
 */
import type { VFile } from 'vfile';
import type { Point, Position } from 'unist';

interface Entry {
  severity: 'info' | 'warning';
  /** Message template; {x} placeholders are filled from the details object. */
  text: string;
  hint?: string;
}

export const messages = {
  'front-matter': { severity: 'info', text: '读取并移除了文首的元数据块（front matter）：{keys}。' },
  'boilerplate': { severity: 'info', text: '移除了网页或下载站的附加内容（{rule}）。' },
  'page-mark': { severity: 'info', text: '移除了报纸转版标记或页码。' },
  'running-head': { severity: 'info', text: '移除了每页重复的页眉或页脚：“{excerpt}”（紧挨页码，出现 {count} 次）。' },
  'cjk-space': { severity: 'info', text: '删除了提取时插入汉字之间的 {count} 个空格。' },
  'ocr-slip': { severity: 'info', text: '修正了识别错误：“{from}”→“{to}”。' },
  'unit-spelling': { severity: 'info', text: '统一了单位写法：“{from}”→“{to}”。' },
  'character-forms': { severity: 'info', text: '把 {changed} 个全角数字和字母改为半角，删除了 {removed} 个看不见的字符（零宽空格等）；从这一行起。' },
  'joined-lines': { severity: 'info', text: '把被断开的段落重新接上（第 {next} 行接在本行之后）。' },
  'inline-heading': { severity: 'info', text: '在一整行中识别出 {count} 个内嵌的标题编号，已分段。' },
  'duplicate-passage': {
    severity: 'info',
    text: '删除了重复印刷的一段文字（{length} 字，与第 {other} 行相同）：“{excerpt}”。',
  },
  'markup': { severity: 'info', text: '去掉了网页标记（{what}），按其表示的分段排版。' },
  'portal-chrome': { severity: 'info', text: '移除了政府网站页面的页眉或页脚（{count} 行）：“{excerpt}”。' },
  'navigation': { severity: 'info', text: '移除了网页的导航内容（{what}）。' },
  'catalogue-note': { severity: 'info', text: '把{what}移到了“来源”说明，不算正文。' },
  'markdown-syntax': { severity: 'info', text: '去掉了 Markdown 标记（{what}）。' },
  'notice': { severity: 'info', text: '识别出印发通知，所印发的文件是《{title}》；通知单独显示，元数据取自通知。' },
  'plan-as-attachment': { severity: 'info', text: '通知印发的《{title}》排在“{label}”之下，它就是规划正文：标题作为规划标题，正文按规划显示，不作附件。' },
  'meta-conflict': {
    severity: 'warning',
    text: '目录信息的“{field}”是“{catalogue}”，正文写的是“{text}”，以正文为准。',
    hint: '如正文确有错误，请在元数据文件中写明该字段。',
  },
  'masthead': { severity: 'info', text: '识别为文件标题区（{role}）：“{excerpt}”。' },
  'marker-alone': { severity: 'info', text: '编号“{number}”单独成行，已与下一行的标题合并。' },
  'numbering-gap': {
    severity: 'warning',
    text: '编号不连续：“{number}”之前应为“{expected}”。',
    hint: '请核对原文是否缺段；如原文如此，可忽略。',
  },
  'numbering-start': {
    severity: 'warning',
    text: '文本从“{number}”开始，前面的部分不在本文件中（可能是节选）。',
  },
  'table': { severity: 'info', text: '把逐格排列的表格重建为 {rows} 行 × {cols} 列。' },
  'table-header-repeated': { severity: 'info', text: '表格的表头在换页后重复印了一次，已只保留一次。' },
  'empty-document': {
    severity: 'warning',
    text: '去掉附加内容后没有剩下正文。',
    hint: '请检查文件是否为规划全文，或是否整篇都是网页导航等内容。',
  },
  'channels-vocabulary': {
    severity: 'warning',
    text: '参与渠道词表 content/channel-kinds.yaml 有误，本文件没有提取参与渠道：{problems}',
    hint: '请按提示修改该 YAML 文件后重新构建。',
  },
  'sidecar-invalid': {
    severity: 'warning',
    text: '元数据文件 {file} 有误：{problem}。已改用从正文推断的元数据。',
    hint: '请按 README 的“元数据文件”一节修改该 YAML 文件。',
  },
  'goal-made': { severity: 'info', text: '“{number}”读作目标：{indicator}（规则 {rule}：{says}）。' },
  'goal-requirement': { severity: 'info', text: '“{number}”是对企业、工地或设施的要求，不作为本地目标比较（规则 {rule}：{says}）。' },
  'goal-rejected': { severity: 'info', text: '“{number}”不是目标（规则 {rule}：{says}）。' },
} satisfies Record<string, Entry>;

/** The goal reader's decisions (one per number it read): not repairs of the text. */
export const DECISION_CODES: ReadonlySet<string> = new Set(['goal-made', 'goal-requirement', 'goal-rejected']);

/** A diagnostic that records a removal or repair of the text (not a warning, not a reading decision). */
export const isRepair = (d: { code: string; severity?: string }): boolean => d.severity !== 'warning' && !DECISION_CODES.has(d.code);

export type MessageCode = keyof typeof messages;

export function formatMessage(code: MessageCode, details: Record<string, string | number> = {}): string {
  const entry: Entry = messages[code];
  const text = entry.text.replace(/\{(\w+)\}/g, (_, key: string) => String(details[key] ?? ''));
  return entry.hint ? `${text}${entry.hint}` : text;
}

/** Report a diagnostic on the file, at a place in the original source. */
export function report(
  file: VFile,
  code: MessageCode,
  place: Position | Point | undefined,
  details: Record<string, string | number> = {},
  removed?: string,
): void {
  const entry: Entry = messages[code];
  const message = file.message(formatMessage(code, details), { place, ruleId: code, source: 'plan' });
  message.fatal = entry.severity === 'warning' ? false : undefined;
  // Removed text is kept in the document's diagnostics (as `removed`), never silently lost, but
  // it is not part of the message, so pages that list the repairs do not reprint the boilerplate.
  if (removed !== undefined) message.actual = removed;
}

/** A short excerpt of text for a message, so that long removals stay readable. */
export function excerpt(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/**
 * The title block a plan opens with, kept verbatim and labelled:
 *
 *     中共许昌市委 许昌市人民政府                         issuer
 *     关于全面加强生态环境保护坚决打好污染防治攻坚战的意见    title
 *     (2018年11月5日)                                    date
 *     宁政发〔2022〕12号                                  doc-number
 *
 * and the title a download site runs into the first sentence (seed 001):
 *
 *     "XXXX投资区深入打好污染防治攻坚战实施方案为深入贯彻落实…" → title + body line
 */
import type { VFile } from 'vfile';
import { excerpt, report } from '../messages.ts';
import type { LineNode, MastheadLine } from '../types.ts';
import { matchMarker } from './markers.ts';

const KIND = '(?:实施方案|工作方案|行动方案|方案|规划纲要|规划|实施意见|指导意见|意见|行动计划|工作要点|计划|通知|决定|办法|纲要)';
const TITLE = new RegExp(`^(?:[（(][^）)]{2,8}[）)])?[《“"]?.{2,80}${KIND}[》”"]?(?:[（(][^）)]{0,30}[）)])?$`);
const TITLE_ABOUT = /^关于.{4,80}$/;
const ORG = '(?:中共\\S{1,20}?委(?:员会)?|\\S{1,20}?(?:人民政府|办公室|办公厅|管委会|管理委员会|工作委员会|党工委|生态环境局|委员会))';
const ISSUER = new RegExp(`^${ORG}(?:[\\s\\u3000、]+${ORG})*$`);
const DATE = /^[（(]?\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?[）)]?$/;
const DOC_NUMBER = /^\S{1,10}〔\d{4}〕\s*\d+\s*号$/;
const INLINE_TITLE = new RegExp(`^(.{4,60}?${KIND})(?=为|根据|按照|近年来|当前|为了)`);

function roleOf(text: string): MastheadLine['role'] | null {
  if (text.length > 90 || /[。；]/.test(text) || matchMarker(text)) return null;
  if (DATE.test(text)) return 'date';
  if (DOC_NUMBER.test(text)) return 'doc-number';
  if (ISSUER.test(text)) return 'issuer';
  if (TITLE.test(text) || TITLE_ABOUT.test(text)) return 'title';
  return null;
}

/** Take the masthead off the front of the lines. Returns the masthead and the remaining lines. */
export function takeMasthead(lines: LineNode[], file: VFile): { masthead: MastheadLine[]; body: LineNode[] } {
  const masthead: MastheadLine[] = [];
  let i = 0;
  for (; i < lines.length && i < 10; i++) {
    const node = lines[i] as LineNode;
    const role = roleOf(node.value);
    if (!role) break;
    masthead.push({ role, text: node.value, line: node.position.start.line });
    report(file, 'masthead', node.position, { role, excerpt: excerpt(node.value) });
  }
  const body = lines.slice(i);
  const first = body[0];
  if (first && !masthead.some((m) => m.role === 'title')) {
    const m = INLINE_TITLE.exec(first.value);
    if (m?.[1]) {
      masthead.push({ role: 'title', text: m[1], line: first.position.start.line });
      report(file, 'masthead', first.position, { role: 'title', excerpt: m[1] });
      body[0] = { ...first, value: first.value.slice(m[1].length) };
    }
  }
  return { masthead, body };
}

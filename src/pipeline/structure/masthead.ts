/**
 * The title block a plan opens with, kept verbatim and labelled:
 *
 *     中共许昌市委 许昌市人民政府                         issuer
 *     关于全面加强生态环境保护坚决打好污染防治攻坚战的意见    title
 *     (2018年11月5日)                                    date
 *     宁政发〔2022〕12号                                  doc-number
 *     各区人民政府，市政府各委、办、局：                    addressee
 *
 * A title broken over two lines is one title ("虹口区生活垃圾全程分类体系建设" + "三年行动计划
 * （2018—2020年）"); after a cover notice the title is the one the notice encloses. The title a
 * download site runs into the first sentence (seed 001) is cut off it:
 *
 *     "XXXX投资区深入打好污染防治攻坚战实施方案为深入贯彻落实…" → title + body line
 *
 * A file name or an attachment label ("附件1-5") is never a title.
 */
import type { VFile } from 'vfile';
import { excerpt, report } from '../messages.ts';
import { wordsOnly } from '../text/cjk.ts';
import type { LineNode, MastheadLine } from '../types.ts';
import { matchMarker } from '../lines/markers.ts';
import { ADDRESSEE, DATE_LINE, DOC_NUMBER, isOrgLine } from '../lines/official-lines.ts';

export const KIND = '(?:实施方案|工作方案|行动方案|方案|规划纲要|规划|实施意见|指导意见|意见|行动计划|三年行动计划|工作要点|计划|通知|决定|办法|纲要|条例|实施细则|细则|规定|预案|应急预案|函|通告|公告)';
const TITLE = new RegExp(`^(?:[（(][^）)]{2,8}[）)])?[《“"]?.{2,80}${KIND}[》”"]?(?:[（(][^）)]{0,30}[）)])?[》]?$`);
const TITLE_ABOUT = /^关于.{4,80}$/;
const INLINE_TITLE = new RegExp(`^(.{4,60}?${KIND})(?=为|根据|按照|近年来|当前|为了)`);
const NOT_A_TITLE = /^附\s*[件表]|\.(?:docx?|pdf|wps|xlsx?)$/i;

function roleOf(text: string): MastheadLine['role'] | null {
  if (text.length > 150 || /[。；]/.test(text) || matchMarker(text) || NOT_A_TITLE.test(text)) return null;
  if (DATE_LINE.test(text)) return 'date';
  if (DOC_NUMBER.test(text)) return 'doc-number';
  if (ADDRESSEE.test(text)) return 'addressee';
  if (text.length > 90) return null;
  if (isOrgLine(text)) return 'issuer';
  if (TITLE.test(text) || TITLE_ABOUT.test(text)) return 'title';
  return null;
}

/** Take the masthead off the front of the lines. Returns the masthead and the remaining lines. */
export function takeMasthead(lines: LineNode[], file: VFile, enclosed?: string): { masthead: MastheadLine[]; body: LineNode[] } {
  const masthead: MastheadLine[] = [];
  const push = (role: MastheadLine['role'], node: LineNode, text = node.value) => {
    masthead.push({ role, text, line: node.position.start.line });
    report(file, 'masthead', node.position, { role, excerpt: excerpt(text) });
  };
  let i = 0;
  for (; i < lines.length && i < 10; i++) {
    const node = lines[i] as LineNode;
    const span = titleSpan(lines, i, enclosed);
    if (span > 0) {
      // One title broken over lines is one title line of the masthead.
      push('title', node, lines.slice(i, i + span).map((l) => l.value).join(''));
      i += span - 1;
      continue;
    }
    const role = roleOf(node.value);
    if (!role) break;
    push(role, node);
  }
  const body = lines.slice(i);
  const first = body[0];
  if (first && !masthead.some((m) => m.role === 'title')) {
    const m = INLINE_TITLE.exec(first.value);
    if (m?.[1]) {
      push('title', first, m[1]);
      body[0] = { ...first, value: first.value.slice(m[1].length) };
    }
  }
  return { masthead, body };
}

/**
 * How many lines from lines[i] make the title: the enclosed title of a notice, or a title broken
 * over two or three lines; 0 when lines[i] starts no title of more than one line.
 */
function titleSpan(lines: LineNode[], i: number, enclosed?: string): number {
  const want = enclosed ? wordsOnly(enclosed) : '';
  let joined = '';
  for (let k = 0; k < 3 && i + k < lines.length; k++) {
    const text = lines[i + k]?.value ?? '';
    if (/[。；]/.test(text) || text.length > 80 || (k > 0 && matchMarker(text))) return 0;
    const role = roleOf(text);
    if (role && role !== 'title' && !(want && role === 'issuer')) return 0;
    joined += text;
    if (want && wordsOnly(joined) === want) return k + 1;
    if (!want && k > 0 && TITLE.test(joined) && !TITLE.test(lines[i]?.value ?? '')) return k + 1;
  }
  return 0;
}

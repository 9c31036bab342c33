/**
 * The cover notice that publishes a plan (印发通知), the commonest form of a published plan:
 *
 *     上海市普陀区人民政府办公室关于印发《普陀区海绵城市建设实施方案》的通知     title
 *     普府办〔2025〕1号                                                   document number (optional)
 *     区政府各有关单位：                                                   addressees
 *     《普陀区海绵城市建设实施方案》已经……审议通过，现予印发。请遵照执行。     body with the formula
 *     附件：……                                                           (optional)
 *     上海市普陀区人民政府办公室                                            signature
 *     2025年1月3日                                                        date
 *     （此件公开发布）                                                     (optional)
 *     普陀区海绵城市建设实施方案                                            ← the plan begins
 *
 * A notice is recognised only whole: its title within the first lines, the publishing formula,
 * and a date line within MAX_LINES. Otherwise nothing is taken and the lines stay as they are.
 */
import type { VFile } from 'vfile';
import { report } from '../messages.ts';
import type { LineNode } from '../types.ts';
import { KIND } from './masthead.ts';
import { ADDRESSEE, DATE_LINE, DOC_NUMBER, docNumberOf, NOTICE_TITLE, PUBLISH_FORMULA, SIGNATURE_NOTE, isOrgLine, issuerOf, isoDate } from '../lines/official-lines.ts';

const MAX_LINES = 60;
const TITLE_WITHIN = 3;

export interface NoticeInfo {
  /** The notice's own title as printed. */
  noticeTitle: string;
  /** The enclosed plan's title, without 《》: "普陀区海绵城市建设实施方案". */
  enclosed: string;
  /** 印发 | 转发 | … */
  verb: string;
  /** Signing bodies (from the signature, else from the notice title). */
  issuer: string | null;
  issued: string | null;
  docNumber: string | null;
  addressee: string | null;
}

export interface Notice { lines: LineNode[]; info: NoticeInfo }

export function takeNotice(lines: LineNode[], file: VFile): { notice: Notice | null; rest: LineNode[] } {
  const at = lines.findIndex((l, i) => i < TITLE_WITHIN && NOTICE_TITLE.test(l.value));
  if (at < 0) return { notice: null, rest: lines };
  const title = NOTICE_TITLE.exec(lines[at]?.value ?? '')?.groups ?? {};
  const limit = Math.min(lines.length, at + MAX_LINES);
  let dateAt = -1;
  let formula = false;
  for (let i = at + 1; i < limit; i++) {
    const value = lines[i]?.value ?? '';
    if (PUBLISH_FORMULA.test(value)) formula = true;
    if (DATE_LINE.test(value) && formula) {
      dateAt = i;
      break;
    }
  }
  if (dateAt < 0) return { notice: null, rest: lines };
  let end = dateAt + 1;
  while (end < lines.length && SIGNATURE_NOTE.test(lines[end]?.value ?? '') && !/联系人/.test(lines[end]?.value ?? '')) end++;
  const span = lines.slice(0, end);
  let signature = dateAt;
  while (signature - 1 > at && isOrgLine(lines[signature - 1]?.value ?? '')) signature--;
  const signers = lines.slice(signature, dateAt).map((l) => l.value);
  const values = span.map((l) => l.value);
  const info: NoticeInfo = {
    noticeTitle: lines[at]?.value ?? '',
    enclosed: enclosedTitle(title.enclosed ?? '', title.verb ?? '印发'),
    verb: title.verb ?? '印发',
    issuer: signers.length ? issuerOf(signers) : (title.issuer?.trim() || null),
    issued: isoDate(lines[dateAt]?.value ?? ''),
    docNumber: docNumberOf(values.find((v) => DOC_NUMBER.test(v))),
    addressee: values.find((v) => ADDRESSEE.test(v)) ?? null,
  };
  report(file, 'notice', lines[at]?.position, { title: info.enclosed });
  return { notice: { lines: span, info }, rest: lines.slice(end) };
}

/**
 * The enclosed title: 《普陀区海绵城市建设实施方案》 → 普陀区海绵城市建设实施方案; a forwarded
 * document keeps only its own title: "县生态环境局《临川县…行动方案》" or "县生态环境局关于临川县…
 * 行动方案" → 临川县…行动方案.
 */
function enclosedTitle(text: string, verb: string): string {
  const t = text.trim();
  const bracketed = /《([^《》]+)》/.exec(t);
  if (bracketed?.[1] && (/^《.+》$/.test(t) || verb === '转发')) return bracketed[1].trim();
  if (verb === '转发') {
    const about = /^.{2,40}?关于(.+)$/.exec(t);
    if (about?.[1] && new RegExp(`${KIND}(?:[（(][^（）()]*[）)])?$`).test(about[1])) return about[1].trim();
  }
  return t.replace(/^《|》$/g, '').trim();
}

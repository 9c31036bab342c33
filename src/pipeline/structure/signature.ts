/**
 * The signature that closes a document issued without a cover notice (corpus 07, 20): the
 * signing bodies and the date, at the end of the body, before any attachment:
 *
 *     上海市人民政府办公厅
 *     2022年12月28日
 *     （此件公开发布）
 *
 * Taken off the body so that it does not read as the last paragraph of the last task; the
 * metadata step reads the issuer and date from it.
 */
import type { LineNode } from '../types.ts';
import { DATE_LINE, SIGNATURE_NOTE, isOrgLine } from '../lines/official-lines.ts';

const MAX_SIGNERS = 16;

export function takeSignature(lines: LineNode[]): { main: LineNode[]; signature: LineNode[] } {
  let end = lines.length;
  while (end > 0 && SIGNATURE_NOTE.test(lines[end - 1]?.value ?? '')) end--;
  const dateAt = end - 1;
  if (dateAt < 1 || !DATE_LINE.test(lines[dateAt]?.value ?? '')) return { main: lines, signature: [] };
  let start = dateAt;
  while (start > 0 && dateAt - start < MAX_SIGNERS && isOrgLine(lines[start - 1]?.value ?? '')) start--;
  return { main: lines.slice(0, start), signature: lines.slice(start) };
}

/**
 * The colophon (版记) that closes an official document, after the attachments:
 *
 *     抄送：市委各部门，市人大常委会办公室，市政协办公室。
 *     沅溪市人民政府办公室                2022年3月2日印发    (or the office and the date on two lines)
 *     （共印50份）
 *
 * Who else receives the document and the office that printed it: not the plan's text, and not
 * its issuer or date either (the printing office and day differ from the signing ones).
 */
/** "2022年3月2日印发" alone: the printing office stands on the line above it. */
const PRINTED_ON = /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印\s*发$/;
const COLOPHON = [
  PRINTED_ON,
  /^(?:抄\s*送|抄\s*报|分\s*送)\s*[:：]/,
  /^\S.{0,40}?\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印\s*发$/,
  /^[（(]?共印\s*\d+\s*份[）)]?$/,
];


export function takeColophon(lines: LineNode[]): { main: LineNode[]; colophon: LineNode[] } {
  let start = lines.length;
  while (start > 0 && COLOPHON.some((re) => re.test(lines[start - 1]?.value.trim() ?? ''))) {
    start--;
    if (PRINTED_ON.test(lines[start]?.value.trim() ?? '') && start > 0 && isOrgLine(lines[start - 1]?.value.trim() ?? '')) start--;
  }
  return { main: lines.slice(0, start), colophon: lines.slice(start) };
}

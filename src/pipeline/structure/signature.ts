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
import { DATE_LINE, SIGNATURE_NOTE, isOrgLine } from './official-lines.ts';

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

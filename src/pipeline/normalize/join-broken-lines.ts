/**
 * Paragraphs that print or extraction broke in the middle of a sentence, often mid-word:
 *
 *     "…以信息服务业、现代物流、生物"  +  ""  +  "医药、新能源等战略性新兴产业。"
 *     "…实现热源与管网衔接"            +  ""  +  "配套。到2020年…"
 *
 * A line is joined to the next when it does not end a sentence, it is running text (it already
 * holds a full stop, or is long), it is not a short heading, and the next line does not open a
 * new numbered item, a "——" item, or a table row. Title lines ("中共许昌市委 许昌市人民政府")
 * hold no full stop and stay apart.
 */
import type { VFile } from 'vfile';
import { report } from '../messages.ts';
import { PARAGRAPH_END } from '../text/cjk.ts';
import type { LineNode, LinesRoot } from '../types.ts';
import { continuingMarker, matchMarker } from '../structure/markers.ts';

const RUNNING_TEXT = /[。！？；]/;

/** `nextOpensItem`: the next line starts with a numbering marker (the caller has recognised it). */
export function shouldJoin(prev: LineNode, next: LineNode, nextOpensItem: boolean): boolean {
  if (prev.data?.table || next.data?.table || prev.data?.tableCells || next.data?.tableCells || prev.data?.markdownHeading || next.data?.markdownHeading) return false;
  if (next.data?.split || PARAGRAPH_END.test(prev.value)) return false;
  if (!RUNNING_TEXT.test(prev.value) && prev.value.length < 60) return false;
  if (nextOpensItem || /^[—－-]{1,2}/.test(next.value) || /^[表图附注]/.test(next.value)) return false;
  return true;
}

export function joinBrokenLines() {
  return (tree: LinesRoot, file: VFile) => {
    const out: LineNode[] = [];
    let lastArabic = 0;
    for (const node of tree.children) {
      const prev = out.at(-1);
      const marker = matchMarker(node.value, node.data?.split) ?? continuingMarker(node.value, lastArabic);
      if (marker?.family === 'arabic') lastArabic = marker.value;
      if (prev && shouldJoin(prev, node, marker !== null)) {
        report(file, 'joined-lines', prev.position, { next: node.position.start.line });
        // Two Latin words broken apart need their space back; Chinese text joins without one.
        const space = /[A-Za-z]$/.test(prev.value) && /^[A-Za-z]/.test(node.value) ? ' ' : '';
        prev.value = `${prev.value}${space}${node.value}`;
        prev.position = { start: prev.position.start, end: node.position.end };
        continue;
      }
      out.push(node);
    }
    tree.children = out;
  };
}

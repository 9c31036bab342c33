/**
 * A whole plan saved on ONE line (seed 001, a DOCX flattened by a download site) carries its
 * headings inline:
 *
 *     "…制定如下实施方案。一、总体要求以习近平…二、主要任务(一)加快推动绿色低碳发展1 .深入推进
 *      碳达峰行动。按照…等按职责分工2 .推动能源清洁低碳转型。…(二)深入打好蓝天保卫战7 .着力…"
 *
 * Only the marker the numbering EXPECTS next is accepted: the next number of an open level, or the
 * first number of a deeper level. So "(一、二类)" is not "二、", "PM2.5" is not "2.", and
 * "1公里以内" is not a task. Lines shorter than 1000 characters are left to the line-start
 * recognisers. The line is cut before each accepted marker; every piece keeps the source line.
 */
import type { VFile } from 'vfile';
import { report } from '../messages.ts';
import { chineseNumber, circledNumber, HAN } from '../text/cjk.ts';
import type { LineNode, LinesRoot } from '../types.ts';
import { familyRank, type MarkerFamily } from '../lines/markers.ts';

const MIN_LENGTH = 1000;
const CN = '[一二三四五六七八九十]+';
const UNIT_AFTER = '年月日号个项次批家座条所万亿千百元吨米%倍期类级种天时公里';

/** Every place in the text that could be a marker, with its family and value. */
const CANDIDATES: [MarkerFamily, RegExp][] = [
  ['part', new RegExp(`第(${CN})部分`, 'g')],
  ['chapter', new RegExp(`第(${CN})章`, 'g')],
  ['jie', new RegExp(`第(${CN})节`, 'g')],
  ['cn-enum', new RegExp(`(?<![一二三四五六七八九十、（(\\d])(${CN})、`, 'g')],
  ['cn-paren', new RegExp(`[（(](${CN})[）)]`, 'g')],
  ['arabic', /(?<![\d.．A-Za-z%])(\d{1,2})\s*(?:[.．、]|[,，](?=\D))(?!\d)/g],
  ['arabic', new RegExp(`(?<=[${HAN}])(?<![第约达近共每前后至])(\\d{1,2})(?=[${HAN}])(?![${UNIT_AFTER}])`, 'g')],
  ['arabic-paren', /[（(](\d{1,2})[）)]/g],
  ['circled', /([①-⑳])/g],
];

interface Candidate { index: number; family: MarkerFamily; value: number; bare: boolean }

function candidates(text: string): Candidate[] {
  const all: Candidate[] = [];
  for (const [family, re] of CANDIDATES) {
    for (const m of text.matchAll(re)) {
      const digits = m[1] ?? '';
      const value = family === 'circled' ? circledNumber(digits) : chineseNumber(digits);
      if (value) all.push({ index: m.index ?? 0, family, value, bare: !/[.．、,，]/.test(m[0]) && family === 'arabic' });
    }
  }
  return all.sort((a, b) => a.index - b.index);
}

/** Positions where the expected numbering continues. */
export function inlineHeadingCuts(text: string): number[] {
  const stack: { family: MarkerFamily; value: number }[] = [];
  const cuts: number[] = [];
  // Tasks are often numbered straight through the document (1 … 36 across （一）…（七）), so a
  // family's last number is remembered after its level closes.
  const last = new Map<MarkerFamily, number>();
  for (const c of candidates(text)) {
    const depth = stack.findIndex((s) => s.family === c.family);
    let accept = false;
    if (depth >= 0) accept = stack[depth]?.value === c.value - 1;
    else {
      const inner = stack.at(-1);
      const deeper = !inner || familyRank(c.family) > familyRank(inner.family);
      accept = deeper && ((c.value === 1 && !c.bare) || last.get(c.family) === c.value - 1);
    }
    if (!accept) continue;
    if (depth >= 0) stack.length = depth;
    stack.push({ family: c.family, value: c.value });
    last.set(c.family, c.value);
    if (c.index > 0) cuts.push(c.index);
  }
  return cuts;
}

export function splitInlineHeadings() {
  return (tree: LinesRoot, file: VFile) => {
    const out: LineNode[] = [];
    for (const node of tree.children) {
      const cuts = node.value.length >= MIN_LENGTH && !node.data?.table ? inlineHeadingCuts(node.value) : [];
      if (cuts.length < 3) {
        out.push(node);
        continue;
      }
      report(file, 'inline-heading', node.position, { count: cuts.length });
      const bounds = [0, ...cuts, node.value.length];
      for (let i = 0; i + 1 < bounds.length; i++) {
        const value = node.value.slice(bounds[i], bounds[i + 1]).trim();
        if (value) out.push({ ...node, value, data: { ...node.data, split: true } });
      }
    }
    tree.children = out;
  };
}

/**
 * Paragraphs that print or extraction broke in the middle of a sentence, often mid-word:
 *
 *     "…以信息服务业、现代物流、生物"  +  ""  +  "医药、新能源等战略性新兴产业。"
 *     "…实现热源与管网衔接"            +  ""  +  "配套。到2020年…"
 *
 * A line is joined to the next when it does not end a sentence, it is running text (it already
 * holds a full stop, or is long, or the next line is plainly the rest of it: "…部署要" + "求，进一
 * 步…", "…比例达到" + "90%，…"), it is not a short heading, and the next line does not open a
 * new numbered item, a "——" item, or a table row. Title lines ("中共许昌市委 许昌市人民政府")
 * hold no full stop and stay apart.
 */
import type { VFile } from 'vfile';
import { report } from '../messages.ts';
import { PARAGRAPH_END } from '../text/cjk.ts';
import type { LineNode, LinesRoot } from '../types.ts';
import { continuingMarker, familyRank, matchMarker, type Marker, type MarkerFamily } from '../lines/markers.ts';
import { DATE_LINE, DOC_NUMBER, isOrgLine, SIGNATURE_NOTE } from '../lines/official-lines.ts';

const RUNNING_TEXT = /[。！？；]/;
/** A caption, attachment or note opens a line of its own: "表1 主要指标", "附件2", "注：" — not "表水省控断面…", the rest of "地". */
const CAPTION_OR_NOTE = /^(?:附?[表图]\s*[0-9一二三四五六七八九十]|附\s*件|注\s*[:：0-9]|注释)/;
/**
 * How no paragraph begins, only the rest of a broken line: a mark, one character closed by a comma
 * or a full stop ("求，进一步加强…", "内。"; not a one-character word that opens a sentence, "另，",
 * "即，", nor two, "同时，", "新建、改造…"), or a number with its unit ("90%，地表水…").
 */
const LINE_REST = /^(?:[，、。；：）)”’％%]|(?![另即但并且故如若凡又再对经因则])[^\s，。、；：][，。；]|\d+(?:\.\d+)?\s*(?:%|％|‰|微克|毫克|万|亿|公里|公顷|吨|个百分点)[，、。；）)])/;

/** Printed width: ASCII (digits, Latin) is one column, anything else (Han, “”, ——) two. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) < 0x80 ? 1 : 2;
  return w;
}

/**
 * The width a text was hard-wrapped at, or null. Text taken from a PDF keeps the printed lines:
 * an official document (GB/T 9704) sets 28 characters a line, so most lines of a paragraph are
 * the same width and only its last is shorter:
 *
 *     坚持以习近平生态文明思想为指导，深入打好污染防治攻坚战，
 *     推动经济社会发展全面绿色转型，加快构建现代环境治理体系，
 *     持续改善生态环境质量。
 *
 * Wrapped: at least 8 unnumbered lines of 15 characters or more, 40 % of them within two
 * characters of the commonest width, and at most 10 % wider than it. A text of one line per
 * paragraph has no such peak, and its paragraphs run far wider than any heading.
 */
export function wrapWidth(values: string[]): number | null {
  // Numbered lines are left out: a list of project names of one width ("1.朱家角镇淀山湖水环境
  // 综合整治工程", "2.练塘镇…") is one line per item, not a measure.
  const widths = values.filter((v) => !matchMarker(v)).map(displayWidth).filter((w) => w >= 30);
  if (widths.length < 8) return null;
  const count = new Map<number, number>();
  for (const w of widths) count.set(w, (count.get(w) ?? 0) + 1);
  let best = 0;
  let bestNear = 0;
  for (const w of count.keys()) {
    let near = 0;
    for (const [v, n] of count) if (v <= w && v >= w - 4) near += n;
    if (near > bestNear || (near === bestNear && w > best)) [best, bestNear] = [w, near];
  }
  // Wrapped text has next to nothing wider than its measure; a text of one paragraph a line has
  // many (a short plan's headings of one width must not pass for a measure).
  const wider = widths.filter((w) => w > best + 2).length;
  return bestNear >= 0.4 * widths.length && wider <= 0.1 * widths.length ? best : null;
}

/**
 * Whether a printed line fills the measure `wrap` (null: the text is not wrapped). Two characters
 * short still counts: punctuation may not open a line, so a printed line can end early, and digits
 * are narrower than Han.
 */
export function fillsLine(line: string, wrap: number | null): boolean {
  if (wrap === null) return false;
  const width = displayWidth(line);
  return width >= wrap - 4 && width <= wrap + 2;
}

/**
 * `nextOpensItem`: the next line starts with a numbering marker (the caller has recognised it).
 * `wrap`: the width the text was hard-wrapped at (wrapWidth); a line that fills it is running
 * text that goes on in the next line, whatever its punctuation.
 */
export function shouldJoin(prev: LineNode, next: LineNode, nextOpensItem: boolean, wrap: number | null = null, lastLine = prev.value): boolean {
  if (prev.data?.table || next.data?.table || prev.data?.tableCells || next.data?.tableCells || prev.data?.markdownHeading || next.data?.markdownHeading) return false;
  const full = fillsLine(lastLine, wrap);
  // A full printed line that ends a sentence, or in a closing bracket or quote, ends the paragraph
  // too: a title "……预案（2024版）" can fill a line as well as "……（沪府办〔2024〕12号）" can.
  if (next.data?.split || PARAGRAPH_END.test(prev.value)) return false;
  // A line that stops at a comma has not ended ("一、坚持生态优先绿色发展，" + "加快推动…转型").
  const unfinished = /[，、,]$/.test(prev.value);
  // Running text holds a full stop or a semicolon; an exclamation mark alone is a headline's
  // ("重磅！《…实施方案》正式印发"), which stands apart from the byline under it.
  if (!full && !unfinished && !/[。；]/.test(prev.value) && prev.value.length < 60 && !LINE_REST.test(next.value)) return false;
  if (nextOpensItem || /^[—－-]{1,2}/.test(next.value) || CAPTION_OR_NOTE.test(next.value)) return false;
  // The lines of a notice's head and foot stand alone even when a signing body's name fills the
  // printed line: "中国（上海）自由贸易试验区临港新片区管理委员会" + "2019年12月13日", or two bodies
  // signing one under the other ("中共某市委" + "某市人民政府").
  if (DATE_LINE.test(next.value) || DOC_NUMBER.test(next.value) || SIGNATURE_NOTE.test(next.value)) return false;
  if (isOrgLine(prev.value) && isOrgLine(next.value)) return false;
  return true;
}

/**
 * Numbered headings that happen to fill a printed line, found by their siblings. In wrapped text
 * a heading as wide as the measure looks like the first line of a paragraph; but where the other
 * items of its run (the same numbering between two higher headings) stand alone as short titles,
 * it is a title too, and the sentence under it is not its continuation:
 *
 *     1.围绕新一轮公园建设，构建多元复合的城乡公园体系            ← a title, shorter than the measure
 *     接续建设生态空间，结合“一江一河一带”、虹桥国际中央商务区、“大零号湾”…
 *     2.稳步推进绿地开放共享，助力打造城园融合的城市治理范式      ← fills the line: a title as well
 *     继续推进公园24小时开放，重点推进全区城市公园24小时开放，力争各类…
 *
 * Only a heading with no full stop, and only when the line after it reads as running text (it
 * fills the line itself, or holds a full stop and half a line): a title wrapped onto a short
 * second line ("…生态产品体" + "系与文商旅体展融合") is still joined, and so is a numbered
 * paragraph's short last line ("3.区管以上河湖堤防…达标率，即…" + "达标占比。").
 */
function titlesFillingALine(nodes: LineNode[], markers: (Marker | null)[], wrap: number | null): Set<LineNode> {
  const found = new Set<LineNode>();
  if (wrap === null) return found;
  const runOf = new Map<LineNode, number>();
  const current = new Map<MarkerFamily, number>();
  const standalone = new Map<number, number>();
  let runs = 0;
  nodes.forEach((node, i) => {
    const m = markers[i];
    if (!m) return;
    // A higher heading closes the runs of every deeper numbering.
    for (const f of [...current.keys()]) if (familyRank(f) > familyRank(m.family)) current.delete(f);
    if (!current.has(m.family)) current.set(m.family, ++runs);
    const run = current.get(m.family)!;
    runOf.set(node, run);
    if (!RUNNING_TEXT.test(node.value) && displayWidth(node.value) < wrap - 4) standalone.set(run, (standalone.get(run) ?? 0) + 1);
  });
  nodes.forEach((node, i) => {
    const next = nodes[i + 1];
    const run = runOf.get(node);
    if (run === undefined || !next || markers[i + 1] || !(standalone.get(run) ?? 0)) return;
    if (RUNNING_TEXT.test(node.value) || !fillsLine(node.value, wrap)) return;
    // A short last line with a full stop ("达标占比。") ends the numbered paragraph instead.
    if (fillsLine(next.value, wrap) || (RUNNING_TEXT.test(next.value) && displayWidth(next.value) >= wrap / 2)) found.add(node);
  });
  return found;
}

export function joinBrokenLines() {
  return (tree: LinesRoot, file: VFile) => {
    const out: LineNode[] = [];
    let lastArabic = 0;
    /** The last number of each family seen: a number that continues its sequence opens an item. */
    const last = new Map<string, number>();
    const wrap = wrapWidth(tree.children.map((n) => n.value));
    const markers = tree.children.map((n) => matchMarker(n.value, n.data?.split));
    const titles = titlesFillingALine(tree.children, markers, wrap);
    /** Each line's own marker, as printed at its start (a joined paragraph keeps its first line's). */
    const markerOf = new Map(tree.children.map((n, i) => [n, markers[i]]));
    const lastPrinted = new Map<LineNode, string>();
    for (const node of tree.children) {
      const prev = out.at(-1);
      const marker = markerOf.get(node) ?? continuingMarker(node.value, lastArabic);
      if (marker?.family === 'arabic') lastArabic = marker.value;
      // A paragraph joined from printed lines is measured by its last printed line. After a full
      // printed line that ends no sentence, what opens the next line is part of the sentence even
      // when it looks like a number: "…已完成" + "4万多户低标准设施…", "…协调统" + "一、人与自然和谐相处。".
      // A number that continues its family's sequence ("5." after "4.") still opens an item.
      const continues = marker !== null && marker.value > 1 && last.get(marker.family) === marker.value - 1;
      // The first item under a numbered title that fills the line opens that title's items:
      // "（一）加快公园城市建设，持续推进生态服务品质提升" (a full line) + "1.围绕新一轮公园建设…".
      const prevMarker = prev ? markerOf.get(prev) : null;
      const opensItems = marker !== null && marker.value === 1 && prevMarker != null
        && familyRank(marker.family) > familyRank(prevMarker.family) && !RUNNING_TEXT.test(prev!.value);
      const midSentence = prev !== undefined && !PARAGRAPH_END.test(prev.value) && !continues && !opensItems
        && fillsLine(lastPrinted.get(prev) ?? prev.value, wrap);
      if (marker) last.set(marker.family, marker.value);
      if (prev && !titles.has(prev) && shouldJoin(prev, node, marker !== null && !midSentence, wrap, lastPrinted.get(prev))) {
        report(file, 'joined-lines', prev.position, { next: node.position.start.line });
        // Two Latin words broken apart need their space back; Chinese text joins without one.
        const space = /[A-Za-z]$/.test(prev.value) && /^[A-Za-z]/.test(node.value) ? ' ' : '';
        prev.value = `${prev.value}${space}${node.value}`;
        lastPrinted.set(prev, node.value);
        prev.position = { start: prev.position.start, end: node.position.end };
        continue;
      }
      out.push(node);
    }
    tree.children = out;
  };
}

/**
 * Markup an extractor or a static-site generator left in the text, read as the layout it stands
 * for and never shown as tags (corpus 01 and 12, regulations kept as VuePress pages):
 *
 *     <p id="t5">&emsp;&emsp;<b>第五条</b>&emsp;县级以上人民政府……<br>     → 第五条 县级以上人民政府……
 *     ## 第一章&emsp;总则{align="center"}                                → 第一章 总则
 *     ::: tip 修订信息 / ::: details 目录 / ::: tabs / @tab 章节 / [[toc]] / :::   container fences
 *     [1](#t1)&emsp;[2](#t2)…   - 第1~20条：   - 第41条~60条                a table of contents of links
 *     ::: warning 原文链接 <http://rd.jiangmen.cn/…> :::                    the source's address
 *
 *     <table><tr><td>序号</td><td>指标</td>…</tr>…</table>                   a table, row by row
 *
 * Tags and entities go (entities are decoded with the maintained `entities` package, so every
 * named and numeric reference is read right); `<br>` inside a line starts a new line; a table of
 * contents made of anchor links is navigation and is removed with its text kept in the diagnostic;
 * a "原文链接" container gives the source's address (file.data.provenance.url). An HTML table's
 * rows become tab-separated lines (a row printed over several lines is gathered first), which the
 * `tables` step reads as it reads any tab-separated table; table, tbody and row tags alone go.
 */
import { decodeHTML } from 'entities';
import type { VFile } from 'vfile';
import { report } from '../messages.ts';
import type { LineNode, LinesRoot, PlanDocument } from '../types.ts';

const TAG = /<\/?(?:p|b|strong|span|div|font|em|i|u|section|article|center|small|sup|sub)(?:\s[^<>]*)?>/gi;
const BREAK = /<br\s*\/?>/gi;
const ATTRIBUTES = /\s*\{\s*[a-z-]+=(?:"[^"]*"|\S+)(?:\s+[a-z-]+=(?:"[^"]*"|\S+))*\s*\}$/i;
/** "::: tip 修订信息", "::: details 目录", ":::" */
const FENCE = /^:::\s*(\w+)?\s*(.*)$/;
/** "@tab 章节", "[[toc]]" */
const TAB_OR_TOC = /^(@tab\b.*|\[\[toc\]\])$/i;
/** "[1](#t1) [2](#t2) …": a line made only of in-page anchor links. */
const ANCHOR_LINKS = /^(?:\s*\[[^\]]{1,20}\]\(#[^)]*\)\s*)+$/;
/** "- 第1~20条：", "- 第41条~60条" heading a group of anchor links in a table of contents. */
const TOC_GROUP = /^-\s*第\s*\d+\s*条?\s*[~～-]\s*(?:第\s*)?\d+\s*条[:：]?$/;
const AUTOLINK = /^<(https?:\/\/[^>\s]+)>$/;
const HAS_MARKUP = /<\/?[a-z][^<>]*>|&[a-z]+;|&#\d+;|^:::|\{[a-z-]+=/im;
/** What an extractor leaves on many lines: paragraph and break tags, spacing entities, container fences. */
const EXTRACTOR_MARK = /<\/?p[\s>]|<br\s*\/?>|<t[dhr][\s>]|<table\b|&(?:emsp|ensp|nbsp);|&#12288;|^:::/i;
/**
 * A plan may quote a tag or an entity in its own words ("含有 <b>尖括号</b>、&amp; 实体"): only a text
 * that carries extractor marks on several lines is read as markup.
 */
const MIN_MARKED_LINES = 3;

export function markup() {
  return (tree: LinesRoot, file: VFile) => {
    if (tree.children.filter((n) => EXTRACTOR_MARK.test(n.value)).length < MIN_MARKED_LINES) return;
    const out: LineNode[] = [];
    /** Open containers, innermost last: their kind and title ("details", "目录"). */
    const open: { kind: string; title: string }[] = [];
    const inToc = () => open.some((c) => /目录|toc/i.test(c.title));
    const inSourceLink = () => open.some((c) => /原文|链接|来源/.test(c.title));
    for (const node of htmlTables(tree.children, file)) {
      const fence = FENCE.exec(node.value);
      if (fence) {
        if (fence[1]) open.push({ kind: fence[1], title: fence[2] ?? '' });
        else open.pop();
        report(file, 'markup', node.position, { what: '容器标记 :::' }, node.value);
        continue;
      }
      if (TAB_OR_TOC.test(node.value)) {
        report(file, 'markup', node.position, { what: '目录标记' }, node.value);
        continue;
      }
      // Only lines shaped like navigation go, even inside a "目录" container: a container left
      // unclosed (corpus 01 closes ::: tabs but not ::: details) must not swallow the text.
      if (ANCHOR_LINKS.test(decodeHTML(node.value)) || TOC_GROUP.test(node.value) || (inToc() && /^[-*_]{3,}$/.test(node.value))) {
        report(file, 'navigation', node.position, { what: '页内目录链接' }, node.value);
        continue;
      }
      if (inToc()) open.length = 0;
      const link = AUTOLINK.exec(node.value);
      if (link && inSourceLink()) {
        file.data.provenance = { ...file.data.provenance, url: link[1] };
        report(file, 'catalogue-note', node.position, { what: '原文链接' }, node.value);
        continue;
      }
      if (!HAS_MARKUP.test(node.value)) {
        out.push(node);
        continue;
      }
      const pieces = node.value.split(BREAK);
      const cleaned = pieces.map((p) => decodeHTML(p.replace(TAG, '')).replace(ATTRIBUTES, '').replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''));
      report(file, 'markup', node.position, { what: '网页标记和字符实体' });
      for (const value of cleaned) if (value) out.push({ ...node, value });
    }
    tree.children = out;
  };
}

/**
 * HTML tables as lines the `tables` step reads: a caption on its own line, then each row as
 * tab-separated cells. "<tr><td>1</td><td>细颗粒物浓度</td></tr>" → "1\t细颗粒物浓度". A table is
 * read from its first table tag to "</table>", or to the first line that is neither table markup
 * nor the text of a cell left open; rows and cells need not be closed ("<tr>" and "<td>" alone
 * are enough). Text outside any cell stays, as a line of its own: nothing of the plan is dropped.
 */
function htmlTables(nodes: LineNode[], file: VFile): LineNode[] {
  const out: LineNode[] = [];
  for (let i = 0; i < nodes.length; ) {
    const first = nodes[i] as LineNode;
    if (!TABLE_START.test(first.value)) {
      out.push(first);
      i++;
      continue;
    }
    const group = [first];
    let closed = /<\/table>/i.test(first.value);
    for (i++; !closed && i < nodes.length; i++) {
      const node = nodes[i] as LineNode;
      const text = group.map((n) => n.value).join('\n');
      const inCell = lastIndex(text, /<t[dh]\b/gi) > lastIndex(text, /<\/t[dh]>|<\/tr>/gi);
      if (!TABLE_TAG.test(node.value) && !inCell) break;
      group.push(node);
      closed = /<\/table>/i.test(node.value);
    }
    report(file, 'markup', first.position, { what: '网页表格' });
    out.push(...readTable(group));
  }
  return out;
}

const TABLE_START = /<(?:table|tr|td|th)\b/i;
const TABLE_TAG = /<\/?(?:table|thead|tbody|tfoot|tr|td|th|caption|colgroup|col)\b[^<>]*>/i;

function lastIndex(text: string, re: RegExp): number {
  let at = -1;
  for (const m of text.matchAll(re)) at = m.index ?? at;
  return at;
}

/** The lines of one table's markup: caption, rows, and any text between them. */
function readTable(group: LineNode[]): LineNode[] {
  const html = group.map((n) => n.value).join('\n');
  // The line each piece starts on, for positions.
  const nodeAt = (offset: number) => group[html.slice(0, offset).split('\n').length - 1] ?? (group[0] as LineNode);
  const plain = (s: string) => decodeHTML(s.replace(/<[^<>]*>/g, ' ')).replace(/[\s\u3000]+/g, ' ').trim();
  /** What the table's markup holds, in order: text outside cells, and rows of placed cells. */
  const items: { at: number; text?: string; cells?: string[]; lone?: string }[] = [];
  // Caption first, where it stands; then the rest cut at every "<tr".
  const rest = html.replace(/<caption\b[^>]*>([\s\S]*?)<\/caption>/gi, (_m, text: string) => `<tr><td>${text}</td></tr>`);
  const pieces = rest.split(/(?=<tr\b)/i);
  // Merged cells: a cell with rowspan="3" stands in its column for the two rows under it too, and
  // colspan="2" covers the column beside it. Each covered place is an empty cell, so that every
  // row keeps the table's columns (the tables step aligns empty places as merged cells).
  let below: number[] = [];
  let offset = 0;
  for (const piece of pieces) {
    const at = offset;
    offset += piece.length;
    if (!/^<tr\b/i.test(piece)) {
      items.push({ at, text: plain(piece) });
      continue;
    }
    const [row = '', after = ''] = piece.split(/<\/tr>/i);
    const tags = [...row.matchAll(/<t[dh]\b([^>]*)>/gi)].map((m) => m[1] ?? '');
    const cells = row.split(/<t[dh]\b[^>]*>/i);
    items.push({ at, text: plain((cells.shift() ?? '').replace(/^<tr\b[^>]*>/i, '')) });
    const spanned = placeCells(cells.map((c, k) => ({ text: plain(c), attributes: tags[k] ?? '' })), below);
    below = spanned.below;
    const lone = cells.length === 1 && !spanned.covered ? plain(cells[0] ?? '') : undefined;
    items.push({ at, cells: spanned.values, lone });
    items.push({ at, text: plain(after) });
    // A table that begins after this row starts its columns afresh: a rowspan does not reach into it.
    if (/<table\b/i.test(after)) below = [];
  }
  // A one-cell row across the table is its caption above the first row of cells, a note below the
  // last, and a group row between them ("一、大气污染治理"), which stays in the table.
  const firstRow = items.findIndex((x) => x.cells && x.lone === undefined);
  const lastRow = items.findLastIndex((x) => x.cells && x.lone === undefined);
  const out: LineNode[] = [];
  items.forEach((item, i) => {
    const node = nodeAt(item.at);
    // The cells go with the row as they are, empty places included, which a tab-separated line
    // alone would lose (the tables step reads a run of tabs as one separator).
    const row = (cells: string[]) => ({ ...node, value: cells.join('\t'), data: { ...node.data, tableCells: cells, tableStart: i === firstRow || undefined } });
    if (item.text) out.push({ ...node, value: item.text });
    else if (item.cells && (item.lone === undefined || (i > firstRow && i < lastRow))) out.push(row(item.cells));
    else if (item.lone) out.push({ ...node, value: item.lone });
  });
  return out;
}

const span = (attributes: string, name: string) => Math.max(1, Math.min(50, Number(new RegExp(`${name}\\s*=\\s*["']?(\\d+)`, 'i').exec(attributes)?.[1] ?? 1)));

/**
 * One row's cells placed in the table's columns: places still covered by a rowspan from above are
 * empty, and so are those a colspan covers. `below` counts, per column, the rows still covered.
 */
function placeCells(cells: { text: string; attributes: string }[], below: number[]): { values: string[]; below: number[]; covered: boolean } {
  const values: string[] = [];
  const next = [...below];
  let covered = false;
  const fillCovered = () => {
    while ((next[values.length] ?? 0) > 0) {
      next[values.length]!--;
      values.push('');
      covered = true;
    }
  };
  for (const cell of cells) {
    fillCovered();
    const rows = span(cell.attributes, 'rowspan');
    const cols = span(cell.attributes, 'colspan');
    for (let c = 0; c < cols; c++) {
      if (rows > 1) next[values.length] = rows - 1;
      values.push(c === 0 ? cell.text : '');
    }
  }
  fillCovered();
  return { values, below: next, covered };
}

declare module 'vfile' {
  interface DataMap {
    /** Where the text came from: what the text and its catalogue say, then (meta step) the sidecar. */
    provenance: NonNullable<PlanDocument['provenance']>;
  }
}

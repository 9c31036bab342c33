/**
 * Markup an extractor or a static-site generator left in the text, read as the layout it stands
 * for and never shown as tags (corpus 01 and 12, regulations kept as VuePress pages):
 *
 *     <p id="t5">&emsp;&emsp;<b>第五条</b>&emsp;县级以上人民政府……<br>     → 第五条 县级以上人民政府……
 *     ## 第一章&emsp;总则{align="center"}                                → 第一章 总则
 *     ::: tip 修订信息 / ::: details 目录 / ::: tabs / @tab 章节 / [[toc]] / :::   container fences
 *     [1](#t1)&emsp;[2](#t2)…   - 第1~20条：                              a table of contents of links
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
import type { LineNode, LinesRoot } from '../types.ts';

const TAG = /<\/?(?:p|b|strong|span|div|font|em|i|u|section|article|center|small|sup|sub)(?:\s[^<>]*)?>/gi;
const BREAK = /<br\s*\/?>/gi;
const ATTRIBUTES = /\s*\{\s*[a-z-]+=(?:"[^"]*"|\S+)(?:\s+[a-z-]+=(?:"[^"]*"|\S+))*\s*\}$/i;
/** "::: tip 修订信息", "::: details 目录", ":::" */
const FENCE = /^:::\s*(\w+)?\s*(.*)$/;
/** "@tab 章节", "[[toc]]" */
const TAB_OR_TOC = /^(@tab\b.*|\[\[toc\]\])$/i;
/** "[1](#t1) [2](#t2) …": a line made only of in-page anchor links. */
const ANCHOR_LINKS = /^(?:\s*\[[^\]]{1,20}\]\(#[^)]*\)\s*)+$/;
/** "- 第1~20条：" heading a group of anchor links in a table of contents. */
const TOC_GROUP = /^-\s*第\s*\d+\s*[~～-]\s*\d+\s*条[:：]?$/;
const AUTOLINK = /^<(https?:\/\/[^>\s]+)>$/;
const HAS_MARKUP = /<\/?[a-z][^<>]*>|&[a-z]+;|&#\d+;|^:::|\{[a-z-]+=/im;
/** What an extractor leaves on many lines: paragraph and break tags, spacing entities, container fences. */
const EXTRACTOR_MARK = /<\/?p[\s>]|<br\s*\/?>|<t[dhr][\s>]|&(?:emsp|ensp|nbsp);|&#12288;|^:::/i;
/** A line of table layout only: "<table>", "</tbody>", "<tr>", "</tr>". */
const TABLE_FRAME = /^(?:<\/?(?:table|thead|tbody|tfoot|tr|colgroup|col)(?:\s[^<>]*)?>\s*)+$/i;
const CELL = /<t([dh])(?:\s[^<>]*)?>([\s\S]*?)<\/t\1>/gi;
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
    for (const node of htmlRows(tree.children, file)) {
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
 * HTML table rows as tab-separated lines: "<tr><td>1</td><td>细颗粒物浓度</td></tr>" → "1\t细颗粒物浓度".
 * A row whose cells stand on lines of their own is gathered up to its "</tr>" first.
 */
function htmlRows(nodes: LineNode[], file: VFile): LineNode[] {
  const out: LineNode[] = [];
  let row: LineNode | null = null;
  for (const node of nodes) {
    if (row) {
      const open: LineNode = row;
      row = { ...open, value: `${open.value}${node.value}`, position: { start: open.position.start, end: node.position.end } };
      if (!/<\/tr>/i.test(node.value)) continue;
    } else if (/<tr[\s>]/i.test(node.value) && !/<\/tr>/i.test(node.value) && !CELL.test(node.value.replace(/<tr[^>]*>/i, ''))) {
      CELL.lastIndex = 0;
      row = node;
      continue;
    }
    CELL.lastIndex = 0;
    const current: LineNode = row ?? node;
    row = null;
    const cells = [...current.value.matchAll(CELL)].map((m) => decodeHTML((m[2] ?? '').replace(/<[^<>]*>/g, '')).replace(/[\s\u3000]+/g, ' ').trim());
    if (cells.length) {
      report(file, 'markup', current.position, { what: '网页表格' });
      out.push({ ...current, value: cells.join('\t') });
    } else if (TABLE_FRAME.test(current.value.trim())) {
      report(file, 'markup', current.position, { what: '网页表格' }, current.value);
    } else {
      out.push(current);
    }
  }
  if (row) out.push(row);
  return out;
}

declare module 'vfile' {
  interface DataMap {
    /** Where the text came from, as the text itself or its catalogue says. */
    provenance: { note?: string; url?: string; fields?: Record<string, string> };
  }
}

/**
 * A government portal's header and footer, removed as a block wherever they start (issue 14).
 * A ministry page saved as text ends in a hundred lines or more of links and notices:
 *
 *     相关链接                                  ← the block starts here
 *     中国政府网
 *     外交部
 *     国家发展和改革委员会
 *     …
 *     北京
 *     天津
 *     …
 *     版权所有：中华人民共和国生态环境部
 *     京ICP备05009132号  网站标识码bm17000009  京公网安备 11040102700072号
 *     您即将离开本站，请注意您的账号和财产安全
 *     [大] [中] [小]  [打印]  [关闭]
 *
 * Most of these lines are short names that a plan might print too (a signature, a table cell
 * flattened one per line), so no line is removed for what it says alone. A block is a run of lines
 * that are each short and sentence-free, or carry a portal's own words (版权所有, ICP备, 网站地图,
 * 您即将离开, [打印] …), with at least `MIN_ANCHORS` of the latter: a run of names without them is
 * a table or a list and stays. A date line ends a run, so the signature above a footer stays.
 * Every removed block is one diagnostic with its text, listed on the plan's notes page.
 */
import type { VFile } from 'vfile';
import { excerpt, report } from '../messages.ts';
import type { LineNode, LinesRoot } from '../types.ts';

/** Words only a portal's own chrome uses ("版权所有", "京ICP备05009132号", "您即将离开本站"). */
const ANCHOR = /版权所有|Copyright|©|ICP\s*备|公网安备|网站标识码|网站地图|联系我们|隐私(?:政策|声明)|免责声明|您即将离开|即将离开本站|友情链接|相关链接|网站导航|网站声明|主办单位|承办单位|技术支持|无障碍|长者模式|适老化|用户登录|注册|[[【]\s*(?:打印|关闭|大|中|小|收藏|分享)\s*[\]】]|字号|扫一扫|微信公众号|官方微博|客户端|政务服务|国务院部门网站|地方政府网站|省级政府网站|驻外使领馆|部门网站|主站|网站首页|返回顶部|当前位置|首\s*页$/i;
/** A line that ends a run: a date (a signature's), a numbered heading, an attachment's title, a sentence, data. */
const DATE = /^[（(]?\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?[）)]?$/;
const HEADING = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．]|第[一二三四五六七八九十百\d]+[章节条部分]|附\s*[件表]|表\s*\d)/;
const MAX_SHORT = 24;
const MIN_ANCHORS = 2;
/** A footer of links is long; a short run needs more of the portal's own words. */
const MIN_LINES = 3;
/** Short lines before a portal's first own word that are a directory of sites, not a plan's. */
const DIRECTORY = 8;

/** A line a portal's chrome may hold: its own words, or a short name with no sentence in it. */
function chromeLike(line: string): { chrome: boolean; anchor: boolean } {
  const t = line.trim();
  if (!t) return { chrome: true, anchor: false };
  if (ANCHOR.test(t)) return { chrome: true, anchor: true };
  if (DATE.test(t) || HEADING.test(t)) return { chrome: false, anchor: false };
  // A number is data (a table cell flattened one per line: "5%", "甲市 4"), never a link's name.
  const short = t.length <= MAX_SHORT && !/[。；;！!？?，,]/.test(t) && !/\d/.test(t);
  return { chrome: short, anchor: false };
}

export function portalChrome() {
  return (tree: LinesRoot, file: VFile) => {
    const lines = tree.children;
    const drop = new Set<LineNode>();
    let i = 0;
    while (i < lines.length) {
      const node = lines[i]!;
      if (node.data?.tableCells || !chromeLike(node.value).chrome) {
        i++;
        continue;
      }
      // A run of chrome-like lines: where does it start and end, and how many anchors has it?
      let j = i;
      let anchors = 0;
      while (j < lines.length && !lines[j]!.data?.tableCells) {
        const c = chromeLike(lines[j]!.value);
        if (!c.chrome) break;
        if (c.anchor) anchors++;
        j++;
      }
      const run = lines.slice(i, j).filter((l) => l.value.trim());
      if (anchors >= MIN_ANCHORS && run.length >= MIN_LINES) {
        // The block starts at the portal's first own word. The short lines before it are the
        // portal's too when they open the text (a header's menu: 首页 机构 新闻 …) or are a long
        // directory of sites; a few short lines after the plan (a signature without its date, a
        // table's last names) stay.
        const first = run.findIndex((l) => chromeLike(l.value).anchor);
        const from = i === 0 || first >= DIRECTORY ? 0 : first;
        const block = run.slice(from);
        for (const l of block) drop.add(l);
        report(file, 'portal-chrome', block[0]!.position, { count: block.length, excerpt: excerpt(block.map((l) => l.value.trim()).join(' '), 40) }, block.map((l) => l.value).join('\n'));
      }
      i = Math.max(j, i + 1);
    }
    if (drop.size) tree.children = lines.filter((l) => !drop.has(l));
  };
}

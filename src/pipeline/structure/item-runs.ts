/**
 * Numbered items read one run at a time, not one line at a time: deep items that are a list as a
 * whole (listRuns), and an article's enumerations that are its sub-headings (titledArticleItems).
 *
 * Deep numbered items ("（1）", "①") first. A run is the siblings of one family numbered on from
 * 1 under the same heading. Decided line by line, a run of duties came out half list, half
 * sections whose headings were whole sentences, and an item with no lead was nested inside the
 * section before it (seed 06, 2.2 工作职责):
 *
 *   （1）市容环卫科：牵头落实空气重污染道路扬尘污染控制、建筑垃圾管理应急响应工作的启动、实施和解除。…
 *   （2）绿化管理科：牵头落实空气重污染绿化养护种植应急响应工作的启动、实施和解除。…
 *
 * and under 3.2.1 Ⅲ级响应措施 "（2）建筑垃圾运输车辆停止上路行驶。…" took "（3）除特殊工艺、应急抢险工程外，
 * 停止绿化工程堆土…" as its own paragraph. So: when any item of a run is a list item (no short lead,
 * see build-tree splitHeading), the whole run is a list, in order, at the same level; unless an item
 * of the run has numbered children or paragraphs of its own before the next item (a list item
 * holds neither), then each item is decided alone.
 */
import type { LineNode } from '../types.ts';
import { familyRank, type Marker, type MarkerFamily } from '../lines/markers.ts';

interface Run { family: MarkerFamily; last: number; items: number[]; anyList: boolean; hasChildren: boolean; bodyAfterLast: boolean }

/**
 * Indices of the lines whose item must be read as a list item because its run is a list.
 * `isListItem` says whether an item alone would be one; `families` are those read as lists.
 */
export function listRuns(
  lines: LineNode[],
  markerOf: (line: LineNode) => Marker | null,
  isListItem: (marker: Marker, line: LineNode) => boolean,
  families: MarkerFamily[],
): Set<number> {
  const forced = new Set<number>();
  const open = new Map<MarkerFamily, Run>();
  const close = (run: Run) => {
    open.delete(run.family);
    if (run.anyList && !run.hasChildren && run.items.length > 1) for (const i of run.items) forced.add(i);
  };
  /** The run whose item came last: text that follows it is that item's. */
  let latest: Run | null = null;
  lines.forEach((line, i) => {
    if (line.data?.table) return;
    const marker = markerOf(line);
    if (!marker) {
      if (latest) latest.bodyAfterLast = true;
      return;
    }
    const rank = familyRank(marker.family);
    for (const run of [...open.values()]) {
      const r = familyRank(run.family);
      if (r > rank) close(run); // a shallower heading ends the deeper runs
      else if (r < rank) run.hasChildren = true;
    }
    if (!families.includes(marker.family)) {
      latest = null;
      return;
    }
    let run = open.get(marker.family);
    if (run && marker.value !== run.last + 1) {
      close(run);
      run = undefined;
    }
    if (!run) {
      run = { family: marker.family, last: marker.value, items: [], anyList: false, hasChildren: false, bodyAfterLast: false };
      open.set(marker.family, run);
    }
    // An item with paragraphs of its own before the next is a heading over them, not a list item
    // ("（1）完善监测网络" / "在全市主要河湖布设…" / "（2）强化预警响应" / …). Text after the run's last
    // item may be the section's closing words or that item's broken tail, and decides nothing.
    if (run.bodyAfterLast) run.hasChildren = true;
    run.bodyAfterLast = false;
    latest = run;
    run.last = marker.value;
    run.items.push(i);
    if (isListItem(marker, line)) run.anyList = true;
  });
  for (const run of [...open.values()]) close(run);
  return forced;
}

/** "组织管理", "站容站貌": a short title, no punctuation. */
const SHORT_TITLE = /^[^。；，：、,;:！？]{2,20}$/;

/**
 * Indices of the enumerated lines inside a 第X条 article that are sub-headings, not its items:
 * every item of their run is a short title with text of its own under it (seed 04, 第三条):
 *
 *   第三条  考核内容主要包括组织管理、站容站貌、日常养护……，具体如下：
 *   （一）组织管理
 *   长效管理项目部设置规范，管理人员按标准配置。
 *   （二）站容站貌
 *   处理站管理房室内做到干净整洁无积尘；……
 *
 * An article's enumeration of acts ("（三）焚烧秸秆" between other items) stays a list.
 */
export function titledArticleItems(lines: LineNode[], markerOf: (line: LineNode) => Marker | null): Set<number> {
  const titled = new Set<number>();
  const article = familyRank('article');
  let run: { family: MarkerFamily; items: number[]; ok: boolean } | null = null;
  let inArticle = false;
  const close = () => {
    if (run?.ok && run.items.length > 1) for (const i of run.items) titled.add(i);
    run = null;
  };
  lines.forEach((line, i) => {
    const marker = markerOf(line);
    if (!marker) return;
    const rank = familyRank(marker.family);
    if (rank <= article) {
      close();
      inArticle = marker.family === 'article';
      return;
    }
    if (!inArticle) return;
    if (run && run.family !== marker.family) {
      // A deeper marker inside an item is its text; a shallower one ends the run.
      if (rank > familyRank(run.family)) return;
      close();
    }
    const next = lines[i + 1];
    const ok = SHORT_TITLE.test(marker.rest.trim()) && next !== undefined && !next.data?.table && markerOf(next) === null;
    if (!run) run = { family: marker.family, items: [], ok: true };
    run.items.push(i);
    run.ok &&= ok;
  });
  close();
  return titled;
}

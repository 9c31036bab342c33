/**
 * Deep numbered items ("（1）", "①") are read one run at a time, not one line at a time. A run is
 * the siblings of one family numbered on from 1 under the same heading. Decided line by line, a
 * run of duties came out half list, half sections whose headings were whole sentences, and an
 * item with no lead was nested inside the section before it (seed 06, 2.2 工作职责):
 *
 *   （1）市容环卫科：牵头落实空气重污染道路扬尘污染控制、建筑垃圾管理应急响应工作的启动、实施和解除。…
 *   （2）绿化管理科：牵头落实空气重污染绿化养护种植应急响应工作的启动、实施和解除。…
 *
 * and under 3.2.1 Ⅲ级响应措施 "（2）建筑垃圾运输车辆停止上路行驶。…" took "（3）除特殊工艺、应急抢险工程外，
 * 停止绿化工程堆土…" as its own paragraph. So: when any item of a run is a list item (no short lead,
 * see build-tree splitHeading), the whole run is a list, in order, at the same level; unless an item
 * of the run has numbered children (a list item cannot hold them), then each item is decided alone.
 */
import type { LineNode } from '../types.ts';
import { familyRank, type Marker, type MarkerFamily } from './markers.ts';

interface Run { family: MarkerFamily; last: number; items: number[]; anyList: boolean; hasChildren: boolean }

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
  lines.forEach((line, i) => {
    if (line.data?.table) return;
    const marker = markerOf(line);
    if (!marker) return;
    const rank = familyRank(marker.family);
    for (const run of [...open.values()]) {
      const r = familyRank(run.family);
      if (r > rank) close(run); // a shallower heading ends the deeper runs
      else if (r < rank) run.hasChildren = true;
    }
    if (!families.includes(marker.family)) return;
    let run = open.get(marker.family);
    if (run && marker.value !== run.last + 1) {
      close(run);
      run = undefined;
    }
    if (!run) {
      run = { family: marker.family, last: marker.value, items: [], anyList: false, hasChildren: false };
      open.set(marker.family, run);
    }
    run.last = marker.value;
    run.items.push(i);
    if (isListItem(marker, line)) run.anyList = true;
  });
  for (const run of [...open.values()]) close(run);
  return forced;
}

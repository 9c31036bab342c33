/**
 * Unit spellings that extraction flattened: superscripts lost, slashes dropped, u for μ.
 *
 *     "19.2ugm3" "35ug/m3" "35μg/m3" "35µg/m³"  → "μg/m³"
 *     "0.5mg/m3"                                → "mg/m³"
 *
 * Only a unit that follows a number is touched, so words such as "ugm" in a URL are left alone.
 * Chinese spellings (微克/立方米) are correct as printed and stay.
 */
import type { VFile } from 'vfile';
import { report } from '../messages.ts';
import type { LinesRoot } from '../types.ts';

const MICRO = /(?<=\d\s*)(?:ug|μg|µg|ug\/|μg\/|µg\/)\/?m(?:3|³)(?![\w/])/g;
const MILLI = /(?<=\d\s*)mg\/?m3(?![\w/])/g;

export function units() {
  return (tree: LinesRoot, file: VFile) => {
    for (const node of tree.children) {
      for (const [pattern, to] of [[MICRO, 'μg/m³'], [MILLI, 'mg/m³']] as const) {
        node.value = node.value.replace(pattern, (from) => {
          if (from !== to) report(file, 'unit-spelling', node.position, { from, to });
          return to;
        });
      }
    }
  };
}

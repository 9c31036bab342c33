/**
 * Character-recognition slips that are unambiguous in a Chinese plan. Each fix names the broken
 * form it expects, so a correct text never changes:
 *
 *     "力口强"        → "加强"      (加 read as two characters 力 口)
 *     "93.3%o农用地"  → "93.3%。农用地"   (the full stop read as a letter o after a percentage)
 *     "PM2.5和03"     → "PM2.5和O3"       (ozone's letter O read as a zero)
 */
import type { VFile } from 'vfile';
import { report } from '../messages.ts';
import { HAN } from '../text/cjk.ts';
import type { LinesRoot } from '../types.ts';

interface Slip { pattern: RegExp; replace: (m: string, ...groups: string[]) => string }

const slips: Slip[] = [
  { pattern: /力口(?=[强快大入])/g, replace: () => '加' },
  { pattern: new RegExp(`(?<=\\d%)o(?=[${HAN}])`, 'g'), replace: () => '。' },
  { pattern: /(?<=PM2\.5\s*[和与、及])03(?!\d)/g, replace: () => 'O3' },
];

export function ocrSlips() {
  return (tree: LinesRoot, file: VFile) => {
    for (const node of tree.children) {
      for (const slip of slips) {
        node.value = node.value.replace(slip.pattern, (m: string, ...rest: unknown[]) => {
          const to = slip.replace(m, ...(rest.filter((r) => typeof r === 'string') as string[]));
          report(file, 'ocr-slip', node.position, { from: m, to });
          return to;
        });
      }
    }
  };
}

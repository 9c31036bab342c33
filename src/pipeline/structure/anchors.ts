/**
 * Stable anchors. An id is a hash of the words that name the section (its heading) or the block
 * (its lead, or the opening of its text), not of its position, so a clause keeps its URL when
 * unrelated text is added, removed or renumbered elsewhere. Repeated headings get -2, -3 in order.
 *
 *     "（一）加快推动绿色低碳发展" → s-0k3x9ab   (the marker is not part of the key)
 */
import { shortHash, wordsOnly } from '../text/cjk.ts';
import type { Section } from '../types.ts';
import { uniqueIds } from '../text/unique-ids.ts';

export function assignAnchors(sections: Section[]): void {
  const unique = uniqueIds();
  const walk = (list: Section[]) => {
    for (const s of list) {
      const key = wordsOnly(s.heading) || wordsOnly(s.blocks[0]?.text ?? '').slice(0, 40);
      s.id = s.number === null && !s.heading ? unique('preamble') : unique(`s-${shortHash(key || s.number || '')}`);
      for (const b of s.blocks) {
        b.id = unique(`b-${shortHash(wordsOnly(b.lead ?? '') || wordsOnly(b.text).slice(0, 40))}`);
      }
      walk(s.children);
    }
  };
  walk(sections);
}

/**
 * Character forms that change nothing a reader sees but defeat every pattern after them:
 *
 *     "２０２４年１２月２８日"  "沪府办〔２０２４〕３号"  "１２３６９"  "ＰＭ２.５"   → half-width digits and letters
 *     "。\u200b"  "\ufeff一、总体要求"  "环境\u00ad保护"                       → invisible characters removed
 *
 * Word and some web editors print digits and Latin letters full-width; the national standard for
 * numbers in text (GB/T 15835) writes them half-width, and the plan reads the same either way, but
 * a date, a document number, a hotline or a goal's value would not be recognised. Zero-width
 * spaces, joiners, soft hyphens and stray byte-order marks come with text copied from web pages
 * and split words invisibly. Full-width punctuation (，。：；（）) is Chinese typography and stays.
 */
import type { VFile } from 'vfile';
import { report } from '../messages.ts';
import type { LinesRoot } from '../types.ts';
import { halfWidth } from '../text/cjk.ts';

/** Full-width digits and Latin letters: Ａ-Ｚ ａ-ｚ ０-９. */
const FULL_WIDTH = /[０-９Ａ-Ｚａ-ｚ]/g;
/** Zero-width space, non-joiner, joiner, word joiner, soft hyphen, byte-order mark. */
const INVISIBLE = /[\u200b-\u200d\u2060\u00ad\ufeff]/g;

export function characterForms() {
  return (tree: LinesRoot, file: VFile) => {
    let changed = 0;
    let removed = 0;
    let first: LinesRoot['children'][number] | null = null;
    for (const node of tree.children) {
      const forms = node.value.match(FULL_WIDTH)?.length ?? 0;
      const hidden = node.value.match(INVISIBLE)?.length ?? 0;
      if (!forms && !hidden) continue;
      first ??= node;
      changed += forms;
      removed += hidden;
      const clean = (text: string) => halfWidth(text, FULL_WIDTH).replace(INVISIBLE, '');
      node.value = clean(node.value);
      // An HTML table's row carries its cells apart (markup.ts): they are the same text.
      if (node.data?.tableCells) node.data = { ...node.data, tableCells: node.data.tableCells.map(clean) };
    }
    // One message for the file, at the first line touched: a line-by-line log would drown the others.
    if (first) report(file, 'character-forms', first.position, { changed, removed });
  };
}

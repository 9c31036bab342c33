/**
 * Remove boilerplate lines that a rule in boilerplate-rules.ts names, and the field list of a
 * government catalogue page (catalogue-fields.ts). Every removal is reported with its line and the
 * removed text, so nothing disappears silently. A download site's file name line at the top
 * ("XX实施方案.docx") is remembered as a title hint before it goes; a file name further down
 * ("附件1-5.docx") is an attachment, never the plan's title.
 */
import type { VFile } from 'vfile';
import { report } from '../messages.ts';
import type { LinesRoot } from '../types.ts';
import { boilerplateRules } from './boilerplate-rules.ts';
import { takeCatalogueFields } from './catalogue-fields.ts';

/** A file name counts as a title hint only among the first lines of the text. */
const TITLE_HINT_LINES = 5;

export function boilerplate() {
  return (tree: LinesRoot, file: VFile) => {
    takeCatalogueFields(tree, file);
    let previousRemoved = false;
    tree.children = tree.children.filter((node, index) => {
      if (node.data?.tableCells) {
        previousRemoved = false;
        return true;
      }
      const rule = boilerplateRules.find((r) => r.pattern.test(node.value) && (!r.inContext || previousRemoved));
      previousRemoved = !!rule;
      if (!rule) return true;
      if (rule.name === '文件名' && index < TITLE_HINT_LINES && !/^附件/.test(node.value)) {
        file.data.fileNameTitle ??= node.value.replace(/\.\w+$/, '');
      }
      report(file, 'boilerplate', node.position, { rule: rule.name }, node.value);
      return false;
    });
  };
}

declare module 'vfile' {
  interface DataMap {
    fileNameTitle: string;
  }
}

/**
 * Remove boilerplate lines that a rule in boilerplate-rules.ts names. Every removal is reported
 * with its line and the removed text, so nothing disappears silently. A download site's file
 * name line ("XX实施方案.docx") is remembered as a title hint before it goes.
 */
import type { VFile } from 'vfile';
import { report } from '../messages.ts';
import type { LinesRoot } from '../types.ts';
import { boilerplateRules } from './boilerplate-rules.ts';

export function boilerplate() {
  return (tree: LinesRoot, file: VFile) => {
    tree.children = tree.children.filter((node) => {
      if (node.data?.tableCells) return true;
      const rule = boilerplateRules.find((r) => r.pattern.test(node.value));
      if (!rule) return true;
      if (rule.name === '文件名') file.data.fileNameTitle ??= node.value.replace(/\.\w+$/, '');
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

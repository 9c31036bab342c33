/**
 * The structure plugin: takes the masthead off the normalised lines, builds the section tree and
 * gives every section and block its anchor. The result goes to file.data for the compiler.
 */
import type { VFile } from 'vfile';
import { report } from '../messages.ts';
import type { LinesRoot, MastheadLine, Section } from '../types.ts';
import { assignAnchors } from './anchors.ts';
import { buildTree } from './build-tree.ts';
import { takeMasthead } from './masthead.ts';

export function structure() {
  return (tree: LinesRoot, file: VFile) => {
    const { masthead, body } = takeMasthead(tree.children, file);
    if (body.length === 0) report(file, 'empty-document', undefined);
    const sections = buildTree(body, file);
    assignAnchors(sections);
    file.data.masthead = masthead;
    file.data.sections = sections;
  };
}

declare module 'vfile' {
  interface DataMap {
    masthead: MastheadLine[];
    sections: Section[];
  }
}

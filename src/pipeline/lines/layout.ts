/**
 * Line layout after page marks are gone: which line follows which. Below normalize and structure,
 * so that page-marks.ts (which records the fact), the tables step and build-tree.ts (which read it)
 * share one rule.
 */
import type { LineNode } from '../types.ts';

/**
 * Whether a line comes right after source line `line`: on the next line, or with only page marks
 * between them that pageMarks removed (data.followsLine). One rule for every reader of layout.
 */
export function directlyAfter(node: LineNode, line: number): boolean {
  return node.position.start.line === line + 1 || node.data?.followsLine === line;
}

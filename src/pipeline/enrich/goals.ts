/**
 * Enrich step `goals` (issue 7): fills file.data.goals and file.data.milestones from the sections.
 * Placeholder until the extractor lands: both stay empty.
 */
import type { VFile } from 'vfile';

export function goals() {
  return (_tree: unknown, _file: VFile) => {};
}

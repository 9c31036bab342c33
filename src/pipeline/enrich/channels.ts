/**
 * Enrich step `channels` (issue 8): fills file.data.channels from the sections.
 * Placeholder until the extractor lands: stays empty.
 */
import type { VFile } from 'vfile';

export function channels() {
  return (_tree: unknown, _file: VFile) => {};
}

/**
 * Enrich step `themes` (issue 6): tags sections and blocks with theme ids from
 * content/themes.yaml and records why (section.themeWhy, block.themeWhy).
 * Placeholder until the classifier lands: leaves every `themes` array empty.
 */
import type { VFile } from 'vfile';

export function themes() {
  return (_tree: unknown, _file: VFile) => {};
}

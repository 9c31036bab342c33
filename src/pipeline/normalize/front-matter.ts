/**
 * Markdown front matter at the top of a pasted plan:
 *
 *     ---
 *     title: 某市“十四五”生态环境保护规划
 *     date: 2022-03-15
 *     ---
 *
 * The block is parsed with `yaml` (a maintained YAML 1.2 parser) and kept as metadata hints in
 * `file.data.frontMatter`; its lines leave the text. Invalid YAML stays in the text untouched.
 */
import type { VFile } from 'vfile';
import { parse } from 'yaml';
import { report } from '../messages.ts';
import type { LinesRoot } from '../types.ts';

export function frontMatter() {
  return (tree: LinesRoot, file: VFile) => {
    const lines = tree.children;
    if (lines[0]?.value !== '---' || lines[0].position.start.line > 3) return;
    const end = lines.findIndex((l, i) => i > 0 && (l.value === '---' || l.value === '...'));
    if (end < 1) return;
    const source = String(file.data.text ?? '').split('\n')
      .slice(lines[0].position.start.line, (lines[end]?.position.start.line ?? 1) - 1).join('\n');
    let data: unknown;
    try {
      data = parse(source);
    } catch {
      return;
    }
    if (!data || typeof data !== 'object' || Array.isArray(data)) return;
    file.data.frontMatter = data as Record<string, unknown>;
    report(file, 'front-matter', lines[0].position, { keys: Object.keys(data).join('、') });
    tree.children = lines.slice(end + 1);
  };
}

declare module 'vfile' {
  interface DataMap {
    frontMatter: Record<string, unknown>;
  }
}

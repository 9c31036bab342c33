/**
 * The parser plugin: decoded text → a flat tree of `line` nodes, one per non-blank source line,
 * each with its original line number. Normalisers work on this tree; the structure step turns it
 * into sections. Bytes are decoded here (decode/decode.ts) so that `process()` accepts a file read
 * straight from disk.
 */
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { decodeBytes } from '../decode/decode.ts';
import type { LineNode, LinesRoot } from '../types.ts';

export function planParse(this: Processor) {
  this.parser = (_doc: string, file: VFile): LinesRoot => {
    let text: string;
    if (typeof file.value === 'string') {
      text = file.value.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
      file.data.encoding ??= 'utf-8';
    } else {
      const decoded = decodeBytes(file.value as Uint8Array, file.path || '(stdin)');
      text = decoded.text;
      file.data.encoding = decoded.encoding;
    }
    file.data.text = text;
    return linesOf(text);
  };
}

export function linesOf(text: string): LinesRoot {
  const children: LineNode[] = [];
  text.split('\n').forEach((raw, i) => {
    // Indentation (ASCII, ideographic and no-break spaces) carries no meaning once lines are nodes.
    const value = raw.replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, '');
    if (!value) return;
    const line = i + 1;
    children.push({
      type: 'line',
      value,
      position: { start: { line, column: 1 }, end: { line, column: raw.length + 1 } },
    });
  });
  return { type: 'root', children };
}

declare module 'vfile' {
  interface DataMap {
    encoding: string;
    text: string;
  }
}

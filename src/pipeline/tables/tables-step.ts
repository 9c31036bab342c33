/**
 * The tables step: finds tables in the lines (tables.ts) before broken lines are joined, so that
 * no cell is glued to the next one, and replaces each table's lines by one node that carries the
 * rows (node.data.table). Its text is the caption and the rows, a row's cells separated by tabs,
 * so that a goal can quote a row verbatim. Every recognised table and every header printed again
 * after a page break is reported.
 */
import type { VFile } from 'vfile';
import { report } from '../messages.ts';
import type { LineNode, LinesRoot } from '../types.ts';
import { delimitedTableAt, flatTableAt, type TableMatch } from './tables.ts';

export function tables() {
  return (tree: LinesRoot, file: VFile) => {
    const lines = tree.children;
    const out: LineNode[] = [];
    for (let i = 0; i < lines.length; i++) {
      const table = delimitedTableAt(lines, i) ?? flatTableAt(lines, i);
      if (!table) {
        out.push(lines[i] as LineNode);
        continue;
      }
      const first = lines[table.start] as LineNode;
      const last = lines[table.end - 1] as LineNode;
      report(file, 'table', first.position, { rows: table.rows.length, cols: table.rows[0]?.length ?? 0 });
      for (const line of table.repeatedHeaders) report(file, 'table-header-repeated', { line, column: 1 });
      out.push({
        type: 'line',
        value: tableText(table),
        position: { start: first.position.start, end: last.position.end },
        data: { table: { rows: table.rows, header: table.header, caption: table.caption, unit: table.unit ?? null } },
      });
      i = table.end - 1;
    }
    tree.children = out;
  };
}

/** The table as text: its caption, then a line per row with tab-separated cells. */
export function tableText(table: Pick<TableMatch, 'rows' | 'caption'>): string {
  return [...(table.caption ? [table.caption] : []), ...table.rows.map((r) => r.join('\t'))].join('\n');
}

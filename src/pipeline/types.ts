/**
 * The types the pipeline works with. The plan document's own types (shared/CONTRACT.md) come from
 * its zod schema, src/schemas/plan-document.ts, the one place that shape is written; here are only
 * the internal trees the pipeline passes between its plugins.
 */
import type { Node, Position } from 'unist';

export type {
  Block, Channel, ChannelKind, Comparator, Diagnostic, Goal, MastheadLine, Milestone, PlanDocument, PlanMeta,
  ResponsibleGroup, Section, ThemeReason,
} from '../schemas/plan-document.ts';
export type { Jurisdiction } from '../schemas/jurisdiction.ts';

// ---------------------------------------------------------------------------------------------
// Internal trees.

/** One paragraph of source text (a physical line, or lines the normalisers joined). */
export interface LineNode extends Node {
  type: 'line';
  value: string;
  position: Position;
  /** Set by normalisers that know more than the text shows. */
  data?: {
    /** A Markdown heading prefix (#, ##) was stripped from this line. */
    markdownHeading?: number;
    /** A row of a Markdown pipe table or an HTML table, already split into cells. */
    tableCells?: string[];
    /** The first row of an HTML table: a table printed right after another is a table of its own. */
    tableStart?: boolean;
    /** Set when the line was cut out of a longer line at an inline heading marker. */
    split?: boolean;
    /** A whole table, recognised by the tables step; the node's value is its text. */
    table?: { rows: string[][]; header: boolean; caption: string | null; unit?: string | null };
    /**
     * The last source line of the line this one followed directly before page marks between them
     * were removed (page-marks.ts): a table cell or paragraph broken by a page number still runs on.
     */
    followsLine?: number;
  };
}

export interface LinesRoot extends Node {
  type: 'root';
  children: LineNode[];
}

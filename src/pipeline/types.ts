/**
 * The plan document (see shared/CONTRACT.md) and the internal trees the pipeline passes between
 * its plugins. Everything here is plain data: the same shapes are validated by the zod schema in
 * src/schemas/plan-document.ts when the site loads them.
 */
import type { Node, Position } from 'unist';

export type Comparator = '<' | '<=' | '>' | '>=' | '=' | '~';

export interface Jurisdiction {
  name: string;
  province?: string;
  city?: string;
  county?: string;
  level?: string;
}

export interface PlanMeta {
  title: string | null;
  jurisdiction: Jurisdiction | null;
  issuer: string | null;
  issued: string | null;
  period: { from: number; to: number } | null;
  kind: string | null;
  /** Extra: document number as printed, e.g. "豫发〔2018〕19号". */
  docNumber?: string | null;
  /** Extra: where each field came from ("sidecar" also when the sidecar says null); absent when inferred as unknown. */
  sources?: Record<string, 'sidecar' | 'front-matter' | 'text'>;
}

export interface ResponsibleGroup {
  /** The label as printed: 责任单位, 牵头单位, 配合单位, 责任部门 … */
  role: string;
  units: string[];
}

/** Why a theme was given: the heading that names it, or the vocabulary terms found. */
export interface ThemeReason {
  theme: string;
  /** "heading": a heading on the path names the theme; "terms": the text's own words decided. */
  by: 'heading' | 'terms';
  /** The heading text or the matched terms, verbatim. */
  evidence: string[];
}

export interface Block {
  id: string;
  kind: 'paragraph' | 'table' | 'list';
  lead: string | null;
  text: string;
  responsible: string[];
  themes: string[];
  /** Extra: the 责任单位-style clauses of this block, by role, with the clause as printed. */
  responsibility?: (ResponsibleGroup & { clause: string })[];
  /** Extra (tables): rows of cells, the first row being the header when `header` is true. */
  rows?: string[][];
  header?: boolean;
  /** Extra (lists): the items, each with its marker as printed. */
  items?: { number: string | null; text: string }[];
  /** Extra: first source line of the block (1-based). */
  line?: number;
  /** Extra (tables): the caption as printed, "表1 主要指标"; null when none is printed. */
  caption?: string | null;
  /** Extra: why each theme in `themes` was given. */
  themeWhy?: ThemeReason[];
}

export interface Section {
  id: string;
  number: string | null;
  heading: string;
  level: number;
  themes: string[];
  blocks: Block[];
  children: Section[];
  /** Extra: the marker family, e.g. "cn-enum" for 一、 (see structure/markers.ts). */
  marker?: string | null;
  /** Extra: first source line of the heading (1-based). */
  line?: number;
  /**
   * Extra: what part of the document the section is: the plan's body (absent), the cover notice
   * that publishes it ("notice"), an attachment ("attachment") or a 专栏 box ("aside").
   */
  role?: 'notice' | 'attachment' | 'aside' | 'signature';
  /** Extra: why each theme in `themes` was given. */
  themeWhy?: ThemeReason[];
}

export interface Goal {
  id: string;
  indicator: string;
  indicatorId: string | null;
  comparator: Comparator;
  value: number;
  unit: string;
  year: number | null;
  baselineYear: number | null;
  change: 'decrease' | 'increase' | null;
  scope: string | null;
  theme: string | null;
  quote: string;
  sectionId: string;
  blockId: string;
  /** Extra: read from running text ("text") or from an indicator table's target cell ("table"). */
  kind?: 'text' | 'table';
  /** Extra: the table's 属性 column as printed: "约束性", "预期性" (null when none is printed). */
  attribute?: string | null;
  /** Extra: the starting value the text or table gives (基准值 column, "由95％提高至99％"). */
  baseline?: { value: number; year: number | null } | null;
}

export interface Milestone {
  id: string;
  year: number;
  action: string;
  quote: string;
  sectionId: string;
  blockId: string;
  /** Extra: read from running text ("text") or from a task table's time column ("table"). */
  kind?: 'text' | 'table';
}

export type ChannelKind =
  | 'hotline' | 'online' | 'reward-report' | 'disclosure' | 'open-facility' | 'consultation'
  | 'observer' | 'media' | 'petition' | 'other';

export interface Channel {
  id: string;
  kind: ChannelKind;
  label: string;
  value: string | null;
  quote: string;
  sectionId: string;
  blockId: string;
  /** Extra: id of the content/channel-kinds.yaml rule that found it, e.g. "hotline-12369". */
  entry?: string;
  /** Extra: the words in the quote that decided it, verbatim ("有奖举报", "向社会公开"). */
  terms?: string[];
}

export interface Diagnostic {
  code: string;
  message: string;
  line?: number;
  /** Extra: "info" for a repair or removal, "warning" for input the reader should know is odd. */
  severity?: 'info' | 'warning';
  /** Extra: the text a removal took out, verbatim, so that nothing is lost. */
  removed?: string;
}

/** A line of the title block (masthead), kept verbatim and labelled with its role. */
export interface MastheadLine {
  role: 'title' | 'issuer' | 'date' | 'doc-number' | 'subtitle' | 'addressee';
  text: string;
  line: number;
}

export interface PlanDocument {
  schema: 'plan-document/1';
  source: { file: string; sha256: string; encoding: string };
  meta: PlanMeta;
  /** Extra: the title-block lines the text opens with, verbatim. */
  masthead: MastheadLine[];
  /**
   * Extra: where the copy came from, as the text or its catalogue says: the catalogue's note (kept
   * apart from the plan), the official page's address, the fields of a disclosure page.
   */
  provenance?: { note?: string; url?: string; fields?: Record<string, string> };
  sections: Section[];
  goals: Goal[];
  milestones: Milestone[];
  channels: Channel[];
  diagnostics: Diagnostic[];
}

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
    table?: { rows: string[][]; header: boolean; caption: string | null };
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

/**
 * PlanDocument → mdast. Plan text only ever lands in mdast `text` nodes inside paragraphs, list
 * items and table cells, and in JSX attribute values, so the MDX serialiser escapes it; nothing is
 * built by joining strings. Sections and blocks are JSX components (PlanSection, PlanBlock,
 * PlanResponsible, PlanTable) that the site renders with their anchors.
 */
import type { BlockContent, PhrasingContent, Root, RootContent } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { stringify } from 'yaml';
import type { Block, PlanDocument, Section } from '../types.ts';

type Flow = BlockContent | MdxJsxFlowElement;

const attr = (name: string, value: string | number | null | undefined): MdxJsxAttribute[] =>
  value === null || value === undefined || value === '' ? [] : [{ type: 'mdxJsxAttribute', name, value: String(value) }];

const jsx = (name: string, attributes: MdxJsxAttribute[], children: Flow[]): MdxJsxFlowElement => ({
  type: 'mdxJsxFlowElement', name, attributes, children: children as MdxJsxFlowElement['children'],
});

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const para = (children: PhrasingContent[]): BlockContent => ({ type: 'paragraph', children });

/**
 * Front matter: what listing pages and the plan page's header need without loading the whole
 * document. Strings are quoted so that no YAML reader turns "2018-11-05" into a date or "null"
 * into nothing. Everything comes from the document: the meta step settled its provenance.
 */
export function frontMatterOf(doc: PlanDocument, slug: string): Record<string, unknown> {
  return {
    slug,
    title: doc.meta.title,
    jurisdiction: doc.meta.jurisdiction,
    issuer: doc.meta.issuer,
    issued: doc.meta.issued,
    period: doc.meta.period,
    kind: doc.meta.kind,
    docNumber: doc.meta.docNumber ?? null,
    source: doc.source.file,
    provenance: {
      text: doc.provenance?.text ?? null,
      url: doc.provenance?.url ?? null,
      note: doc.provenance?.note ?? null,
    },
  };
}

export function toMdast(doc: PlanDocument, slug: string): Root {
  const children: RootContent[] = [
    { type: 'yaml', value: stringify(frontMatterOf(doc, slug), { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0 }).trimEnd() } as RootContent,
    ...doc.sections.map(section),
  ];
  return { type: 'root', children };
}

function section(s: Section): MdxJsxFlowElement {
  return jsx('PlanSection', [
    ...attr('id', s.id), ...attr('level', s.level), ...attr('number', s.number), ...attr('heading', s.heading),
    ...attr('role', s.role),
  ], [...s.blocks.map(block), ...s.children.map(section)]);
}

function block(b: Block): MdxJsxFlowElement {
  const attributes = [...attr('id', b.id), ...attr('kind', b.kind)];
  if (b.kind === 'table' && b.rows) return jsx('PlanBlock', attributes, [table(b.rows, b.header ?? false, b.caption ?? null)]);
  if (b.kind === 'list' && b.items) {
    return jsx('PlanBlock', attributes, [{
      type: 'list', ordered: false, spread: false,
      children: b.items.map((item) => ({
        type: 'listItem', spread: false, children: [para([text(`${item.number ?? ''}${item.text}`)])],
      })),
    }]);
  }
  return jsx('PlanBlock', attributes, paragraphWithResponsibility(b));
}

/** The paragraph, with its lead in bold and each 责任单位 clause `structure` found as a list of units. */
function paragraphWithResponsibility(b: Block): Flow[] {
  const out: Flow[] = [];
  let at = 0;
  for (const c of b.responsibility ?? []) {
    if (c.start === undefined || c.end === undefined || c.start < at) continue;
    const before = b.text.slice(at, c.start);
    if (before.trim()) out.push(leadParagraph(before, at === 0 ? b.lead : null));
    out.push(responsible(c.role, c.pieces ?? [], b.text.slice(c.start, c.end)));
    at = c.end;
  }
  const rest = b.text.slice(at);
  if (rest.trim()) out.push(leadParagraph(rest, at === 0 ? b.lead : null));
  return out;
}

function leadParagraph(value: string, lead: string | null): BlockContent {
  if (lead && value.startsWith(lead)) {
    const rest = value.slice(lead.length);
    return para([{ type: 'strong', children: [text(lead)] }, ...(rest ? [text(rest)] : [])]);
  }
  return para([text(value)]);
}

/**
 * "责任单位:甲局(发改、科技)、乙局等按职责分工,丙" → the label, then the clause cut at its separators
 * as list items, each exactly as printed ("乙局等按职责分工" stays whole), so that every printed
 * word stays on the page; the cleaned unit names are in the data.
 */
function responsible(role: string, pieces: string[], clause: string): MdxJsxFlowElement {
  const labelled = /^(?:【[^】]+】|\S+?\s*[:：])/.exec(clause)?.[0] ?? `${role}：`;
  const children: Flow[] = [para([text(labelled)])];
  if (pieces.length) {
    children.push({
      type: 'list', ordered: false, spread: false,
      children: pieces.map((u) => ({ type: 'listItem', spread: false, children: [para([text(u)])] })),
    });
  }
  return jsx('PlanResponsible', attr('role', role), children);
}

function table(rows: string[][], header: boolean, caption: string | null): MdxJsxFlowElement {
  const cell = (tag: 'th' | 'td', value: string) => jsx(tag, [], value ? [para([text(value)])] : []);
  const row = (cells: string[], tag: 'th' | 'td') => jsx('tr', [], cells.map((c) => cell(tag, c)));
  const [head, ...body] = rows;
  // The caption also names the table's scrolling region for screen readers (PlanTable).
  return jsx('PlanTable', attr('caption', caption), [
    ...(caption ? [jsx('caption', [], [para([text(caption)])])] : []),
    ...(header && head ? [jsx('thead', [], [row(head, 'th')])] : []),
    jsx('tbody', [], (header ? body : rows).map((r) => row(r, 'td'))),
  ]);
}

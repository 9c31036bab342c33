/**
 * Reading built pages as a browser would, not with regular expressions: hast-util-from-html parses
 * (the HTML spec's parser, parse5), hast-util-select queries with CSS selectors and hast-util-to-text
 * gives an element's text. Attribute values and text come decoded (no entities to undo by hand).
 */
import { readFileSync } from 'node:fs';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';

export type { Element, Root };

/** The built site: dist/ (built by the site project's globalSetup), or E2E_DIST_DIR. */
export const DIST = process.env.E2E_DIST_DIR ?? 'dist';

/** The page at a site path ("/plans/x/", percent-encoded as linked or not), from the built site. */
export function page(path: string): Root {
  const file = `${DIST}${decodeURI(path)}${path.endsWith('/') ? 'index.html' : ''}`;
  return fromHtml(readFileSync(file, 'utf8'));
}

/** The first element matching `selector`, the node itself included. */
export const $ = (tree: Root | Element, selector: string): Element | undefined => select(selector, tree);
/** Every element matching `selector`, in document order, the node itself included. */
export const $$ = (tree: Root | Element, selector: string): Element[] => selectAll(selector, tree);
/** The text a reader sees: white space collapsed, a tab between table cells, a line break between blocks. */
export const text = (node: Root | Element): string => toText(node, { whitespace: 'normal' }).trim();
/** A string as `text` gives it when it is the content of one element (runs of white space collapsed). */
export const collapsed = (s: string): string => s.replace(/\s+/g, ' ').trim();
export const attr = (node: Element | undefined, name: string): string | undefined => {
  const v = node?.properties[name];
  return v === undefined || v === null ? undefined : Array.isArray(v) ? v.join(' ') : String(v);
};

/** The id of every element: what a fragment link can reach. */
export const ids = (tree: Root | Element): Set<string> => new Set($$(tree, '[id]').map((el) => attr(el, 'id')!));
/** Every href, in document order: links, <link> elements, links in SVG. */
export const hrefs = (tree: Root | Element): string[] => $$(tree, '[href]').map((el) => attr(el, 'href')!);

/** The text of `node` with the elements matching `selector` left out. */
export function textWithout(node: Element, selector: string): string {
  const drop = new Set<unknown>($$(node, selector));
  const prune = (el: Element): Element => ({ ...el, children: el.children.filter((c) => !drop.has(c)).map((c) => (c.type === 'element' ? prune(c) : c)) });
  return text(prune(node));
}

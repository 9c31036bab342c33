/**
 * Reading built pages as a browser would, not with regular expressions: hast-util-from-html parses
 * (the HTML spec's parser, parse5), hast-util-select queries with CSS selectors and hast-util-to-text
 * gives an element's text.
 */
import { readFileSync } from 'node:fs';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';

export type { Element, Root };

/** The page at a site path ("/plans/x/"), from dist/. */
export function page(path: string): Root {
  const file = `dist${path.endsWith('/') ? `${path}index.html` : path}`;
  return fromHtml(readFileSync(file, 'utf8'));
}

export const $ = (tree: Root | Element, selector: string): Element | undefined => select(selector, tree);
export const $$ = (tree: Root | Element, selector: string): Element[] => selectAll(selector, tree);
export const text = (node: Root | Element): string => toText(node, { whitespace: 'normal' }).trim();
export const attr = (node: Element | undefined, name: string): string | undefined => {
  const v = node?.properties[name];
  return v === undefined || v === null ? undefined : Array.isArray(v) ? v.join(' ') : String(v);
};

/**
 * mdast → MDX text, with remark-mdx's serialiser. mdast-util-to-markdown does not escape `{ } < >`
 * in every position MDX reads them, nor `import`/`export` at the start of a line, so those are
 * declared unsafe here: the serialiser then writes them as escapes or character references and
 * the page shows them as plain text (tests/pipeline/emit.test.ts round-trips such text).
 */
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import remarkStringify, { type Options } from 'remark-stringify';
import { unified } from 'unified';
import type { PlanDocument } from '../types.ts';
import { toMdast } from './to-mdast.ts';

const unsafe: NonNullable<Options['unsafe']> = [
  { character: '{' }, { character: '}' }, { character: '<' }, { character: '>' }, { character: '~' },
  { atBreak: true, character: 'i', after: 'mport\\b' },
  { atBreak: true, character: 'e', after: 'xport\\b' },
];

const processor = unified().use(remarkMdx).use(remarkFrontmatter, ['yaml']).use(remarkStringify, { unsafe, bullet: '-' });

export function mdastToMdx(tree: Root): string {
  return processor.stringify(tree);
}

export function toMdx(doc: PlanDocument, slug: string): string {
  return mdastToMdx(toMdast(doc, slug));
}

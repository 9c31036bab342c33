/**
 * The MDX emitter: text that MDX would read as code ({ } < > import export, Markdown marks) must
 * come back as the same text when the MDX is parsed, and every block keeps its anchor.
 */
import { readFileSync } from 'node:fs';
import type { Root } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import fc from 'fast-check';
import { fuzzOptions } from '../helpers/fuzz.ts';
import { describe, expect, it } from 'vitest';
import { parsePlan, type PlanDocument } from '../../src/pipeline/index.ts';
import { toMdx } from '../../src/pipeline/emit/to-mdx.ts';
import { seedFiles } from '../helpers/seeds.ts';
import { wordsOnly } from '../../src/pipeline/text/cjk.ts';

const read = (mdx: string) => unified().use(remarkParse).use(remarkMdx).use(remarkFrontmatter, ['yaml']).parse(mdx) as Root;

/** PlanBlock id → its text as MDX reads it back (paragraphs joined, 责任单位 label and tail included). */
function blocksOf(tree: Root): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (node: { children?: unknown[] } & Partial<MdxJsxFlowElement>) => {
    if (node.type === 'mdxJsxFlowElement' && node.name === 'PlanBlock') {
      const id = node.attributes?.find((a) => 'name' in a && a.name === 'id')?.value;
      out.set(String(id), toString(node as never, { includeHtml: false }));
      return;
    }
    for (const child of (node.children ?? []) as never[]) walk(child);
  };
  walk(tree as never);
  return out;
}

const strip = (s: string) => s.replace(/\s+/g, '');
/** Checks every block of `doc` against its MDX read back; returns how many it checked. */
function expectRoundTrip(doc: PlanDocument): number {
  const back = blocksOf(read(toMdx(doc, 'x')));
  let blocks = 0;
  const walk = (sections: PlanDocument['sections']) => {
    for (const s of sections) {
      for (const b of s.blocks) {
        // A 责任单位 clause is shown as a list, so its separators (、，) become list items.
        const same = b.responsibility?.length ? wordsOnly : strip;
        expect(same(back.get(b.id) ?? ''), b.id).toBe(same(b.text));
        blocks++;
      }
      walk(s.children);
    }
  };
  walk(doc.sections);
  return blocks;
}

describe('MDX round trip', () => {
  it.each(seedFiles)('seed %s: every block reads back as its text', (file) => {
    expect(expectRoundTrip(parsePlan(new Uint8Array(readFileSync(`seeds/${file}`)), { path: file }))).toBeGreaterThan(0);
  });

  it('code-like text stays text', () => {
    const nasty = 'import x from "y"\nexport const a = 1\n（一）防止执行。含有 {a} 与 <b>x</b>、*星*、[链](u)、`码`、~~删~~、&amp;、\\、# 号、> 引、| 表 |。';
    const doc = parsePlan(nasty, { path: 'nasty.txt' });
    const mdx = toMdx(doc, 'nasty');
    expect(() => read(mdx)).not.toThrow();
    expect(read(mdx).children.some((n) => n.type === 'mdxjsEsm')).toBe(false);
    expect(expectRoundTrip(doc)).toBeGreaterThan(0);
  });

  it('any text survives (property)', () => {
    const chars = fc.constantFrom(...'{}<>`*_[]()#>|~&\\!-+=:;"\'\n 一、（一）1.。，import export 责任单位：'.split(''), 'import ', 'export ', '\n\n');
    let blocks = 0;
    fc.assert(fc.property(fc.array(chars, { minLength: 1, maxLength: 80 }).map((a) => `加强${a.join('')}`), (text) => {
      blocks += expectRoundTrip(parsePlan(text, { path: 'p.txt' }));
    }), fuzzOptions(200));
    // A text may be all headings; the texts together must have given blocks to read back.
    expect(blocks).toBeGreaterThan(0);
  });
});

describe('emit only renders the document', () => {
  const withDuty = '（一）加强扬尘管控\n落实工地围挡。责任单位：区建管委、区城管执法局（牵头）。\n专栏1　重点工程\n推进码头整治，责任单位：区交通委、区水务局。';
  const units = (mdx: string) => [...mdx.matchAll(/<PlanResponsible role="([^"]+)"/g)].map((m) => m[1]);

  it('lists the 责任单位 clauses structure found, in paragraphs and in 专栏 boxes alike', () => {
    const doc = parsePlan(withDuty, { path: 'duty.txt' });
    const clauses = doc.sections.flatMap(function all(s): NonNullable<PlanDocument['sections'][number]['blocks'][number]['responsibility']> {
      return [...s.blocks.flatMap((b) => b.responsibility ?? []), ...s.children.flatMap(all)];
    });
    expect(clauses.map((c) => c.pieces)).toEqual([['区建管委', '区城管执法局（牵头）。'], ['区交通委', '区水务局。']]);
    expect(units(toMdx(doc, 'duty'))).toEqual(['责任单位', '责任单位']);
  });

  it('shows no clause the document does not carry (it does not read the text again)', () => {
    const doc = parsePlan(withDuty, { path: 'duty.txt' });
    const strip = (sections: PlanDocument['sections']): PlanDocument['sections'] =>
      sections.map((s) => ({ ...s, blocks: s.blocks.map(({ responsibility: _, ...b }) => b), children: strip(s.children) }));
    const mdx = toMdx({ ...doc, sections: strip(doc.sections) }, 'duty');
    expect(units(mdx)).toEqual([]);
    expect([...blocksOf(read(mdx)).values()].join('\n')).toContain('责任单位：区建管委、区城管执法局（牵头）。');
  });

  it('takes provenance from the document, which carries the sidecar note and address', () => {
    const doc = parsePlan('（一）加强扬尘管控\n落实工地围挡。', {
      path: 'p.txt', sidecar: { provenance: '报纸刊印稿，节选', sourceUrl: 'https://example.gov.cn/p.html', accepted: [] },
    });
    expect(doc.provenance).toEqual({ text: '报纸刊印稿，节选', url: 'https://example.gov.cn/p.html' });
    const mdx = toMdx({ ...doc, provenance: { text: '另一说明' } }, 'p');
    expect(mdx).toContain('text: "另一说明"');
    expect(mdx).not.toContain('example.gov.cn');
  });
});


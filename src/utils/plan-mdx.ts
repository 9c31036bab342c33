/**
 * A plan page's MDX body (content/plans/<slug>.mdx, without its front matter) compiled and
 * evaluated when the page renders, with Sätteri, the MDX compiler Astro's MDX integration uses
 * here (astro.config.mjs), and the same settings: Astro's JSX runtime, HTML attribute names, no
 * GFM, no smart punctuation, so that the page is what a bundled MDX module would give.
 *
 * Compiled per page, not bundled: see src/loaders/plan-pages.ts for why.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Fragment, jsx, jsxs } from 'astro/jsx-runtime';
import { evaluate, type EvaluateOptions } from 'satteri';
import { frontMatter } from '../data/yaml.ts';

// Marked as @astrojs/mdx marks the modules it compiles: its JSX renderer then reports an error
// thrown while the page renders as an MDX error, with a hint.
const MDX_COMPONENT = Symbol.for('mdx-component');

type Content = ((props: { components?: Record<string, unknown> }) => unknown) & { [MDX_COMPONENT]?: boolean };

/** The page body of content/plans/<slug>.mdx (`filePath` as the collection entry gives it), compiled. */
export async function planContent(filePath: string): Promise<Content> {
  const text = readFileSync(resolve(filePath), 'utf8');
  // After the front matter the emitter writes (emit/to-mdx.ts); the collection holds it as data.
  const body = frontMatter(text)?.body ?? text;
  const module = (await evaluate(body, {
    // Astro's runtime types its props more narrowly than Sätteri's options say; it takes what MDX passes.
    Fragment, jsx: jsx as EvaluateOptions['jsx'], jsxs: jsxs as EvaluateOptions['jsxs'],
    jsxImportSource: 'astro',
    elementAttributeNameCase: 'html',
    features: { gfm: false, smartPunctuation: false },
  })) as { default: Content };
  const content = module.default;
  content[MDX_COMPONENT] = true;
  return content;
}

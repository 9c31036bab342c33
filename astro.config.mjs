// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';

// Plan text must render exactly as printed: no typographic quote rewriting (smart punctuation),
// no GFM strikethrough or autolinks. Tables are emitted as JSX, so GFM is not needed.
const processor = satteri({ features: { gfm: false, smartPunctuation: false } });

export default defineConfig({
  site: 'https://plans.example.cn',
  trailingSlash: 'always',
  markdown: { processor },
  integrations: [mdx({ processor }), sitemap()],
  build: { format: 'directory' },
  vite: {
    build: {
      // Scripts go into files of their own, never inline: the plan page's script is shared by every
      // plan page and cached once, instead of weighing on each page (bench:pages measures this).
      // Other assets keep Vite's default (inline under 4 KB) by returning undefined.
      assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined),
    },
  },
});

// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({
  site: 'https://plans.example.cn',
  trailingSlash: 'always',
  // Plan text must render exactly as printed: no typographic quote rewriting (smartypants),
  // no GFM strikethrough or autolinks. Tables are emitted as JSX, so GFM is not needed.
  markdown: { smartypants: false, gfm: false },
  integrations: [mdx({ smartypants: false, gfm: false })],
  build: { format: 'directory' },
});

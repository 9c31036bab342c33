// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { siteUrlFromEnv } from './src/utils/site-url.ts';

// Plan text must render exactly as printed: no typographic quote rewriting (smart punctuation),
// no GFM strikethrough or autolinks. Tables are emitted as JSX, so GFM is not needed.
const processor = satteri({ features: { gfm: false, smartPunctuation: false } });

// The public address comes from SITE_URL (src/utils/site-url.ts says what it may be); without it, the
// local preview's address, said aloud so that a build for the public is not made with it by mistake.
const site = siteUrlFromEnv(process.env.SITE_URL);
if (!site.fromEnv && process.argv.includes('build')) {
  console.log(`SITE_URL 未设置：链接按本机预览地址 ${site.url} 生成。公开发布前请设置，例如 SITE_URL=https://plans.example.gov.cn npm run build`);
}

export default defineConfig({
  site: site.url,
  trailingSlash: 'always',
  // The content store lives in node_modules/.astro unless ASTRO_CACHE_DIR says otherwise: the build
  // benchmark's projects link this project's node_modules and must not share its store.
  ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
  markdown: { processor },
  integrations: [mdx({ processor }), sitemap()],
  // Every stylesheet is a file, never an inline <style>: the Content-Security-Policy every page
  // carries (src/utils/csp.ts) allows styles and scripts from this site only, with no hashes to
  // list on every page and no 'unsafe-inline'.
  build: { format: 'directory', inlineStylesheets: 'never' },
  vite: {
    build: {
      // Scripts go into files of their own, never inline: the plan page's script is shared by every
      // plan page and cached once, instead of weighing on each page (bench:pages measures this).
      // Other assets keep Vite's default (inline under 4 KB) by returning undefined.
      assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined),
    },
  },
});

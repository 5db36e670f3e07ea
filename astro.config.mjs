// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import react from '@astrojs/react';
import sitemap from '@astrojs/sitemap';
import { fileURLToPath } from 'node:url';
import { satteri } from '@astrojs/markdown-satteri';
import { computedSpacing } from './components/lesson/computedSpacing.ts';
import { chapterIndexPlugin } from './src/lib/site/chapterIndexPlugin.ts';

// The site must work from any static host under any base path: BASE_PATH=/tcp-unplugged/ npm run build
const base = process.env.BASE_PATH ?? '/';
// The sitemap needs absolute URLs; SITE_URL names the host when deploying for real.
const site = process.env.SITE_URL ?? 'http://localhost:4321';

/**
 * client:intent: islands that hydrate when the reader reaches for them (src/lib/islands/).
 * @returns {import('astro').AstroIntegration}
 */
function hydrateOnIntent() {
  return {
    name: 'hydrate-on-intent',
    hooks: {
      'astro:config:setup': ({ addClientDirective }) =>
        addClientDirective({
          name: 'intent',
          entrypoint: fileURLToPath(
            new URL('./src/lib/islands/hydrateOnIntent.ts', import.meta.url),
          ),
        }),
    },
  };
}

export default defineConfig({
  site,
  base,
  output: 'static',
  // Every page's stylesheets go inline: a linked one costs a round trip before the first paint
  // (a chapter links three, about 6 KB gzip together; on Lighthouse's slow 4G that is ~300 ms of
  // LCP), and inline they compress with the HTML.
  build: { inlineStylesheets: 'always' },
  trailingSlash: 'ignore',
  i18n: {
    locales: ['zh', 'en'],
    defaultLocale: 'zh',
    // Both languages live under their prefix; the root page (src/pages/index.astro) lets the
    // reader choose, so Astro must not replace it with a redirect.
    routing: { prefixDefaultLocale: true, redirectToDefaultLocale: false },
  },
  markdown: {
    // No space between a computed value's unit and the Chinese text after it
    // (components/lesson/computedSpacing.ts).
    // (The plugin types only the part of Sätteri's visitor context it uses.)
    processor: satteri({
      mdastPlugins: [/** @type {import('satteri').MdastPluginDefinition} */ (computedSpacing)],
    }),
    // Code blocks in chapters follow the site theme (CSS in components/site/site.css switches to
    // the dark colours); the GitHub "default" pair keeps comments above 4.5:1 contrast.
    shikiConfig: { themes: { light: 'github-light-default', dark: 'github-dark-default' } },
  },
  integrations: [
    hydrateOnIntent(),
    mdx(),
    react(),
    sitemap({
      i18n: { defaultLocale: 'zh', locales: { zh: 'zh-CN', en: 'en' } },
      // Search results and the language chooser are not pages worth listing.
      filter: (page) => !/\/(zh|en)\/search\/?$/.test(page),
    }),
  ],
  vite: {
    // The chapter list from the chapters' frontmatter (src/lib/site/chapterIndex.ts).
    plugins: [chapterIndexPlugin()],
    resolve: {
      // Snippets import the engine as 'tcp-lab' everywhere: tsc, Vitest, the build and the browser worker.
      alias: { 'tcp-lab': fileURLToPath(new URL('./src/engine/index.ts', import.meta.url)) },
    },
  },
});

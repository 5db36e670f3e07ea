// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import react from '@astrojs/react';
import { fileURLToPath } from 'node:url';

// The site must work from any static host under any base path: BASE_PATH=/tcp-unplugged/ npm run build
const base = process.env.BASE_PATH ?? '/';

export default defineConfig({
  base,
  output: 'static',
  trailingSlash: 'ignore',
  integrations: [mdx(), react()],
  vite: {
    resolve: {
      // Snippets import the engine as 'tcp-lab' everywhere: tsc, Vitest, the build and the browser worker.
      alias: { 'tcp-lab': fileURLToPath(new URL('./src/engine/index.ts', import.meta.url)) },
    },
  },
});

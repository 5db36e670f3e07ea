import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';
import { chapterIndexPlugin } from './src/lib/site/chapterIndexPlugin.ts';

export default defineConfig({
  plugins: [chapterIndexPlugin()],
  resolve: {
    alias: { 'tcp-lab': fileURLToPath(new URL('./src/engine/index.ts', import.meta.url)) },
  },
  test: {
    include: [
      'src/**/*.test.{ts,tsx}',
      'components/**/*.test.{ts,tsx}',
      'tests/**/*.test.{ts,tsx}',
    ],
    exclude: ['e2e/**', 'node_modules/**', 'dist/**'],
  },
});

// Takes the README's screenshot of a chapter page from the built site.
// Usage: npm run build && node scripts/screenshot.mjs [dist] [page] [out]
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

const [dist = 'dist', page = 'en/data-in-flight/', out = 'docs/screenshot.png'] =
  process.argv.slice(2);
const trimmedBase = (process.env.BASE_PATH ?? '/').replace(/^\/+|\/+$/g, '');
const base = trimmedBase ? `/${trimmedBase}/` : '/';
const port = 4400 + Math.floor(Math.random() * 500);

const server = spawn(process.execPath, ['scripts/serve-static.mjs', dist, String(port), base], {
  stdio: 'ignore',
});
try {
  await sleep(500);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-quic'],
  });
  const context = await browser.newContext({ viewport: { width: 1360, height: 1100 } });
  const tab = await context.newPage();
  await tab.emulateMedia({ colorScheme: 'light' });
  await tab.goto(`http://127.0.0.1:${port}${base}${page}`, { waitUntil: 'networkidle' });
  await tab.screenshot({ path: out });
  await browser.close();
  console.log(`Saved ${out}`);
} finally {
  server.kill();
}

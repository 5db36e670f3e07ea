import { defineConfig, devices } from '@playwright/test';
import { createServer } from 'node:net';
import { chromiumLaunchOptions } from './scripts/chromium.ts';

// End-to-end tests run against the BUILT site (scripts/build.sh), served statically under a
// non-root base path, so base-path mistakes fail here rather than on the real host.
// SITE_DIR and BASE_PATH must match the build: scripts/test.sh sets all three.
const siteDir = process.env.SITE_DIR ?? 'dist';
const trimmedBase = (process.env.BASE_PATH ?? '/tcp-unplugged/').replace(/^\/+|\/+$/g, '');
const basePath = trimmedBase ? `/${trimmedBase}/` : '/';

/** Asks the OS for a free port. Workers re-read this file, so the choice travels via the env. */
async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

process.env.E2E_PORT ??= String(await freePort());
const port = Number(process.env.E2E_PORT);

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Tests wait for states (an attribute, a text, a focused element), never for fixed times. On a
  // busy machine those states take longer to arrive, so the ceilings are generous: they only
  // decide how long a genuinely broken test takes to fail.
  timeout: 120_000,
  expect: { timeout: 30_000 },
  // CI has two cores; more workers only make Chromium instances compete for them.
  workers: 2,
  reporter: 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}${basePath}`,
    // A failed test keeps its trace: actions, console, network and screenshots. Not the DOM
    // snapshot Playwright would otherwise take before and after every action: on these pages one
    // costs tens of milliseconds, more than the action itself (a Tab press took 60-90 ms with
    // them, 10 without), and the keyboard walks alone press Tab thousands of times.
    // `npx playwright test --trace on` records them when a failure needs them.
    trace: { mode: 'retain-on-failure', snapshots: false },
    // Every test opens a fresh browser context, where the site's service worker would install
    // and download the whole site (about 8 MB, 120 files) again, beside the test, on the same two
    // cores. It is blocked except where it is the subject, offline.spec.ts. (Pages only register
    // it, and ignore a failed registration, so no other test can see it work or fail.)
    serviceWorkers: 'block',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: chromiumLaunchOptions,
      },
    },
  ],
  webServer: {
    command: `node scripts/serve-static.mjs ${siteDir} ${port} ${basePath}`,
    url: `http://127.0.0.1:${port}${basePath}`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});

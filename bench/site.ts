// The built site for a benchmark: SITE_DIR (built with BASE_PATH, default '/') when given,
// otherwise a fresh build into a temp dir; served by scripts/serve-static.mjs, as readers get it
// (precompressed files included).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');

export interface ServedSite {
  dir: string;
  basePath: string;
  /** e.g. http://127.0.0.1:40123 */
  origin: string;
  stop(): void;
}

export function normaliseBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

function buildSite(basePath: string, label: string): string {
  const out = mkdtempSync(join(tmpdir(), `${label}-bench-`));
  console.log(`building the site into ${out} …`);
  execFileSync('bash', [join(root, 'scripts/build.sh'), out], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      BASE_PATH: basePath,
      PATH: `${join(root, 'node_modules/.bin')}:${process.env.PATH}`,
    },
  });
  return out;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitUntilUp(url: string, server: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (server.exitCode !== null) throw new Error(`the static server exited (${server.exitCode})`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the static server did not answer at ${url} within 10 s`);
}

/** Builds (unless SITE_DIR is set) and serves the site; `label` names the temp build dir. */
export async function serveBuiltSite(label: string): Promise<ServedSite> {
  const basePath = normaliseBase(process.env.BASE_PATH ?? '/');
  const dir = process.env.SITE_DIR ?? buildSite(basePath, label);
  const port = await freePort();
  const server = spawn(
    process.execPath,
    [join(root, 'scripts/serve-static.mjs'), dir, String(port), basePath],
    { stdio: 'ignore' },
  );
  const origin = `http://127.0.0.1:${port}`;
  await waitUntilUp(`${origin}${basePath}`, server);
  return { dir, basePath, origin, stop: () => server.kill() };
}

import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { basePath } from './site-pages';

// The offline tests serve the built site themselves, so they can stop the server: Playwright's
// offline mode does not reach a service worker's own requests, and a test that left the network
// up could pass with a worker that caches nothing.

export interface SiteServer {
  /** The site's base URL on this server, e.g. http://127.0.0.1:41234/tcp-unplugged/ */
  url: string;
  port: number;
  stop(): Promise<void>;
}

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

/**
 * Serves `dir` on a free port (or `port`). The server reads the folder's file list once, as a
 * static host's deploy does: after changing files, stop it and serve again on the same port.
 */
export async function serveSite(dir: string, port?: number): Promise<SiteServer> {
  port ??= await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    ['scripts/serve-static.mjs', dir, String(port), basePath()],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((ready, fail) => {
    child.once('exit', (code) => fail(new Error(`the site server exited (${code})`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Serving')) ready();
    });
  });
  return {
    url: `http://127.0.0.1:${port}${basePath()}`,
    port,
    stop: () =>
      new Promise((stopped) => {
        if (child.exitCode !== null) return stopped();
        child.once('exit', () => stopped());
        child.kill();
      }),
  };
}

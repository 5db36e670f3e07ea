// The built site as a static host serves it: mounted under the base path it was built for, with
// 404.html for unknown addresses, a redirect for a directory without its trailing slash, and the
// precompressed .br/.gz files (scripts/precompress.mjs) to browsers that accept them. Used by
// `npm start`, `npm run preview`, the end-to-end tests and the benchmarks.
// Usage: node scripts/serve-static.mjs <dir> <port> [base]
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import sirv from 'sirv';

const [dirArg = 'dist', portArg = '4322', baseArg = process.env.BASE_PATH ?? '/'] =
  process.argv.slice(2);
const root = resolve(dirArg);
const base = `/${baseArg.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
const port = Number(portArg);

const files = sirv(root, { etag: true, gzip: true, brotli: true, dotfiles: false });
const notFoundPage = join(root, '404.html');

function isDirectory(path) {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const notFound = () => {
    response.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
    response.end(
      request.method === 'HEAD'
        ? undefined
        : existsSync(notFoundPage)
          ? readFileSync(notFoundPage)
          : 'Not found',
    );
  };
  if (`${url.pathname}/` === base) {
    response.writeHead(301, { location: `${base}${url.search}` }).end();
    return;
  }
  if (!url.pathname.startsWith(base)) return notFound();
  const path = url.pathname.slice(base.length - 1) || '/';
  if (!path.endsWith('/') && isDirectory(join(root, decodeURIComponent(path)))) {
    response.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
    return;
  }
  request.url = path + url.search;
  files(request, response, notFound);
});

server.listen(port, '127.0.0.1', () => {
  console.log(`Serving ${root} at http://127.0.0.1:${port}${base}`);
});

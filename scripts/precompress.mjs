// Writes a Brotli (.br) and a gzip (.gz) copy next to every text file of the built site, so a
// static server can send them without compressing on each request (scripts/serve-static.mjs does;
// nginx's gzip_static and most hosts do too). Files too small to gain are left alone.
// Usage: node scripts/precompress.mjs [dist]
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const compressible = new Set(['.html', '.css', '.js', '.mjs', '.json', '.svg', '.xml', '.txt']);
const MIN_BYTES = 1024;
// Brotli's best quality takes seconds per megabyte: the few multi-megabyte chunks (Monaco, the
// TypeScript worker) get a quality that compresses them in a fraction of the time for ~10 % more.
const LARGE_BYTES = 1024 * 1024;

const dist = process.argv[2] ?? 'dist';
let count = 0;
for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !compressible.has(extname(entry.name))) continue;
  const file = join(entry.parentPath, entry.name);
  const body = readFileSync(file);
  if (body.length < MIN_BYTES) continue;
  writeFileSync(
    `${file}.br`,
    brotliCompressSync(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]:
          body.length > LARGE_BYTES ? 9 : constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }),
  );
  writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
  count++;
}
console.log(`Precompressed ${count} files in ${dist} (.br and .gz).`);

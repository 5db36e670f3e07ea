// Writes the built site's service worker, <outDir>/sw.js: src/offline/serviceWorker.js preceded
// by the build's file list and version (src/offline/cachePlan.ts). Run after every step that adds
// files to the site (astro build, pagefind), before precompressing. Usage:
//   node scripts/service-worker.ts [outDir]   (default: dist)
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { planCaches, type BuiltFile } from '../src/offline/cachePlan.ts';

const root = join(import.meta.dirname, '..');
const outDir = process.argv[2] ?? 'dist';
const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

const files: BuiltFile[] = [];
for (const entry of readdirSync(outDir, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile()) continue;
  const file = join(entry.parentPath, entry.name);
  files.push({
    path: relative(outDir, file).split('\\').join('/'),
    hash: sha256(readFileSync(file)),
  });
}
if (!files.some(({ path }) => path === 'index.html')) {
  console.error(`${outDir} has no index.html: build the site first (npm run build).`);
  process.exit(1);
}
const manifest = planCaches(files, sha256);
const worker = readFileSync(join(root, 'src/offline/serviceWorker.js'), 'utf8');
writeFileSync(
  join(outDir, 'sw.js'),
  `self.OFFLINE_MANIFEST = ${JSON.stringify(manifest)};\n${worker}`,
);
console.log(
  `Service worker: version ${manifest.version}, ${manifest.precache.length} files precached, ` +
    `${manifest.onDemand.length} kept once loaded.`,
);

// What the service worker keeps for offline reading, worked out from the build's own file list.
// Every file is named with a hash of its content, and the version is a hash of all of them, so a
// new build is a new cache: the worker installs it whole and switches to it at once, never
// answering from a mix of two builds (src/offline/serviceWorker.js).

/** A file of the built site: its path relative to the output folder, with '/' separators. */
export interface BuiltFile {
  path: string;
  /** Hex SHA-256 of the file's bytes. */
  hash: string;
}

/** [URL relative to the worker's scope, first 16 hex digits of its SHA-256]. */
export type CachedFile = [url: string, hash: string];

export interface OfflineManifest {
  version: string;
  /** Fetched and checked while the worker installs: the pages, styles, scripts, engine worker. */
  precache: CachedFile[];
  /** Kept once the reader has loaded them: the editor (megabytes), the search index. */
  onDemand: CachedFile[];
}

/** Enough to tell two builds of a file apart, short enough to keep the worker small. */
export const HASH_DIGITS = 16;

/** The worker itself and the precompressed copies of files are never cached. */
const SKIPPED = [/^sw\.js$/, /\.(gz|br)$/, /^sitemap[\w-]*\.xml$/];

// Monaco's chunks, workers, stylesheet and icon font, and Pagefind's index: large, and only used
// when the reader opens the editor or searches. A chunk these names miss is precached, which
// costs bytes but never correctness.
const ON_DEMAND = [
  /^_astro\/(editor\b|editorRuntime|diffRuntime|ts\.worker|tsMode|typescript|codicon)[\w.-]*$/,
  /^pagefind\//,
];

/** The address a file is requested at: pages by their folder, as the site links them. */
export function urlForFile(path: string): string {
  if (path === 'index.html') return './';
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

export function planCaches(files: BuiltFile[], digest: (text: string) => string): OfflineManifest {
  const kept = files
    .filter(({ path }) => !SKIPPED.some((pattern) => pattern.test(path)))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const { path, hash } of kept) {
    if (!/^[0-9a-f]{64}$/.test(hash)) {
      throw new Error(`planCaches: ${path} needs a hex SHA-256, got ${JSON.stringify(hash)}`);
    }
  }
  const version = digest(kept.map(({ path, hash }) => `${path} ${hash}`).join('\n')).slice(
    0,
    HASH_DIGITS,
  );
  const precache: CachedFile[] = [];
  const onDemand: CachedFile[] = [];
  for (const { path, hash } of kept) {
    const entry: CachedFile = [urlForFile(path), hash.slice(0, HASH_DIGITS)];
    (ON_DEMAND.some((pattern) => pattern.test(path)) ? onDemand : precache).push(entry);
  }
  return { version, precache, onDemand };
}

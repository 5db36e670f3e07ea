// @ts-check
/// <reference lib="webworker" />
// The site's service worker: after one visit, the pages, the styles and the engine's worker are
// here without a network, and so is the editor once it has been opened. Written to the built site
// as sw.js by scripts/service-worker.ts, which puts the build's file list (cachePlan.ts) first:
//   self.OFFLINE_MANIFEST = { version, precache: [[url, hash]…], onDemand: [[url, hash]…] };
//
// One build, one cache. A new build installs into a cache of its own, every file checked
// against the hash the build recorded (a file from another deploy fails the install, which is
// retried on a later visit), and takes over only when no page of the old build is open: until
// then the old pages keep getting the old files.
const sw = /** @type {ServiceWorkerGlobalScope & typeof globalThis} */ (
  /** @type {unknown} */ (self)
);
const manifest =
  /** @type {{ version: string, precache: [string, string][], onDemand: [string, string][] }} */ (
    /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (self)).OFFLINE_MANIFEST
  );
const CACHE_PREFIX = 'tcp-unplugged-';
const cacheName = `${CACHE_PREFIX}${manifest.version}`;
const scope = sw.registration.scope;
/** Absolute URL → the content hash the build recorded for it. */
const hashes = new Map(
  [...manifest.precache, ...manifest.onDemand].map(([path, hash]) => [
    new URL(path, scope).href,
    hash,
  ]),
);

/**
 * Resolves with the response when its bytes are the build's, rejects otherwise.
 * @param {string} url
 * @param {Response} response
 */
async function checked(url, response) {
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const digest = await crypto.subtle.digest('SHA-256', await response.clone().arrayBuffer());
  const hex = [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0'));
  const expected = hashes.get(url) ?? '';
  if (!hex.join('').startsWith(expected)) {
    throw new Error(`${url} is not the file of build ${manifest.version}`);
  }
  return response;
}

sw.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const urls = manifest.precache.map(([path]) => new URL(path, scope).href);
      // All or nothing: any failure rejects, the install fails and the old version stays.
      try {
        const responses = await Promise.all(
          urls.map(async (url) => checked(url, await fetch(url, { cache: 'no-cache' }))),
        );
        const cache = await caches.open(cacheName);
        await Promise.all(
          responses.map((response, i) => cache.put(/** @type {string} */ (urls[i]), response)),
        );
      } catch (error) {
        await caches.delete(cacheName);
        throw error;
      }
    })(),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(CACHE_PREFIX) && name !== cacheName) await caches.delete(name);
      }
      // The first visit's page comes under the worker now, so the editor it opens gets kept.
      await sw.clients.claim();
    })(),
  );
});

/**
 * The build's URL for a request: pages without their query, folders with their slash.
 * @param {Request} request
 */
function buildUrl(request) {
  const url = new URL(request.url);
  url.hash = '';
  if (request.mode === 'navigate') {
    url.search = '';
    if (!hashes.has(url.href) && hashes.has(`${url.href}/`)) url.pathname += '/';
  }
  return url.href;
}

/**
 * @param {Request} request
 * @param {string} url the build's URL for it
 */
async function respond(request, url) {
  const cache = await caches.open(cacheName);
  const cached = await cache.match(url, { ignoreSearch: true });
  if (cached) return cached;
  try {
    const response = await fetch(request);
    // Kept only when it is this build's file, so the cache never holds another build's.
    checked(url, response.clone()).then(
      (good) => cache.put(url, good),
      () => undefined,
    );
    return response;
  } catch (error) {
    if (request.mode === 'navigate') return notFound();
    throw error;
  }
}

async function notFound() {
  const page = await caches.match(new URL('404.html', scope).href, { cacheName });
  return page ?? Response.error();
}

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || !request.url.startsWith(scope)) return;
  const url = buildUrl(request);
  // Files of this build come from its cache; anything else goes to the network untouched,
  // except that an unknown page asked for offline gets the site's own "not found" page.
  if (hashes.has(url)) event.respondWith(respond(request, url));
  else if (request.mode === 'navigate') event.respondWith(fetch(request).catch(() => notFound()));
});

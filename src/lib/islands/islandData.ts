// Data an island renders from, kept out of the page's HTML. A playground's build-time run is as
// large as the rest of its page, and the page already shows it as static HTML; sent again in
// the island's props it would be downloaded and parsed on every visit for readers who never
// touch the playground. Instead the server renders the island from data the page provides here,
// and in the browser the client:intent directive fetches the same data as a JSON file (named on
// an ancestor, ISLAND_DATA_ATTRIBUTE) before it hydrates, so both render the same tree.
// One store per page, whichever copy of this module asks: the client directive is bundled apart
// from the islands (Astro inlines directives in the page), so a module-level Map would be two.
const STORE = Symbol.for('tcp-unplugged.islandData');
const holder = globalThis as typeof globalThis & { [STORE]?: Map<string, unknown> };
const store = (holder[STORE] ??= new Map());

/** On an island's ancestor: the URL of the JSON file the island renders from. */
export const ISLAND_DATA_ATTRIBUTE = 'data-island-data';

/** At build time: the data behind `url`, for the island rendered on the server. */
export function provideIslandData(url: string, data: unknown): void {
  store.set(url, data);
}

/** The data behind `url`: provided on the server, fetched before hydration in the browser. */
export function islandData<T>(url: string): T {
  if (!store.has(url)) {
    throw new Error(`No island data for ${url}: it is fetched before the island hydrates.`);
  }
  return store.get(url) as T;
}

const pending = new Map<string, Promise<void>>();

/** Fetches the data behind `url` once; a failed fetch may be tried again. */
export function fetchIslandData(url: string): Promise<void> {
  if (store.has(url)) return Promise.resolve();
  let request = pending.get(url);
  if (!request) {
    request = fetch(url)
      .then(async (response) => {
        if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
        store.set(url, await response.json());
      })
      .finally(() => pending.delete(url));
    pending.set(url, request);
  }
  return request;
}

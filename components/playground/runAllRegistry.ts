// "Run all" for a page: each hydrated playground registers how to run itself. Playgrounds hydrate
// on intent, so running them all first asks every one to hydrate and waits until all have
// registered.
import { HYDRATE_ALL } from '../../src/lib/islands/intentEvents';

export interface RegisteredPlayground {
  element: HTMLElement;
  run(): Promise<void>;
}

const registered = new Set<RegisteredPlayground>();
const listeners = new Set<() => void>();

export function registerPlayground(entry: RegisteredPlayground): () => void {
  registered.add(entry);
  notify();
  return () => {
    registered.delete(entry);
    notify();
  };
}

export function playgroundsInOrder(): RegisteredPlayground[] {
  return [...registered].sort((a, b) =>
    a.element.compareDocumentPosition(b.element) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
  );
}

function notify() {
  for (const listener of listeners) listener();
}

/** Resolves once every playground on the page has hydrated and registered. */
function allRegistered(): Promise<void> {
  const expected = () => document.querySelectorAll('section.playground').length;
  return new Promise((resolve) => {
    const check = () => {
      if (registered.size < expected()) return;
      listeners.delete(check);
      resolve();
    };
    listeners.add(check);
    document.dispatchEvent(new Event(HYDRATE_ALL));
    check();
  });
}

/** Runs every playground on the page, one after another, reporting progress. */
export async function runAll(onProgress: (done: number, total: number) => void): Promise<void> {
  await allRegistered();
  const all = playgroundsInOrder();
  onProgress(0, all.length);
  for (const [index, entry] of all.entries()) {
    await entry.run();
    onProgress(index + 1, all.length);
  }
}

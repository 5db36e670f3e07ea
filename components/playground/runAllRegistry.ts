// "Run all" for a page: each hydrated playground registers how to run itself; the first one on
// the page (in document order) shows the button when there is more than one.
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

export function onRegistryChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notify() {
  for (const listener of listeners) listener();
}

/** Runs every playground on the page, one after another, reporting progress. */
export async function runAll(onProgress: (done: number, total: number) => void): Promise<void> {
  const all = playgroundsInOrder();
  onProgress(0, all.length);
  for (const [index, entry] of all.entries()) {
    await entry.run();
    onProgress(index + 1, all.length);
  }
}

// The page's handle on the runner worker: one run at a time per worker, a wall-clock limit per
// run, and a fresh worker whenever one had to be stopped (an endless loop cannot be interrupted
// from outside any other way).
import type { RunnerOutcome, RunRequest, RunResponse } from './protocol';

export const RUN_TIME_LIMIT_MS = 2000;

export interface SnippetRunner {
  run(source: string): Promise<RunnerOutcome>;
  /** Starts the worker ahead of the first run, so that run does not wait for it to load. */
  warm(): void;
  dispose(): void;
}

export interface WorkerLike {
  postMessage(message: RunRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<RunResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export interface RunnerOptions {
  createWorker: () => WorkerLike;
  limitMs?: number;
  now?: () => number;
}

export function createSnippetRunner({
  createWorker,
  limitMs = RUN_TIME_LIMIT_MS,
  now = () => performance.now(),
}: RunnerOptions): SnippetRunner {
  let worker: WorkerLike | undefined;
  let nextId = 1;
  let queue: Promise<unknown> = Promise.resolve();

  const replaceWorker = () => {
    worker?.terminate();
    worker = undefined;
  };

  const runOnce = (source: string): Promise<RunnerOutcome> =>
    new Promise((resolve) => {
      worker ??= createWorker();
      const current = worker;
      const id = nextId++;
      const started = now();
      const settle = (outcome: RunnerOutcome) => {
        clearTimeout(timer);
        current.onmessage = null;
        current.onerror = null;
        resolve(outcome);
      };
      const timer = setTimeout(() => {
        replaceWorker();
        settle({ status: 'timeout', limitMs, wallMs: now() - started });
      }, limitMs);
      current.onmessage = (event) => {
        if (event.data.id === id) settle(event.data.run);
      };
      current.onerror = (event) => {
        event.preventDefault?.();
        replaceWorker();
        settle({
          status: 'crashed',
          message: event.message || 'The runner stopped unexpectedly.',
          wallMs: now() - started,
        });
      };
      current.postMessage({ id, source });
    });

  return {
    run(source) {
      // Runs are serialised so that one worker never has two snippets in flight.
      const result = queue.then(() => runOnce(source));
      queue = result.catch(() => undefined);
      return result;
    },
    warm() {
      worker ??= createWorker();
    },
    dispose: replaceWorker,
  };
}

/** The real worker, bundled by Vite as a module worker. */
export function createBrowserRunner(): SnippetRunner {
  return createSnippetRunner({
    createWorker: () =>
      new Worker(new URL('./worker.ts', import.meta.url), {
        type: 'module',
        name: 'snippet-runner',
      }) as unknown as WorkerLike,
  });
}

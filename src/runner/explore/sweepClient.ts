// The page's handle on the sweep worker. Sweeps are asked for while a control moves, many a
// second: only the newest waiting request is kept (older ones answer 'superseded' at once), one
// runs at a time, and a sweep over the time limit stops the worker, as the runner does.
import type { SweepResult, SweepSpec } from './sweep';
import type { SweepRequest, SweepResponse } from './sweepProtocol';

export const SWEEP_TIME_LIMIT_MS = 4000;

export type SweepAnswer =
  | (SweepResult & { wallMs?: number })
  | { status: 'superseded' }
  | { status: 'timeout'; limitMs: number };

export interface SweepWorkerLike {
  postMessage(message: SweepRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<SweepResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export interface Sweeper {
  sweep(source: string, spec: SweepSpec): Promise<SweepAnswer>;
  dispose(): void;
}

export function createSweeper(
  createWorker: () => SweepWorkerLike,
  limitMs = SWEEP_TIME_LIMIT_MS,
): Sweeper {
  let worker: SweepWorkerLike | undefined;
  let nextId = 1;
  let busy = false;
  let waiting: { source: string; spec: SweepSpec; resolve: (a: SweepAnswer) => void } | undefined;

  const start = (source: string, spec: SweepSpec, resolve: (a: SweepAnswer) => void) => {
    busy = true;
    worker ??= createWorker();
    const current = worker;
    const id = nextId++;
    const settle = (answer: SweepAnswer) => {
      clearTimeout(timer);
      current.onmessage = null;
      current.onerror = null;
      busy = false;
      resolve(answer);
      const next = waiting;
      waiting = undefined;
      if (next) start(next.source, next.spec, next.resolve);
    };
    const stop = () => {
      current.terminate();
      if (worker === current) worker = undefined;
    };
    const timer = setTimeout(() => {
      stop();
      settle({ status: 'timeout', limitMs });
    }, limitMs);
    current.onmessage = (event) => {
      if (event.data.id === id) settle({ ...event.data.result, wallMs: event.data.wallMs });
    };
    current.onerror = (event) => {
      event.preventDefault?.();
      stop();
      settle({ status: 'failed', message: event.message || 'The sweep stopped unexpectedly.' });
    };
    current.postMessage({ id, source, spec });
  };

  return {
    sweep(source, spec) {
      return new Promise((resolve) => {
        if (!busy) return start(source, spec, resolve);
        waiting?.resolve({ status: 'superseded' });
        waiting = { source, spec, resolve };
      });
    },
    dispose() {
      worker?.terminate();
      worker = undefined;
    },
  };
}

let shared: Sweeper | undefined;

/** Every chart on a page shares one sweep worker, bundled by Vite as a module worker. */
export function pageSweeper(): Sweeper {
  shared ??= createSweeper(
    () =>
      new Worker(new URL('./sweepWorker.ts', import.meta.url), {
        type: 'module',
        name: 'sweep',
      }) as unknown as SweepWorkerLike,
  );
  return shared;
}

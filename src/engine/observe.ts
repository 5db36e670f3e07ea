/** Lets a snippet runner see the RunResult of every lab.run() a program makes. */
import type { RunResult } from './types.ts';

type RunListener = (result: RunResult) => void;
const listeners = new Set<RunListener>();

/** Call `listener` with the result of every lab.run() from now on. Returns an unsubscribe function. */
export function observeRuns(listener: RunListener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function publishRun(result: RunResult): void {
  if (muted > 0) return;
  for (const listener of [...listeners]) listener(result);
}

let muted = 0;

/** Run `fn` without publishing its runs (a phase sweep's many runs are not the program's run). */
export function unpublished<T>(fn: () => T): T {
  muted += 1;
  try {
    return fn();
  } finally {
    muted -= 1;
  }
}

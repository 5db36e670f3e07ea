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
  for (const listener of [...listeners]) listener(result);
}

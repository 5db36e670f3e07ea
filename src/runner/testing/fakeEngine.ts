// A stand-in engine for testing the pipeline's own rules (imports, console, errors, last run)
// without depending on what the simulator computes. Snippet outcomes are tested against the real
// engine in tests/snippets.test.ts.
import type { RunResult } from '../../engine/types';

/** Shaped like the engine's LabError: a class of its own, naming the argument at fault. */
export class FakeArgumentError extends Error {
  override name = 'LabError';
  constructor(
    readonly argument: string,
    message: string,
  ) {
    super(message);
  }
}

export function fakeEngine() {
  const listeners = new Set<(result: RunResult) => void>();
  let runs = 0;
  return {
    observeRuns(listener: (result: RunResult) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    listenerCount: () => listeners.size,
    createLab() {
      return {
        at(time: string, action: () => void) {
          if (time.startsWith('-'))
            throw new FakeArgumentError(
              'at(time)',
              `at(): time must not be negative, got '${time}'`,
            );
          action();
        },
        run(): RunResult {
          runs += 1;
          const result = {
            end: runs * 1000,
            outcome: { id: 'still-established', summary: `run ${runs}` },
          } as RunResult;
          for (const listener of listeners) listener(result);
          return result;
        },
      };
    },
  };
}

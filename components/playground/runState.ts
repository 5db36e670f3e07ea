// What a playground shows after a run, independent of React: the latest result that ran, the
// latest failure, and the rules for "stale" and for what to announce.
import type { RunResult } from '../../src/engine/types';
import type { TypeProblem } from '../../src/runner/monaco/diagnostics';
import type { RunnerOutcome } from '../../src/runner/protocol';

export type RunFailure = Extract<
  RunnerOutcome,
  { status: 'compile-error' | 'runtime-error' | 'timeout' | 'crashed' }
>;

/** The type checker's errors: shown beside a run, never a reason not to run. */
export interface TypeErrors {
  status: 'type-errors';
  problems: TypeProblem[];
}

export interface ShownResult {
  result: RunResult;
  /** The exact code that produced it: when the editor holds something else, the result is stale. */
  source: string;
  logs: string[];
  droppedLogs: number;
  wallMs: number;
  origin: 'build' | 'live';
}

export interface RunView {
  shown?: ShownResult;
  failure?: RunFailure;
  /** Console output of the latest run, whatever its outcome. */
  logs: string[];
  droppedLogs: number;
  /** The latest run finished without producing a result (no lab.run()). */
  noRun: boolean;
}

/** Folds the outcome of a run of `source` into what the playground shows. */
export function applyOutcome(previous: RunView, source: string, outcome: RunnerOutcome): RunView {
  switch (outcome.status) {
    case 'ok':
      return {
        shown: {
          result: outcome.result,
          source,
          logs: outcome.logs,
          droppedLogs: outcome.droppedLogs,
          wallMs: outcome.wallMs,
          origin: 'live',
        },
        logs: outcome.logs,
        droppedLogs: outcome.droppedLogs,
        noRun: false,
      };
    case 'no-run':
      return {
        shown: previous.shown,
        logs: outcome.logs,
        droppedLogs: outcome.droppedLogs,
        noRun: true,
      };
    case 'runtime-error':
      return {
        shown: previous.shown,
        failure: outcome,
        logs: outcome.logs,
        droppedLogs: outcome.droppedLogs,
        noRun: false,
      };
    default:
      // Not run at all (a syntax error) or stopped from outside: no output to show.
      return { shown: previous.shown, failure: outcome, logs: [], droppedLogs: 0, noRun: false };
  }
}

export function isStale(view: RunView, code: string): boolean {
  return view.shown !== undefined && view.shown.source !== code;
}

/** Where the runner found problems, for the editor's markers: a syntax error or the thrown line. */
export function runProblems(outcome: RunnerOutcome): TypeProblem[] {
  if (outcome.status === 'compile-error') return [outcome.error];
  if (outcome.status === 'runtime-error' && outcome.error.line !== undefined) {
    const { line, column = 1, message } = outcome.error;
    return [{ line, column, message }];
  }
  return [];
}

// The one pipeline every snippet goes through, at build time, in tests and in the browser worker:
// TypeScript → JavaScript (sucrase) → evaluated with the engine bound to 'tcp-lab' → the RunResult
// of the snippet's last lab.run(), what it logged, and any error mapped to the reader's line.
import type { RunResult } from '../engine/types';
import { captureConsole } from './capturedConsole';
import { describeFailure, type RuntimeFailure } from './describeFailure';
import { SNIPPET_FILE, functionBodyLineOffset } from './snippetLocation';
import { transformSnippet, type CompileError } from './transform';

/** The module name snippets import the engine by. */
export const ENGINE_MODULE = 'tcp-lab';

/** What the pipeline needs from the engine: the module itself, with its run observer. */
export interface EngineModule {
  observeRuns(listener: (result: RunResult) => void): unknown;
}

interface Logged {
  logs: string[];
  /** Lines left out once the console cap was reached. */
  droppedLogs: number;
  /** Wall-clock milliseconds the evaluation took. */
  wallMs: number;
}

export type SnippetRun =
  | ({ status: 'ok'; result: RunResult } & Logged)
  | { status: 'compile-error'; error: CompileError }
  | ({ status: 'runtime-error'; error: RuntimeFailure } & Logged)
  | ({ status: 'no-run' } & Logged);

export interface RunSnippetOptions {
  /** Clock for wall time; performance.now where available. */
  now?: () => number;
}

export function runSnippet(
  source: string,
  engine: EngineModule,
  options: RunSnippetOptions = {},
): SnippetRun {
  const now = options.now ?? (() => performance.now());
  const compiled = transformSnippet(source);
  if (!compiled.ok) return { status: 'compile-error', error: compiled.error };

  const capture = captureConsole();
  let lastResult: RunResult | undefined;
  const stopObserving = engine.observeRuns((result) => {
    lastResult = result;
  });
  const requireModule = (name: string): unknown => {
    if (name === ENGINE_MODULE) return engine;
    throw new SnippetImportError(name);
  };
  const started = now();
  try {
    const body = `${compiled.code}\n//# sourceURL=${SNIPPET_FILE}`;
    const evaluate = new Function('require', 'exports', 'module', 'console', body) as (
      ...args: unknown[]
    ) => void;
    const exports = {};
    evaluate(requireModule, exports, { exports }, capture.console);
  } catch (error) {
    const logged = finish();
    return {
      status: 'runtime-error',
      error: describeFailure(error, functionBodyLineOffset()),
      ...logged,
    };
  } finally {
    if (typeof stopObserving === 'function') stopObserving();
  }
  const logged = finish();
  return lastResult
    ? { status: 'ok', result: lastResult, ...logged }
    : { status: 'no-run', ...logged };

  function finish(): Logged {
    return { logs: capture.lines, droppedLogs: capture.dropped(), wallMs: now() - started };
  }
}

/** A snippet imported something other than the engine. */
export class SnippetImportError extends Error {
  constructor(readonly moduleName: string) {
    super(`Snippets can import only '${ENGINE_MODULE}', not '${moduleName}'.`);
    this.name = 'SnippetImportError';
  }
}

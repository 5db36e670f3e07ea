// Build-time run of a lesson snippet: the build fails with a message naming the snippet when it
// does not compile, throws or never runs, or (expectOutcome) does not end in the outcome the page
// promises.
import type { OutcomeId, RunResult } from '../engine/types';
import { runSnippet, type EngineModule, type SnippetRun } from './runSnippet';

export type PrecomputedRun = Extract<SnippetRun, { status: 'ok' }>;

export function precompute(
  file: { path: string; source: string },
  engine: EngineModule,
): PrecomputedRun {
  const run = runSnippet(file.source, engine);
  const where = `<Playground snippet> ${file.path}`;
  switch (run.status) {
    case 'compile-error':
      throw new Error(
        `${where}:${run.error.line}:${run.error.column}: does not compile: ${run.error.message}`,
      );
    case 'runtime-error':
      throw new Error(
        `${where}${run.error.line ? `:${run.error.line}` : ''}: the snippet threw ${run.error.name}: ${run.error.message}`,
      );
    case 'no-run':
      throw new Error(
        `${where}: the snippet never calls lab.run(), so there is no result to show.`,
      );
    case 'ok':
      return run;
  }
}

/** Fails, naming the snippet, when its run did not end in the outcome the page promises. */
export function expectOutcome(
  file: { path: string },
  result: Pick<RunResult, 'outcome'>,
  expect: OutcomeId,
): void {
  if (result.outcome.id === expect) return;
  throw new Error(
    `<Playground snippet> ${file.path}: the page expects the outcome '${expect}' but the run ended in '${result.outcome.id}' ` +
      `(${result.outcome.summary}). Change the snippet or the page's expect=.`,
  );
}

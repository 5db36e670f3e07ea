// Build-time run of a lesson snippet: the page promises an outcome (`expect`), and the build fails
// with a message naming the snippet when the run does not deliver it.
import type { OutcomeId } from '../engine/types';
import { runSnippet, type EngineModule, type SnippetRun } from './runSnippet';

export type PrecomputedRun = Extract<SnippetRun, { status: 'ok' }>;

export function precompute(
  file: { path: string; source: string },
  expect: OutcomeId | undefined,
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
      if (expect !== undefined && run.result.outcome.id !== expect) {
        throw new Error(
          `${where}: the page expects the outcome '${expect}' but the run ended in '${run.result.outcome.id}' ` +
            `(${run.result.outcome.summary}). Change the snippet or the page's expect=.`,
        );
      }
      return run;
  }
}

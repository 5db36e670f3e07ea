// What the page's live region says after a run: one short sentence in the page's language.
import type { RunnerOutcome } from '../../src/runner/protocol';
import { vizStrings } from '../viz/strings';
import { fill, type PlaygroundLang, type PlaygroundStrings } from './strings';

export function announcement(
  outcome: RunnerOutcome,
  t: PlaygroundStrings,
  lang: PlaygroundLang,
): string {
  const failed = (message: string) => fill(t.announce.failed, { message });
  switch (outcome.status) {
    case 'ok':
      return fill(t.announce.done, {
        outcome: vizStrings(lang).outcomes[outcome.result.outcome.id].title,
      });
    case 'no-run':
      return t.result.noRun;
    case 'compile-error': {
      const { line, column, message } = outcome.error;
      return failed(fill(t.errors.compile, { line, column, message }));
    }
    case 'runtime-error':
      return failed(outcome.error.message);
    case 'timeout':
      return failed(t.errors.timeoutTitle);
    case 'crashed':
      return failed(outcome.message);
  }
}

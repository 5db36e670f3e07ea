// Why the latest run produced no result: a syntax error (not run), an error the code threw (with
// its line), the lab refusing an argument, or the time limit; or the type checker's errors, which
// are shown beside a run's result.
import type { RunFailure, TypeErrors } from './runState';
import { fill, type PlaygroundStrings } from './strings';

interface Props {
  failure: RunFailure | TypeErrors;
  t: PlaygroundStrings;
  /** Moves the editor's cursor to a line, when an editor is open. */
  onShowLine?: (line: number, column: number) => void;
}

export function ErrorCard({ failure, t, onShowLine }: Props) {
  const { title, lines } = describe(failure, t);
  return (
    <div className="playground-error" role="alert" data-failure={failure.status}>
      <p className="playground-error-title">{title}</p>
      {lines.map(({ line, column, text }, index) => (
        <p key={index}>
          {line !== undefined && onShowLine ? (
            <button
              type="button"
              className="playground-line-link"
              onClick={() => onShowLine(line, column ?? 1)}
            >
              {fill(t.errors.atLine, { line })}
            </button>
          ) : line !== undefined ? (
            <span>{fill(t.errors.atLine, { line })}</span>
          ) : null}
          <span className="playground-error-message">{text}</span>
        </p>
      ))}
    </div>
  );
}

interface Line {
  line?: number;
  column?: number;
  text: string;
}

function describe(
  failure: RunFailure | TypeErrors,
  t: PlaygroundStrings,
): { title: string; lines: Line[] } {
  switch (failure.status) {
    case 'compile-error': {
      const { line, column, message } = failure.error;
      return {
        title: t.errors.compileTitle,
        lines: [{ text: fill(t.errors.compile, { line, column, message }) }],
      };
    }
    case 'type-errors':
      return {
        title: fill(t.errors.typeErrors, { count: failure.problems.length }),
        lines: failure.problems.slice(0, 5).map(({ line, column, message }) => ({
          text: fill(t.errors.compile, { line, column, message }),
        })),
      };
    case 'runtime-error': {
      const { kind, message, argument, line, column } = failure.error;
      const text =
        kind === 'lab'
          ? argument
            ? fill(t.errors.lab, { argument, message: withoutArgument(message, argument) })
            : fill(t.errors.labNoArgument, { message })
          : kind === 'import'
            ? fill(t.errors.import, { message })
            : `${failure.error.name}: ${message}`;
      return { title: t.errors.runtimeTitle, lines: [{ line, column, text }] };
    }
    case 'timeout':
      return {
        title: t.errors.timeoutTitle,
        lines: [{ text: fill(t.errors.timeout, { limit: failure.limitMs / 1000 }) }],
      };
    case 'crashed':
      return {
        title: t.errors.runtimeTitle,
        lines: [{ text: fill(t.errors.crashed, { message: failure.message }) }],
      };
  }
}

/** The lab's messages start with the argument ("at(time): -5000 is negative…"), which the card
 *  names already. */
function withoutArgument(message: string, argument: string): string {
  const prefix = `${argument}: `;
  return message.startsWith(prefix) ? message.slice(prefix.length) : message;
}

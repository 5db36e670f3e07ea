// Turns whatever a snippet threw into something a reader can act on: what went wrong, in a
// sentence, and the line of their TypeScript that led to it.
import { SNIPPET_FILE, snippetFrame } from './snippetLocation';

export type FailureKind =
  /** The snippet itself threw (its own `throw`, a typo'd name, a call on undefined). */
  | 'thrown'
  /** The engine refused an argument or stopped a runaway scenario. */
  | 'lab'
  /** The snippet imported a module other than the engine. */
  | 'import';

export interface RuntimeFailure {
  kind: FailureKind;
  /** The error's class, e.g. 'TypeError'. */
  name: string;
  /** A full sentence. */
  message: string;
  /** For the lab's argument errors: the argument at fault, e.g. "at(time)". */
  argument?: string;
  /** 1-based, in the reader's TypeScript, when the error passed through the snippet. */
  line?: number;
  column?: number;
}

const BUILT_IN_ERRORS = new Set([
  'Error',
  'TypeError',
  'RangeError',
  'ReferenceError',
  'SyntaxError',
  'EvalError',
  'URIError',
  'AggregateError',
  'InternalError',
]);

export function describeFailure(error: unknown, lineOffset: number): RuntimeFailure {
  const name = error instanceof Error ? error.name : 'Error';
  const raw =
    error instanceof Error ? error.message : `The snippet threw ${describeThrown(error)}.`;
  const frame = snippetFrame(error);
  const location = frame ? { line: frame.line - lineOffset, column: frame.column } : {};
  const kind: FailureKind =
    name === 'SnippetImportError' ? 'import' : thrownByEngine(error, name) ? 'lab' : 'thrown';
  const argument = (error as { argument?: unknown } | null)?.argument;
  return {
    kind,
    name,
    message: asSentence(raw),
    ...(typeof argument === 'string' ? { argument } : {}),
    ...location,
  };
}

/**
 * The engine's own errors carry their own class names (argument rules, the event cap); a
 * built-in error counts as the engine's only when it was raised outside the snippet's code.
 */
function thrownByEngine(error: unknown, name: string): boolean {
  if (!(error instanceof Error)) return false;
  if (!BUILT_IN_ERRORS.has(name)) return true;
  const firstFrame = error.stack?.split('\n').find((line) => /:\d+:\d+\)?\s*$/.test(line));
  return firstFrame !== undefined && !firstFrame.includes(SNIPPET_FILE);
}

/**
 * Ends with a full stop, and starts with a capital letter unless it starts with code
 * ("at(time): …", "client.sysctl.tcp_retries2 …"), whatever the thrower wrote.
 */
export function asSentence(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return 'The snippet stopped with an error that has no message.';
  const startsWithWord = /^[a-z]+[\s,]/.test(trimmed);
  const capital = startsWithWord ? trimmed[0]!.toUpperCase() + trimmed.slice(1) : trimmed;
  return /[.!?。！？]$/.test(capital) ? capital : `${capital}.`;
}

function describeThrown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

// A console for snippets: what they log is collected (up to a cap) instead of printed, so the page
// can show it under the editor and a chatty loop cannot flood memory.
export interface ConsoleCapture {
  console: Pick<Console, 'log' | 'info' | 'warn' | 'error' | 'debug'>;
  /** The lines logged so far, at most `maxLines`, each at most `maxLineLength` characters. */
  lines: string[];
  /** How many lines were dropped because the cap was reached. */
  dropped(): number;
}

export const CONSOLE_LIMITS = { maxLines: 200, maxLineLength: 2000 } as const;

export function captureConsole(
  limits: { maxLines: number; maxLineLength: number } = CONSOLE_LIMITS,
): ConsoleCapture {
  const lines: string[] = [];
  let dropped = 0;
  const write = (...values: unknown[]) => {
    if (lines.length >= limits.maxLines) {
      dropped += 1;
      return;
    }
    const line = values.map(formatValue).join(' ');
    lines.push(
      line.length > limits.maxLineLength ? `${line.slice(0, limits.maxLineLength)}…` : line,
    );
  };
  return {
    console: { log: write, info: write, warn: write, error: write, debug: write },
    lines,
    dropped: () => dropped,
  };
}

/** Roughly what a browser console shows: strings bare, everything else as compact JSON. */
export function formatValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return 'undefined';
  if (typeof value === 'function') return `[Function ${value.name || 'anonymous'}]`;
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'symbol') return value.toString();
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  try {
    const seen = new WeakSet<object>();
    return (
      JSON.stringify(value, (_key, inner: unknown) => {
        if (typeof inner === 'object' && inner !== null) {
          if (seen.has(inner)) return '[Circular]';
          seen.add(inner);
        }
        if (typeof inner === 'function') return `[Function ${inner.name || 'anonymous'}]`;
        if (typeof inner === 'bigint') return `${inner}n`;
        return inner;
      }) ?? String(value)
    );
  } catch {
    return String(value);
  }
}

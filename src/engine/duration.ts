/**
 * Durations as readers write them: a number of milliseconds, or text such as '200ms', '1.5s',
 * '2m', '2h 11m 15s'. Internally the lab counts integer microseconds.
 */
import { LabError } from './errors.ts';
import type { Duration } from './types.ts';

export { formatDuration } from './durationText.ts';

const UNIT_MS: Record<string, number> = {
  us: 0.001,
  µs: 0.001,
  ms: 1,
  s: 1000,
  sec: 1000,
  m: 60_000,
  min: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

const PART = /(\d+(?:\.\d+)?|\.\d+)\s*([a-zµ]*)/iy;

const HINT = "use a number of milliseconds, or text like '200ms', '1.5s', '2m' or '2h 11m 15s'";

function show(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : String(value);
}

/**
 * Parse a duration into milliseconds. `argument` names what is being parsed, for the error.
 * Throws a LabError for anything that is not a finite, non-negative duration.
 */
export function parseDuration(value: Duration, argument = 'duration'): number {
  if (typeof value === 'number') {
    if (!Number.isFinite(value))
      throw new LabError(argument, `${argument}: ${show(value)} is not a duration; ${HINT}.`);
    if (value < 0)
      throw new LabError(
        argument,
        `${argument}: ${show(value)} is negative; durations must be 0 or more.`,
      );
    return value;
  }
  if (typeof value !== 'string') {
    throw new LabError(argument, `${argument}: ${show(value)} is not a duration; ${HINT}.`);
  }
  const text = value.trim();
  if (text.startsWith('-')) {
    throw new LabError(
      argument,
      `${argument}: ${show(value)} is negative; durations must be 0 or more.`,
    );
  }
  if (text === '')
    throw new LabError(argument, `${argument}: an empty string is not a duration; ${HINT}.`);
  let total = 0;
  let pos = 0;
  let parts = 0;
  while (pos < text.length) {
    PART.lastIndex = pos;
    const m = PART.exec(text);
    if (!m) throw new LabError(argument, `${argument}: ${show(value)} is not a duration; ${HINT}.`);
    const unit = m[2] === '' ? undefined : m[2];
    if (unit !== undefined && !(unit in UNIT_MS)) {
      throw new LabError(
        argument,
        `${argument}: ${show(value)} is not a duration ('${unit}' is not a unit of time); ${HINT}.`,
      );
    }
    // A bare number is milliseconds, but only on its own ('1500'), never inside '2h 30'.
    if (unit === undefined && text.length > m[0].length) {
      throw new LabError(
        argument,
        `${argument}: ${show(value)} has a number without a unit; ${HINT}.`,
      );
    }
    total += Number(m[1]) * (unit === undefined ? 1 : (UNIT_MS[unit] ?? 1));
    parts += 1;
    pos = PART.lastIndex;
    while (text[pos] === ' ' || text[pos] === ',') pos += 1;
  }
  if (parts === 0)
    throw new LabError(argument, `${argument}: ${show(value)} is not a duration; ${HINT}.`);
  return total;
}

/** Parse a duration into integer microseconds (the lab's clock unit). */
export function parseMicros(value: Duration, argument: string): number {
  return Math.round(parseDuration(value, argument) * 1000);
}

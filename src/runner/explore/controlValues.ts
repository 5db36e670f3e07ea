// A control's value read from, checked against, and written back into its literal in the code.
// Durations are read the way the lab reads them (parseDuration: '40s', '2m', 1500) and written in
// the control's unit, keeping the literal's quotes; the code stays the only source of truth.
import { parseDuration } from 'tcp-lab';
import { locateLiteral, replaceLiteral } from './literals';
import type { Parameter } from './parameters';

export type Reading =
  | { status: 'ok'; value: number }
  /** No literal to bind to (see Located), or one this control cannot read. */
  | { status: 'missing' }
  | { status: 'ambiguous'; count: number }
  | { status: 'not-literal'; text: string }
  | { status: 'unparsable'; message: string }
  | { status: 'unreadable'; text: string };

export type Problem =
  | { code: 'not-a-number' }
  | { code: 'not-whole' }
  | { code: 'too-small'; min: number }
  | { code: 'too-large'; max: number; inclusive: boolean }
  | { code: 'not-a-choice'; choices: readonly number[] };

const UNIT_MS = { s: 1000, ms: 1 } as const;

/** Rounds away binary noise (0.1 + 0.2) so literals stay as a reader would type them. */
export function tidy(value: number): number {
  return Number(value.toPrecision(12));
}

export function readControl(source: string, parameter: Parameter): Reading {
  const located = locateLiteral(source, parameter.address);
  if (located.status !== 'found') return located;
  const { value } = located;
  if (parameter.kind === 'duration') {
    try {
      return { status: 'ok', value: tidy(parseDuration(value) / UNIT_MS[parameter.unit ?? 'ms']) };
    } catch {
      return { status: 'unreadable', text: String(value) };
    }
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return { status: 'unreadable', text: String(value) };
  }
  return { status: 'ok', value };
}

/** Why `value` cannot be run, or undefined when it can. */
export function checkValue(parameter: Parameter, value: number): Problem | undefined {
  if (!Number.isFinite(value)) return { code: 'not-a-number' };
  if (parameter.choices && !parameter.choices.includes(value)) {
    return { code: 'not-a-choice', choices: parameter.choices };
  }
  if (parameter.whole && !Number.isInteger(value)) return { code: 'not-whole' };
  const [min, max] = parameter.limits;
  if (value < min) return { code: 'too-small', min };
  if (parameter.belowMax ? value >= max : value > max) {
    return { code: 'too-large', max, inclusive: !parameter.belowMax };
  }
  return undefined;
}

export type Written =
  | { status: 'ok'; source: string }
  | { status: 'rejected'; problem: Problem }
  | Exclude<Reading, { status: 'ok' }>;

/** The code with the control's literal set to `value` (in the control's unit). */
export function writeControl(source: string, parameter: Parameter, value: number): Written {
  const problem = checkValue(parameter, value);
  if (problem) return { status: 'rejected', problem };
  const located = locateLiteral(source, parameter.address);
  if (located.status !== 'found') return located;
  return {
    status: 'ok',
    source: replaceLiteral(source, located, literalText(parameter, value, located)),
  };
}

/** How `value` is written in place of the literal `was`. */
export function literalText(
  parameter: Parameter,
  value: number,
  was: { value: number | string; quote?: string },
): string {
  const number = String(tidy(value));
  if (parameter.kind !== 'duration') return number;
  // A duration written as a bare number is milliseconds; keep that form.
  if (typeof was.value === 'number') return String(tidy(value * UNIT_MS[parameter.unit ?? 'ms']));
  const quote = was.quote ?? "'";
  return `${quote}${number}${parameter.unit ?? 'ms'}${quote}`;
}

/**
 * The middlebox option of createLab(): its kinds, what it does with a forgotten flow, and the
 * validation of `middlebox: { … }` with errors that name the field and its rule.
 */
import type { MiddleboxOptions } from './api.ts';
import { parseMicros } from './duration.ts';
import { LabError } from './errors.ts';
import type { MiddleboxAction, MiddleboxKind } from './types.ts';

export const MIDDLEBOX_KINDS: readonly MiddleboxKind[] = ['nat', 'firewall', 'load-balancer'];
export const FORGOTTEN_ACTIONS: readonly MiddleboxAction[] = ['drop', 'rst'];

/** Longer than any default documented (Linux conntrack keeps an established flow 5 days). */
const MAX_IDLE_US = 30 * 24 * 3_600_000_000;

export interface MiddleboxConfig {
  kind: MiddleboxKind;
  /** A flow no segment has crossed for this long is forgotten, µs. */
  idleTimeoutUs: number;
  onForgotten: MiddleboxAction;
}

function show(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : String(value);
}

export function middleboxConfig(
  options: MiddleboxOptions | undefined,
): MiddleboxConfig | undefined {
  if (options === undefined) return undefined;
  if (options === null || typeof options !== 'object') {
    throw new LabError(
      'middlebox',
      "middlebox: it must be an object such as { kind: 'nat', idleTimeout: '5m' }.",
    );
  }
  const known = ['kind', 'idleTimeout', 'onForgotten'];
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw new LabError(
        `middlebox.${key}`,
        `middlebox: unknown field '${key}'; known fields are ${known.join(', ')}.`,
      );
    }
  }
  const kind = options.kind;
  if (!MIDDLEBOX_KINDS.includes(kind)) {
    throw new LabError(
      'middlebox.kind',
      `middlebox.kind: ${show(kind)} is not a middlebox the lab models; use 'nat', 'firewall' or 'load-balancer'.`,
    );
  }
  if (options.idleTimeout === undefined) {
    throw new LabError(
      'middlebox.idleTimeout',
      "middlebox.idleTimeout: it is required: how long the middlebox keeps an idle flow, e.g. '350s'.",
    );
  }
  const idleTimeoutUs = parseMicros(options.idleTimeout, 'middlebox.idleTimeout');
  if (idleTimeoutUs < 1000) {
    throw new LabError(
      'middlebox.idleTimeout',
      `middlebox.idleTimeout: ${show(options.idleTimeout)} is too short; it must be at least 1 ms.`,
    );
  }
  if (idleTimeoutUs > MAX_IDLE_US) {
    throw new LabError(
      'middlebox.idleTimeout',
      `middlebox.idleTimeout: ${show(options.idleTimeout)} is too long; it must be at most 30 days.`,
    );
  }
  const onForgotten = options.onForgotten ?? 'drop';
  if (!FORGOTTEN_ACTIONS.includes(onForgotten)) {
    throw new LabError(
      'middlebox.onForgotten',
      `middlebox.onForgotten: ${show(onForgotten)} is not an action; use 'drop' (silence) or 'rst' (answer the sender with an RST).`,
    );
  }
  return { kind, idleTimeoutUs, onForgotten };
}

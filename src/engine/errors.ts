/**
 * Errors the lab throws. Readers meet them in the in-page editor, so each message is a sentence
 * that names the argument and the rule it broke.
 */
import { formatDuration } from './durationText.ts';

/** Bad input to the lab: a malformed duration, an out-of-range sysctl, a call at the wrong time. */
export class LabError extends Error {
  /** The argument or call at fault, e.g. "at(time)" or "client.sysctl.tcp_retries2". */
  declare readonly argument: string;
  constructor(argument: string, message: string) {
    super(message);
    this.name = 'LabError';
    this.argument = argument;
  }
}

/**
 * The run processed more events than the lab's budget (LabOptions.maxEvents, default 1,000,000)
 * before reaching its end: a scenario that keeps scheduling work forever.
 */
export class EventBudgetExceeded extends Error {
  declare readonly limit: number;
  /** Virtual time (ms) reached when the budget ran out. */
  declare readonly at: number;
  constructor(limit: number, atMs: number) {
    super(
      `The simulation stopped after ${limit.toLocaleString('en-US')} events at t = ${formatDuration(atMs)} ` +
        'without finishing. Something keeps scheduling work (a timer that re-arms itself, a callback ' +
        'that sends on every event); give run() an earlier `until`, or raise `maxEvents` in createLab().',
    );
    this.name = 'EventBudgetExceeded';
    this.limit = limit;
    this.at = atMs;
  }
}

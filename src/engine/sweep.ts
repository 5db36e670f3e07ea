/**
 * sweepTimerPhase(): one scenario over many timer phases. A real kernel's timers run late by the
 * timer wheel's rounding, which depends on where its jiffies counter happened to be (timer.ts);
 * the phase stands for that, so running a scenario over many phases shows every way the same
 * machine could have gone, and how often.
 */
import type { PhaseSweep, SweepOptions } from './api.ts';
import { checkInteger } from './config.ts';
import { LabError } from './errors.ts';
import { unpublished } from './observe.ts';
import type { RunResult } from './types.ts';

/** 1/φ: successive multiples spread evenly at every scale (jiffy, bucket, cycle), unlike i/n. */
const GOLDEN = 0.6180339887498949;

/** The i-th phase of a sweep. Evenly spaced phases would share their low jiffies bits (i/64 of 2^24 is a multiple of 2^18). */
export function sweepPhase(i: number): number {
  const x = (i + 0.5) * GOLDEN;
  return x - Math.floor(x);
}

/**
 * Run `scenario(timerPhase)` for `phases` phases and tally `measure` of each result. The
 * scenario builds its lab with `createLab({ ..., timerPhase })` and returns `lab.run()`.
 */
export function sweepTimerPhase<T extends string | number | boolean | undefined>(
  scenario: (timerPhase: number) => RunResult,
  measure: (result: RunResult) => T,
  options: SweepOptions = {},
): PhaseSweep<T> {
  if (typeof scenario !== 'function' || typeof measure !== 'function') {
    throw new LabError(
      'sweepTimerPhase()',
      'sweepTimerPhase(scenario, measure): both must be functions, e.g. (phase) => { const lab = createLab({ timerPhase: phase }); …; return lab.run(); } and (r) => r.outcome.id.',
    );
  }
  const n = checkInteger('sweepTimerPhase({ phases })', options.phases ?? 100, 1, 10_000);
  const tally = new Map<T, { count: number; examplePhase: number }>();
  const numbers: number[] = [];
  unpublished(() => {
    for (let i = 0; i < n; i++) {
      const phase = sweepPhase(i);
      const value = measure(scenario(phase));
      const seen = tally.get(value);
      if (seen) seen.count += 1;
      else tally.set(value, { count: 1, examplePhase: phase });
      if (typeof value === 'number') numbers.push(value);
    }
  });
  const values = [...tally]
    .map(([value, { count, examplePhase }]) => ({ value, count, share: count / n, examplePhase }))
    .sort((a, b) => b.count - a.count);
  const sweep: PhaseSweep<T> = { runs: n, values };
  if (numbers.length === n) {
    numbers.sort((a, b) => a - b);
    sweep.min = numbers[0];
    sweep.median = n % 2 ? numbers[n >> 1] : (numbers[n / 2 - 1]! + numbers[n / 2]!) / 2;
    sweep.max = numbers[n - 1];
  }
  return sweep;
}

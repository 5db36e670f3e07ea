// A snippet run many times with one lab option varied, so a chapter can say how often an outcome
// happens instead of quoting one run: over timer phases (where the kernel's jiffies counter
// stood, the lab's `timerPhase`, through the engine's sweepTimerPhase) or over seeds (which
// frames a lossy network drops, and the ISNs and ports).
import * as engine from 'tcp-lab';
import type { Lab, LabOptions, PhaseSweep, RunResult } from 'tcp-lab';
import { runSnippet } from '../../src/runner/runSnippet';
import { readValue } from './runValues';
import { applyEdits, snippetSource, type Edit } from './snippetRuns';

/** What a sweep varies. */
export type SweepOver = 'timerPhase' | 'seed';

/** Runs per sweep: timer phases enough for a share good to the percent; seeds 1 to 100. */
export const SWEEP_RUNS: Record<SweepOver, number> = { timerPhase: 1000, seed: 100 };

/** Runs the snippet's program with `options` forced on every lab it creates; its last run's result. */
function runWith(source: string, options: LabOptions): RunResult {
  let last: RunResult | undefined;
  const forced = {
    ...engine,
    createLab: (own: LabOptions = {}): Lab => {
      const lab = engine.createLab({ ...own, ...options });
      const run = lab.run.bind(lab);
      return Object.assign(lab, {
        run: (...args: Parameters<Lab['run']>) => (last = run(...args)),
      });
    },
  };
  const outcome = runSnippet(source, forced);
  if (outcome.status === 'compile-error' || outcome.status === 'runtime-error') {
    throw new Error(
      `the snippet did not run with ${JSON.stringify(options)}: ${outcome.error.message}`,
    );
  }
  if (!last) throw new Error('the snippet never called lab.run()');
  return last;
}

/** Tallies a measure over seeds 1..n, in the shape sweepTimerPhase gives. */
function seedSweep<T extends string | number>(
  n: number,
  scenario: (seed: number) => RunResult,
  measure: (result: RunResult) => T,
): PhaseSweep<T> {
  const tally = new Map<T, { count: number; examplePhase: number }>();
  for (let seed = 1; seed <= n; seed++) {
    const value = measure(scenario(seed));
    const seen = tally.get(value);
    if (seen) seen.count += 1;
    else tally.set(value, { count: 1, examplePhase: seed });
  }
  const values = [...tally]
    .map(([value, { count, examplePhase }]) => ({ value, count, share: count / n, examplePhase }))
    .sort((a, b) => b.count - a.count);
  const numbers = values.flatMap((v) => (typeof v.value === 'number' ? [v.value] : []));
  return {
    runs: n,
    values,
    ...(numbers.length === values.length && {
      min: Math.min(...numbers),
      max: Math.max(...numbers),
    }),
  };
}

const cache = new Map<string, PhaseSweep<string | number>>();

/**
 * `measure` (a runValues expression, less `minus` if given) of the snippet, edited, over
 * SWEEP_RUNS[over] runs.
 */
export function snippetSweep(
  name: string,
  edits: readonly Edit[],
  over: SweepOver,
  measure: string,
  minus?: string,
): PhaseSweep<string | number> {
  const source = applyEdits(name, snippetSource(name), edits);
  const key = `${over}: ${measure} - ${minus ?? ''}\n${source}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const read = (result: RunResult): string | number => {
    const value = readValue(result, measure);
    if (Array.isArray(value)) throw new Error(`"${measure}" is a list; sweep a single value.`);
    if (minus === undefined) return value;
    const subtrahend = readValue(result, minus);
    if (typeof value !== 'number' || typeof subtrahend !== 'number') {
      throw new Error(`"${measure}" minus "${minus}" needs numbers.`);
    }
    return value - subtrahend;
  };
  const sweep =
    over === 'timerPhase'
      ? engine.sweepTimerPhase((timerPhase) => runWith(source, { timerPhase }), read, {
          phases: SWEEP_RUNS.timerPhase,
        })
      : seedSweep(SWEEP_RUNS.seed, (seed) => runWith(source, { seed }), read);
  cache.set(key, sweep);
  return sweep;
}

/** The share (0..1) of runs in which the measure took this value. */
export function shareOf(sweep: PhaseSweep<string | number>, value: string): number {
  return sweep.values.find((v) => String(v.value) === value)?.share ?? 0;
}

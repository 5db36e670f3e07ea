// A snippet run over many timer phases: how often each value of a measure comes up when the only
// thing that changes is where the kernel's jiffies counter stood (the lab's `timerPhase`), so a
// chapter can say how often a knife-edge outcome happens instead of quoting one run.
import * as engine from 'tcp-lab';
import type { Lab, LabOptions, PhaseSweep, RunResult } from 'tcp-lab';
import { runSnippet } from '../../src/runner/runSnippet';
import { readValue } from './runValues';
import { applyEdits, snippetSource, type Edit } from './snippetRuns';

/** The phases one sweep runs: enough that a share is good to the percent. */
export const SWEEP_PHASES = 1000;

/** Runs the snippet's program with every lab it creates at `timerPhase`; its last run's result. */
function runAtPhase(source: string, timerPhase: number): RunResult {
  let last: RunResult | undefined;
  const atPhase = {
    ...engine,
    createLab: (options: LabOptions = {}): Lab => {
      const lab = engine.createLab({ ...options, timerPhase });
      const run = lab.run.bind(lab);
      return Object.assign(lab, {
        run: (...args: Parameters<Lab['run']>) => (last = run(...args)),
      });
    },
  };
  const outcome = runSnippet(source, atPhase);
  if (outcome.status === 'compile-error' || outcome.status === 'runtime-error') {
    throw new Error(
      `the snippet did not run at timer phase ${timerPhase}: ${outcome.error.message}`,
    );
  }
  if (!last) throw new Error('the snippet never called lab.run()');
  return last;
}

const cache = new Map<string, PhaseSweep<string | number>>();

/**
 * `measure` (a runValues expression, less `minus` if given) of the snippet, edited, over
 * SWEEP_PHASES timer phases.
 */
export function snippetSweep(
  name: string,
  edits: readonly Edit[],
  measure: string,
  minus?: string,
): PhaseSweep<string | number> {
  const source = applyEdits(name, snippetSource(name), edits);
  const key = `${measure} - ${minus ?? ''}\n${source}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const sweep = engine.sweepTimerPhase(
    (phase) => runAtPhase(source, phase),
    (result) => {
      const value = readValue(result, measure);
      if (Array.isArray(value)) throw new Error(`"${measure}" is a list; sweep a single value.`);
      if (minus === undefined) return value;
      const subtrahend = readValue(result, minus);
      if (typeof value !== 'number' || typeof subtrahend !== 'number') {
        throw new Error(`"${measure}" minus "${minus}" needs numbers.`);
      }
      return value - subtrahend;
    },
    { phases: SWEEP_PHASES },
  );
  cache.set(key, sweep);
  return sweep;
}

/** The share (0..1) of phases in which the measure took this value. */
export function shareOf(sweep: PhaseSweep<string | number>, value: string): number {
  return sweep.values.find((v) => String(v.value) === value)?.share ?? 0;
}

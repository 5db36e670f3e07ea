// Build time: a playground's controls and sweep, checked against its snippet (every control
// must find its literal, the sweep must run), and the sweep of the original code computed so the
// chart is in the page before any JavaScript. Mistakes fail the build, naming the playground.
import type * as Engine from 'tcp-lab';
import { readControl } from '../../src/runner/explore/controlValues';
import { normaliseControls } from '../../src/runner/explore/controlSpec';
import { PARAMETERS } from '../../src/runner/explore/parameters';
import { packSweep, sweepSnippet, type SweepSpec } from '../../src/runner/explore/sweep';
import type { ExploreSetup } from './Explorer';

export function exploreSetup(
  where: string,
  source: string,
  controlsInput: unknown,
  sweep: SweepSpec | undefined,
  engine: typeof Engine,
): ExploreSetup {
  try {
    const controls = normaliseControls(controlsInput);
    for (const control of controls) {
      const reading = readControl(source, PARAMETERS[control.id]);
      if (reading.status !== 'ok') {
        throw new Error(
          `control "${control.id}" finds no literal to bind to in the snippet (${reading.status}).`,
        );
      }
    }
    if (!sweep) return { controls };
    const result = sweepSnippet(source, sweep, engine);
    if (result.status !== 'ok') throw new Error(`sweep: ${result.message}`);
    return { controls, sweep, built: packSweep(result.lines, result.runs) };
  } catch (error) {
    throw new Error(`${where}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

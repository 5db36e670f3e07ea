// What a chapter writes in <Playground controls={…}>, checked and completed: a parameter's id,
// or an object with its id and a slider range for this lesson. Mistakes fail the build, naming
// the control and what was expected.
import { PARAMETERS, isParameterId, type ParameterId } from './parameters';

export type ControlInput =
  ParameterId | { id: ParameterId; min?: number; max?: number; step?: number };

export interface ControlSpec {
  id: ParameterId;
  /** The slider's range, in the parameter's unit. */
  range: readonly [number, number];
  step: number;
}

export function normaliseControls(input: unknown): ControlSpec[] {
  if (input === undefined) return [];
  if (!Array.isArray(input)) {
    throw new Error(
      `controls must be a list such as ['replugAt', 'tcpRetries2'], got ${JSON.stringify(input)}.`,
    );
  }
  return input.map((entry: unknown) => {
    const given = typeof entry === 'string' ? { id: entry } : (entry as Record<string, unknown>);
    const id = given?.id;
    if (!isParameterId(id)) {
      throw new Error(
        `controls: ${JSON.stringify(entry)} is not a parameter; use one of ${Object.keys(PARAMETERS).join(', ')}.`,
      );
    }
    const parameter = PARAMETERS[id];
    const number = (key: 'min' | 'max' | 'step', fallback: number): number => {
      const value = given[key] ?? fallback;
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new Error(
          `controls: ${key} of "${id}" must be a number, got ${JSON.stringify(value)}.`,
        );
      }
      return value;
    };
    const min = number('min', parameter.range[0]);
    const max = number('max', parameter.range[1]);
    const step = number('step', parameter.step);
    const [lo, hi] = parameter.limits;
    if (min < lo || max > hi || min >= max || step <= 0) {
      throw new Error(
        `controls: "${id}" needs ${lo} ≤ min < max ≤ ${hi} and a step above 0, got min ${min}, max ${max}, step ${step}.`,
      );
    }
    return { id, range: [min, max] as const, step };
  });
}

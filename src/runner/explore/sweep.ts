// A sweep: the snippet run across a range of one parameter (and, for several lines, at a few
// values of a second), charting one measure. The code is compiled once with the swept literals
// replaced by variables, then evaluated per value, so 1,000 runs cost 1,000 simulations and not
// 1,000 compilations (bench/sweep.bench.ts holds it to the engine's 100 ms plot budget).
// Options of createLab() are forced on the lab instead, so they can be swept even when the code
// leaves them at their default (the timer phase, the seed).
import type * as Engine from 'tcp-lab';
import type { Lab, LabOptions, RunResult } from 'tcp-lab';
import { ENGINE_MODULE, SnippetImportError } from '../runSnippet';
import { transformSnippet } from '../transform';
import { locateLiteral, replaceLiteral } from './literals';
import { MEASURES, isMeasureId, type MeasureId } from './measures';
import { PARAMETERS, isParameterId, type Parameter, type ParameterId } from './parameters';

export interface SweepSpec {
  /** The parameter along the x axis. */
  over: ParameterId;
  /** Its values, in the parameter's unit: from..to in steps of `step`. */
  from: number;
  to: number;
  step: number;
  /** One line per value of a second parameter; one line when absent. */
  series?: { over: ParameterId; values: readonly number[] };
  measure: MeasureId;
}

export interface SweepPoint {
  x: number;
  /** The measure, or null when the run had none (e.g. no error before the run ended). */
  y: number | null;
  outcome: string;
}

export interface SweepLine {
  /** The series parameter's value, when there are several lines. */
  value?: number;
  points: SweepPoint[];
}

export type SweepResult =
  | { status: 'ok'; spec: SweepSpec; lines: SweepLine[]; runs: number }
  | { status: 'failed'; message: string };

/** Most runs one sweep may make: a slider dragged over a chart must not start a minute's work. */
export const MAX_SWEEP_RUNS = 2000;

const SWEPT = '__sweptValue';
const SERIES = '__seriesValue';
const UNIT_MS = { s: 1000, ms: 1 } as const;

/** The values from..to by step, without binary noise. */
export function sweepValues(spec: Pick<SweepSpec, 'from' | 'to' | 'step'>): number[] {
  const { from, to, step } = spec;
  const out: number[] = [];
  const n = Math.floor((to - from) / step + 1e-9);
  for (let i = 0; i <= n; i++) out.push(Number((from + i * step).toPrecision(12)));
  return out;
}

/** Why a spec cannot be swept (a chapter's mistake, named), or undefined. */
export function checkSweepSpec(spec: SweepSpec): string | undefined {
  if (!isParameterId(spec.over)) return `unknown parameter "${String(spec.over)}".`;
  if (!isMeasureId(spec.measure)) return `unknown measure "${String(spec.measure)}".`;
  if (![spec.from, spec.to, spec.step].every(Number.isFinite) || spec.step <= 0) {
    return 'from, to and step must be numbers, with step above 0.';
  }
  if (spec.to < spec.from) return `to (${spec.to}) is below from (${spec.from}).`;
  if (spec.series && !isParameterId(spec.series.over)) {
    return `unknown series parameter "${String(spec.series.over)}".`;
  }
  const runs = sweepValues(spec).length * (spec.series?.values.length ?? 1);
  if (runs > MAX_SWEEP_RUNS)
    return `${runs} runs is more than the ${MAX_SWEEP_RUNS} a sweep may make.`;
  return undefined;
}

/** The value a snippet's code sees for a parameter: durations in milliseconds. */
function jsValue(parameter: Parameter, value: number): number {
  return parameter.kind === 'duration' ? value * UNIT_MS[parameter.unit ?? 'ms'] : value;
}

const isLabOption = (p: Parameter) => p.address.call === 'createLab';

/** Sets a nested option, copying the objects on its path. */
function withOption(options: LabOptions, path: readonly string[], value: number): LabOptions {
  const [key, ...rest] = path;
  if (key === undefined) return options;
  const record = options as Record<string, unknown>;
  const inner = (record[key] ?? {}) as LabOptions;
  return { ...options, [key]: rest.length ? withOption(inner, rest, value) : value };
}

const silent = new Proxy({}, { get: () => () => undefined }) as Console;

export function sweepSnippet(source: string, spec: SweepSpec, engine: typeof Engine): SweepResult {
  const problem = checkSweepSpec(spec);
  if (problem) return { status: 'failed', message: problem };
  const over = PARAMETERS[spec.over];
  const series = spec.series && PARAMETERS[spec.series.over];

  // Literals that are not lab options become variables of the compiled program.
  let code = source;
  for (const [parameter, name] of [
    [over, SWEPT],
    [series, SERIES],
  ] as const) {
    if (!parameter || isLabOption(parameter)) continue;
    const located = locateLiteral(code, parameter.address);
    if (located.status !== 'found') {
      return { status: 'failed', message: `no literal for ${parameter.id} (${located.status}).` };
    }
    code = replaceLiteral(code, located, name);
  }
  const compiled = transformSnippet(code);
  if (!compiled.ok) return { status: 'failed', message: compiled.error.message };
  const program = new Function(
    'require',
    'exports',
    'module',
    'console',
    SWEPT,
    SERIES,
    compiled.code,
  ) as (...args: unknown[]) => void;

  let forced: LabOptions = {};
  let last: RunResult | undefined;
  const module = {
    ...engine,
    createLab: (own: LabOptions = {}): Lab => {
      const lab = engine.createLab(merged(own, forced));
      const run = lab.run.bind(lab);
      return Object.assign(lab, {
        run: (...args: Parameters<Lab['run']>) => (last = run(...args)),
      });
    },
  };
  const requireModule = (name: string): unknown => {
    if (name === ENGINE_MODULE) return module;
    throw new SnippetImportError(name);
  };

  const measure = MEASURES[spec.measure];
  const xs = sweepValues(spec);
  const lineValues: (number | undefined)[] = series
    ? [...(spec.series?.values ?? [])]
    : [undefined];
  const lines: SweepLine[] = [];
  for (const lineValue of lineValues) {
    const points: SweepPoint[] = [];
    for (const x of xs) {
      forced = {};
      if (isLabOption(over)) forced = withOption(forced, over.address.path ?? [], jsValue(over, x));
      if (series && lineValue !== undefined && isLabOption(series)) {
        forced = withOption(forced, series.address.path ?? [], jsValue(series, lineValue));
      }
      last = undefined;
      try {
        const exports = {};
        program(
          requireModule,
          exports,
          { exports },
          silent,
          jsValue(over, x),
          series && lineValue !== undefined ? jsValue(series, lineValue) : undefined,
        );
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return { status: 'failed', message: `at ${spec.over} = ${x}: ${message}` };
      }
      // Set by the program's lab.run(), which TypeScript cannot see through the closure.
      const result = last as RunResult | undefined;
      if (!result) return { status: 'failed', message: 'the code never calls lab.run().' };
      points.push({ x, y: measure.read(result) ?? null, outcome: result.outcome.id });
    }
    lines.push(lineValue === undefined ? { points } : { value: lineValue, points });
  }
  return { status: 'ok', spec, lines, runs: xs.length * lineValues.length };
}

/** `own` with every value of `forced` laid over it, nested objects merged. */
function merged(own: LabOptions, forced: LabOptions): LabOptions {
  const out: Record<string, unknown> = { ...own };
  for (const [key, value] of Object.entries(forced)) {
    const mine = out[key];
    out[key] =
      typeof value === 'object' && value !== null && typeof mine === 'object' && mine !== null
        ? merged(mine as LabOptions, value as LabOptions)
        : value;
  }
  return out as LabOptions;
}

/**
 * A sweep's lines in the compact form a page carries (the island's props are in the HTML): the
 * x values follow from the spec, so only the measures are kept, each line's as one string of
 * comma-separated numbers (empty for a run without one) and its outcomes as indexes. Astro
 * writes every array element of a prop with a type tag, which a string of numbers avoids.
 */
export interface PackedSweep {
  runs: number;
  outcomes: string[];
  lines: { value?: number; y: string; o: string }[];
}

export function packSweep(lines: readonly SweepLine[], runs: number): PackedSweep {
  const outcomes: string[] = [];
  const index = (id: string) => {
    const at = outcomes.indexOf(id);
    return at >= 0 ? at : outcomes.push(id) - 1;
  };
  return {
    runs,
    outcomes,
    lines: lines.map((line) => ({
      ...(line.value !== undefined && { value: line.value }),
      y: line.points.map((p) => (p.y === null ? '' : String(p.y))).join(','),
      o: line.points.map((p) => index(p.outcome)).join(','),
    })),
  };
}

export function unpackSweep(spec: SweepSpec, packed: PackedSweep): SweepLine[] {
  const xs = sweepValues(spec);
  return packed.lines.map((line) => {
    const ys = line.y.split(',');
    const os = line.o.split(',');
    return {
      ...(line.value !== undefined && { value: line.value }),
      points: xs.map((x, i) => ({
        x,
        y: ys[i] ? Number(ys[i]) : null,
        outcome: packed.outcomes[Number(os[i])] ?? '',
      })),
    };
  });
}

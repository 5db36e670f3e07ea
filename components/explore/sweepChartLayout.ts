// Geometry of a sweep chart, without the DOM: linear axes from the parameter's range and from 0
// to a round number above the largest value, ticks at round steps (durations at steps a reader
// counts in: seconds, minutes), and each line's path, broken where a run had no value. Values
// that all lie close together (within a quarter of the largest: give-up times across timer
// phases) get an axis from a round number below the smallest, or their spread would be flat.
import type { SweepLine, SweepSpec } from '../../src/runner/explore/sweep';

export const chartGeometry = {
  width: 640,
  height: 300,
  left: 70,
  right: 620,
  top: 16,
  bottom: 250,
} as const;

export interface ChartTick {
  value: number;
  at: number;
}

export interface ChartLine {
  value?: number;
  path: string;
  dots: { x: number; y: number; cx: number; cy: number }[];
}

export interface ChartLayout {
  xTicks: ChartTick[];
  yTicks: ChartTick[];
  lines: ChartLine[];
  x(value: number): number;
  y(value: number): number;
  yMin: number;
  yMax: number;
}

/** The values' spread is under this share of the largest value: the y axis leaves out 0. */
const CLOSE_SPREAD = 1 / 4;

const DURATION_STEPS = [
  1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 15_000, 30_000, 60_000, 120_000,
  300_000, 600_000, 900_000, 1_800_000, 3_600_000, 7_200_000, 10_800_000, 21_600_000,
];

/** A round step giving at most `count` intervals over `span`. */
export function tickStep(span: number, count: number, duration: boolean): number {
  const raw = span / count;
  if (duration)
    return DURATION_STEPS.find((s) => s >= raw) ?? Math.ceil(raw / 3_600_000) * 3_600_000;
  const power = 10 ** Math.floor(Math.log10(raw || 1));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
}

function ticks(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let v = Math.ceil(from / step - 1e-9) * step; v <= to + 1e-9; v += step) {
    out.push(Number(v.toPrecision(12)));
  }
  return out;
}

export function layoutSweepChart(
  spec: SweepSpec,
  lines: readonly SweepLine[],
  duration: boolean,
): ChartLayout {
  const g = chartGeometry;
  const ys = lines.flatMap((l) => l.points.flatMap((p) => (p.y === null ? [] : [p.y])));
  const top = Math.max(1, ...ys);
  const lowest = Math.min(top, ...ys);
  const low = top - lowest < top * CLOSE_SPREAD ? lowest : 0;
  const yStep = tickStep(top - low || top * CLOSE_SPREAD, 5, duration);
  const yMin = Math.floor(low / yStep + 1e-9) * yStep;
  const yMax = Math.max(Math.ceil(top / yStep - 1e-9) * yStep, yMin + yStep);
  const span = spec.to - spec.from || 1;
  const x = (v: number) => g.left + ((v - spec.from) / span) * (g.right - g.left);
  const y = (v: number) => g.bottom - ((v - yMin) / (yMax - yMin)) * (g.bottom - g.top);
  const xStep = tickStep(span, 8, false);
  return {
    x,
    y,
    yMin,
    yMax,
    xTicks: ticks(spec.from, spec.to, Math.max(xStep, spec.step)).map((value) => ({
      value,
      at: x(value),
    })),
    yTicks: ticks(yMin, yMax, yStep).map((value) => ({ value, at: y(value) })),
    lines: lines.map((line) => {
      let path = '';
      let drawing = false;
      const dots: ChartLine['dots'] = [];
      for (const p of line.points) {
        if (p.y === null) {
          drawing = false;
          continue;
        }
        const cx = Math.round(x(p.x) * 10) / 10;
        const cy = Math.round(y(p.y) * 10) / 10;
        path += `${drawing ? 'L' : 'M'}${cx},${cy}`;
        drawing = true;
        dots.push({ x: p.x, y: p.y, cx, cy });
      }
      return { ...(line.value !== undefined && { value: line.value }), path, dots };
    }),
  };
}

/**
 * One path drawing a round dot at each point (zero-length segments with round caps): the first
 * move absolute, the rest relative to the one before. Coordinates are rounded to `precision`
 * decimals first and the steps taken between rounded positions, so no error accumulates; steps
 * along a sweep repeat, which the page's compression shrinks to little.
 */
export function dotsPath(dots: readonly { cx: number; cy: number }[], precision: 0 | 1): string {
  const scale = 10 ** precision;
  let path = '';
  let last: [number, number] | undefined;
  for (const dot of dots) {
    const at: [number, number] = [Math.round(dot.cx * scale), Math.round(dot.cy * scale)];
    const [x, y] = last ? [at[0] - last[0], at[1] - last[1]] : at;
    path += `${last ? 'm' : 'M'}${x / scale},${y / scale}h0`;
    last = at;
  }
  return path;
}

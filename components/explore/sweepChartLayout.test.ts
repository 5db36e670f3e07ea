import { describe, expect, it } from 'vitest';
import type { SweepLine, SweepSpec } from '../../src/runner/explore/sweep';
import { chartGeometry, dotsPath, layoutSweepChart } from './sweepChartLayout';

/** The absolute positions a dots path visits, read back by summing its relative moves. */
function visited(path: string): [number, number][] {
  const out: [number, number][] = [];
  for (const [, command, x, y] of path.matchAll(/([Mm])(-?[\d.]+),(-?[\d.]+)h0/g)) {
    const last = out.at(-1) ?? [0, 0];
    out.push(command === 'M' ? [Number(x), Number(y)] : [last[0] + Number(x), last[1] + Number(y)]);
  }
  return out;
}

describe('dotsPath', () => {
  const dots = Array.from({ length: 300 }, (_, i) => ({
    cx: 70 + i * 1.8367,
    cy: 250 - ((i * 7.31) % 233.3),
  }));

  it('puts every dot where rounding its own position puts it, with no drift along the path', () => {
    const points = visited(dotsPath(dots, 0));
    expect(points).toHaveLength(dots.length);
    points.forEach(([x, y], i) => {
      expect(x).toBe(Math.round(dots[i]!.cx));
      expect(y).toBe(Math.round(dots[i]!.cy));
    });
  });

  it('keeps tenths of a pixel when asked', () => {
    const points = visited(dotsPath(dots.slice(0, 20), 1));
    points.forEach(([x, y], i) => {
      expect(x).toBeCloseTo(Math.round(dots[i]!.cx * 10) / 10, 9);
      expect(y).toBeCloseTo(Math.round(dots[i]!.cy * 10) / 10, 9);
    });
  });

  it('draws nothing for no dots', () => {
    expect(dotsPath([], 0)).toBe('');
  });
});

describe('layoutSweepChart: the y axis', () => {
  const spec: SweepSpec = {
    over: 'timerPhase',
    from: 0,
    to: 1,
    step: 0.5,
    measure: 'giveUpAfterSend',
  };
  const line = (...ys: number[]): SweepLine => ({
    points: ys.map((y, i) => ({ x: i / 2, y, outcome: 'sender-aborts' })),
  });

  it('starts at 0 for values spread widely', () => {
    const layout = layoutSweepChart(spec, [line(600, 13_000, 924_000)], true);
    expect(layout.yMin).toBe(0);
    expect(layout.yTicks[0]!.value).toBe(0);
    expect(layout.y(0)).toBe(chartGeometry.bottom);
  });

  it('starts below the smallest of values close together, so their spread shows', () => {
    const layout = layoutSweepChart(spec, [line(13_056, 13_300, 14_100)], true);
    expect(layout.yMin).toBeGreaterThan(0);
    expect(layout.yMin).toBeLessThanOrEqual(13_056);
    expect(layout.yMax).toBeGreaterThanOrEqual(14_100);
    expect(layout.yTicks[0]!.value).toBe(layout.yMin);
    const [a, , c] = layout.lines[0]!.dots;
    // The spread takes most of the chart's height, not the top sliver.
    expect(a!.cy - c!.cy).toBeGreaterThan((chartGeometry.bottom - chartGeometry.top) / 3);
  });

  it('draws values that are all the same on an axis around them', () => {
    const layout = layoutSweepChart(spec, [line(13_000, 13_000, 13_000)], true);
    expect(layout.yMax).toBeGreaterThan(layout.yMin);
    for (const dot of layout.lines[0]!.dots) {
      expect(dot.cy).toBeGreaterThanOrEqual(chartGeometry.top);
      expect(dot.cy).toBeLessThanOrEqual(chartGeometry.bottom);
    }
  });
});

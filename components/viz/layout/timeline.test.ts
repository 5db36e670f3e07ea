import { describe, expect, it } from 'vitest';
import { handmadeAbort } from '../fixtures/handmade';
import { idleUnplugged, unplugWithData } from '../testing/labScenarios';
import {
  chooseScale,
  dominantGap,
  layoutTimeline,
  linearTicks,
  logTicks,
  timelineGeometry,
} from './timeline';

describe('axis choice', () => {
  it('goes logarithmic when retransmissions spread from 200 ms to minutes', () => {
    const gaps = [201, 201, 402, 804, 1608, 3216, 6432, 12864, 25728, 51456, 102912, 120_000];
    expect(chooseScale(gaps)).toBe('log');
  });
  it('stays linear for evenly spaced probes', () => {
    expect(chooseScale([5000, 5000, 5000])).toBe('linear');
  });
  it('stays linear for a single send, whatever the span', () => {
    expect(chooseScale([])).toBe('linear');
    expect(chooseScale([10])).toBe('linear');
  });
  it('breaks the axis when one quiet stretch takes most of the run', () => {
    const probes = [7_200_000, 7_275_000, 7_350_000];
    expect(dominantGap([0, 20, ...probes], 7_425_000)).toEqual({ from: 20, to: 7_200_000 });
    expect(dominantGap([0, 10_000, 15_000, 20_000], 25_000)).toBeUndefined();
  });
});

describe('ticks in human units', () => {
  it('uses round steps for linear axes', () => {
    expect(linearTicks(0, 25_000)).toEqual([0, 5000, 10_000, 15_000, 20_000, 25_000]);
    expect(linearTicks(7_200_000, 7_875_000, 4)).toEqual([7_200_000, 7_500_000, 7_800_000]);
  });
  it('uses decades of familiar units for log axes', () => {
    expect(logTicks(925_824, 50)).toEqual([100, 1000, 10_000, 60_000, 600_000]);
  });
});

describe('layoutTimeline', () => {
  const layout = layoutTimeline(handmadeAbort);
  it('places every segment on its sender row, in time order', () => {
    expect(layout.marks).toHaveLength(handmadeAbort.segments.length);
    for (const m of layout.marks) expect(m.y).toBe(timelineGeometry.rowY[m.segment.from]);
    const xs = layout.marks.map((m) => m.x);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
  });
  it('marks the error the server saw', () => {
    expect(layout.errors).toEqual([
      expect.objectContaining({ host: 'server', errno: 'ETIMEDOUT', t: 6532 }),
    ]);
  });
  it('measures the intervals of the retransmission series as they double', () => {
    const gaps = layout.intervals.filter((i) => i.host === 'server').map((i) => i.gap);
    expect(gaps).toEqual([201, 201, 402, 804, 1608]);
  });
  it('keeps every x inside the plot', () => {
    for (const m of layout.marks) {
      expect(m.x).toBeGreaterThanOrEqual(timelineGeometry.left);
      expect(m.x).toBeLessThanOrEqual(timelineGeometry.right);
    }
  });
});

describe('positions the server and the browser agree on', () => {
  // The log axis goes through Math.log, whose last bits may differ between the build's engine
  // and the reader's browser; positions rounded to 0.01 px come out the same in both.
  const onGrid = (value: number) => Math.round(value * 100) / 100 === value;
  it.each([
    ['log axis', unplugWithData({ replug: false })],
    ['broken axis', idleUnplugged({ keepalive: true })],
    ['linear axis', unplugWithData({ replug: true })],
  ])('every x of the %s is on a 0.01 px grid', (_name, result) => {
    const layout = layoutTimeline(result);
    const xs = [
      ...layout.marks.map((m) => m.x),
      ...layout.ticks.map((t) => t.x),
      ...layout.errors.map((e) => e.x),
      ...layout.bands.flatMap((b) => [b.x0, b.x1]),
      ...layout.intervals.flatMap((i) => [i.x1, i.x2]),
    ];
    expect(xs.length).toBeGreaterThan(0);
    expect(xs.filter((x) => !onGrid(x))).toEqual([]);
  });
});

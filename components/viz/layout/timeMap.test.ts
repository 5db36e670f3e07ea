import { describe, expect, it } from 'vitest';
import { buildTimeMap, defaultTimeMapOptions, gapHeight } from './timeMap';

const options = { ...defaultTimeMapOptions, unit: 1 };

describe('buildTimeMap', () => {
  it('maps the first moment to 0 and grows monotonically', () => {
    const map = buildTimeMap([{ t: 0 }, { t: 10 }, { t: 200 }, { t: 5000 }], options);
    expect(map.y(0)).toBe(0);
    const ys = [0, 5, 10, 100, 200, 3000, 5000].map(map.y);
    for (let i = 1; i < ys.length; i++) expect(ys[i]).toBeGreaterThan(ys[i - 1]!);
  });

  it('gives longer gaps more room, but less than proportionally', () => {
    const map = buildTimeMap([{ t: 0 }, { t: 200 }, { t: 600 }], options);
    const first = map.y(200) - map.y(0);
    const second = map.y(600) - map.y(200);
    expect(second).toBeGreaterThan(first);
    expect(second).toBeLessThan(first * 2);
  });

  it('never lets two moments come closer than the minimum gap', () => {
    const map = buildTimeMap([{ t: 0 }, { t: 0.001 }, { t: 0.002 }], options);
    expect(map.y(0.001) - map.y(0)).toBe(options.minGap);
    expect(map.y(0.002) - map.y(0.001)).toBe(options.minGap);
  });

  it('keeps room below a moment for its stacked labels', () => {
    const map = buildTimeMap([{ t: 0, reserve: 60 }, { t: 1 }], options);
    expect(map.y(1)).toBe(60);
  });

  it('collapses a quiet stretch longer than breakAfter into one fixed-height break', () => {
    const twoHours = 2 * 3600_000;
    const moments = [0, 100, 100 + twoHours, 100 + twoHours + 75_000, 100 + 2 * twoHours];
    const map = buildTimeMap(
      moments.map((t) => ({ t })),
      options,
    );
    expect(map.breaks).toHaveLength(2);
    const [idle, later] = map.breaks;
    expect(idle).toMatchObject({ from: 100, to: 100 + twoHours });
    expect(idle!.y1 - idle!.y0).toBeCloseTo(options.breakHeight, 6);
    expect(later).toMatchObject({ from: 100 + twoHours + 75_000, to: 100 + 2 * twoHours });
    // 75 s between keepalive probes stays to scale: taller than the minimum, not a break.
    const interval = map.y(100 + twoHours + 75_000) - map.y(100 + twoHours);
    expect(interval).toBeGreaterThan(options.minGap);
    // Two hours cost no more height than any other break.
    expect(map.y(100 + twoHours) - map.y(100)).toBeCloseTo(
      map.y(100 + 2 * twoHours) - map.y(100 + twoHours + 75_000),
      6,
    );
  });

  it('stretches a span to its minimum height without moving earlier moments', () => {
    const map = buildTimeMap(
      [{ t: 0 }, { t: 5 }, { t: 10 }],
      options,
      [],
      [{ from: 0, to: 10, min: 100 }],
    );
    expect(map.y(5)).toBe(options.minGap);
    expect(map.y(10)).toBe(100);
  });

  it('clamps times outside the moments to the ends', () => {
    const map = buildTimeMap([{ t: 10 }, { t: 20 }], options);
    expect(map.y(-5)).toBe(map.y(10));
    expect(map.y(99)).toBe(map.y(20));
  });

  it('merges moments at the same time', () => {
    const map = buildTimeMap([{ t: 5 }, { t: 5, reserve: 30 }, { t: 5 }], options);
    expect(map.knots).toHaveLength(1);
    expect(map.height).toBe(30);
  });

  it('names the problem when a time is not a number', () => {
    expect(() => buildTimeMap([{ t: Number.NaN }])).toThrow(/finite/);
  });
});

describe('gapHeight', () => {
  it('is bounded by the minimum and maximum gap', () => {
    expect(gapHeight(0, 0, options)).toBe(options.minGap);
    expect(gapHeight(59_000, 0, { ...options, perDoubling: 10 })).toBe(options.maxGap);
  });
});

import { describe, expect, it } from 'vitest';
import { dotsPath } from './sweepChartLayout';

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

import { describe, expect, it } from 'vitest';
import { handmadeAbort } from '../fixtures/handmade';
import { MAX_ARROWS, geometry, layoutSequence, readableAngle } from './sequence';

describe('layoutSequence', () => {
  const layout = layoutSequence(handmadeAbort);

  it('draws one arrow per segment, time flowing down', () => {
    expect(layout.arrows).toHaveLength(handmadeAbort.segments.length);
    for (const a of layout.arrows) expect(a.y2).toBeGreaterThanOrEqual(a.y1);
    const starts = layout.arrows.map((a) => a.y1);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
  });

  it('stops lost arrows at the cut next to the unplugged client', () => {
    const lost = layout.arrows.filter((a) => a.lost);
    expect(lost).toHaveLength(6);
    for (const a of lost) expect(a.x2).toBe(geometry.clientX + geometry.cutInset);
    const delivered = layout.arrows.filter((a) => !a.lost);
    for (const a of delivered) expect([geometry.clientX, geometry.serverX]).toContain(a.x2);
  });

  it('shades the unplugged period to the end of the run', () => {
    expect(layout.bands).toHaveLength(1);
    expect(layout.bands[0]).toMatchObject({
      host: 'client',
      kind: 'unplugged',
      from: 50,
      to: 6532,
    });
  });

  it('stacks notes at the same moment on separate lines', () => {
    const atAbort = layout.notes.filter((n) => n.t === 6532);
    expect(atAbort.map((n) => n.text)).toEqual(['CLOSED', 'ETIMEDOUT']);
    expect(atAbort[1]!.y - atAbort[0]!.y).toBe(geometry.lineHeight);
    expect(layout.height).toBeGreaterThan(atAbort[1]!.y);
  });

  it('has no breaks when nothing is quiet for a minute', () => {
    expect(layout.breaks).toEqual([]);
  });

  it('collapses a long idle stretch into a break', () => {
    const later = {
      ...handmadeAbort,
      end: 3 * 3600_000,
    };
    const withIdle = layoutSequence(later);
    expect(withIdle.breaks).toHaveLength(1);
    expect(withIdle.breaks[0]!.to).toBe(3 * 3600_000);
  });
});

describe('readableAngle', () => {
  it('keeps text upright for arrows in both directions', () => {
    expect(readableAngle(0, 0, 100, 10)).toBeCloseTo(5.71, 1);
    expect(readableAngle(100, 0, 0, 10)).toBeCloseTo(-5.71, 1);
  });
});

describe('a run too long to draw every segment', () => {
  // A ping every second for twenty minutes: 1200 segments.
  const base = handmadeAbort.segments[2]!;
  const segments = Array.from({ length: 1200 }, (_, id) => ({
    ...base,
    id,
    t: 1000 * id,
    arrivedAt: 1000 * id + 10,
  }));
  const layout = layoutSequence({ ...handmadeAbort, segments, end: 1_200_000, outages: [] });

  it('draws the first and the last segments and says how many it left out', () => {
    expect(layout.arrows).toHaveLength(MAX_ARROWS);
    expect(layout.arrows[0]!.segment.id).toBe(0);
    expect(layout.arrows[MAX_ARROWS - 1]!.segment.id).toBe(1199);
    expect(layout.omitted).toEqual({ from: 199_010, to: 1_000_000, count: 800 });
  });

  it('collapses the left-out stretch into a break', () => {
    expect(layout.breaks).toEqual([expect.objectContaining({ from: 199_010, to: 1_000_000 })]);
  });
});

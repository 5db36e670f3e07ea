import { describe, expect, it } from 'vitest';
import { linearScale, logScale } from './scales';

describe('linearScale', () => {
  it('maps and clamps', () => {
    const x = linearScale([0, 100], [10, 210]);
    expect(x(0)).toBe(10);
    expect(x(50)).toBe(110);
    expect(x(-5)).toBe(10);
    expect(x(500)).toBe(210);
  });
  it('follows several stops, squeezing a collapsed stretch', () => {
    const x = linearScale([0, 30, 7_200_000, 7_900_000], [0, 100, 140, 640]);
    expect(x(15)).toBe(50);
    expect(x(3_600_015)).toBe(120);
    expect(x(7_550_000)).toBe(390);
  });
  it('names the problem with mismatched stops', () => {
    expect(() => linearScale([0, 1, 2], [0, 1])).toThrow(/two stops/);
  });
});

describe('logScale', () => {
  it('gives every doubling the same width', () => {
    const x = logScale([100, 102_400], [0, 100]);
    expect(x(200) - x(100)).toBeCloseTo(10, 9);
    expect(x(51_200) - x(25_600)).toBeCloseTo(10, 9);
  });
  it('clamps outside its domain', () => {
    const x = logScale([1, 1000], [0, 300]);
    expect(x(0)).toBe(0);
    expect(x(5000)).toBe(300);
  });
  it('refuses a domain that touches zero', () => {
    expect(() => logScale([0, 10], [0, 1])).toThrow(/0 < start < end/);
  });
});

import { describe, expect, it } from 'vitest';
import { byteOf, FirstPages, packBytes, TimeColumn, withByte } from '../columns.ts';

describe('TimeColumn', () => {
  it('gives back times beyond 2^32 µs (71.6 minutes) for rows added in time order', () => {
    const times = [0, 5, 2 ** 32 - 1, 2 ** 32, 2 ** 32 + 7, 3 * 2 ** 32 + 1, 10 * 3600e6];
    const column = new TimeColumn(new FirstPages());
    times.forEach((us, row) => column.set(row, us));
    expect(times.map((_, row) => column.get(row))).toEqual(times);
  });

  it('keeps rows apart across many pages, and a row written again at its own time', () => {
    const column = new TimeColumn(new FirstPages());
    const rows = 40_000;
    for (let row = 0; row < rows; row++) column.set(row, row * 250_000);
    column.set(rows - 1, (rows - 1) * 250_000);
    for (const row of [0, 17_179, 17_180, 20_000, rows - 1]) {
      expect(column.get(row)).toBe(row * 250_000);
    }
  });
});

describe('packed codes', () => {
  it('keeps four codes of 0–255 apart, and replaces one without touching the others', () => {
    const packed = packBytes(1, 255, 0, 200);
    expect([0, 1, 2, 3].map((k) => byteOf(packed, k))).toEqual([1, 255, 0, 200]);
    const changed = withByte(packed, 3, 9);
    expect([0, 1, 2, 3].map((k) => byteOf(changed, k))).toEqual([1, 255, 0, 9]);
    expect(changed).toBeGreaterThanOrEqual(0);
  });
});

import { describe, expect, it } from 'vitest';
import { unplugWithData } from '../viz/testing/labScenarios';
import { lastActivity, layoutCompare } from './compareLayout';

describe('layoutCompare', () => {
  it('places both runs on one scale, reaching the later run’s last activity', () => {
    const survived = unplugWithData({ replug: true });
    const aborted = unplugWithData({ replug: false });
    const layout = layoutCompare(survived, aborted);
    expect(layout.rows.map((r) => `${r.run} ${r.host}`)).toEqual([
      'pinned client',
      'pinned server',
      'current client',
      'current server',
    ]);
    expect(layout.end).toBeGreaterThanOrEqual(
      Math.max(lastActivity(survived), lastActivity(aborted)),
    );
    // The same send, at the same moment in both runs, is drawn at the same x.
    const firstServerMark = (run: 'pinned' | 'current') =>
      layout.rows.find((r) => r.run === run && r.host === 'server')!.marks[0]!;
    expect(firstServerMark('pinned').t).toBe(firstServerMark('current').t);
    expect(firstServerMark('pinned').x).toBe(firstServerMark('current').x);
    // Only the run that gave up has an error mark, after every mark of the other.
    const error = layout.rows.find((r) => r.run === 'current' && r.host === 'server')!.errors[0]!;
    expect(layout.rows.find((r) => r.run === 'pinned' && r.host === 'server')!.errors).toEqual([]);
    expect(error.x).toBeGreaterThan(Math.max(...layout.rows[1]!.marks.map((m) => m.x)));
    // Time runs left to right, and ticks stay inside the axis.
    const xs = layout.rows[3]!.marks.map((m) => m.x);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    expect(layout.ticks.every((t) => t.x >= 120 && t.x <= 640)).toBe(true);
  });
});

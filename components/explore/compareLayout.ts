// Geometry of two runs on one time axis: four rows (the pinned run's client and server, then the
// current run's), a mark per segment sent, the outages and the errors, all placed by the same
// scale. The scale is logarithmic in (1 + t / 100 ms), so a handshake at 20 ms and a give-up
// after 15 minutes both have room, and equal times line up exactly between the two runs.
import type { HostName, RunResult } from 'tcp-lab';
import { markKind, type MarkKind } from '../viz/layout/timeline';

export const compareGeometry = {
  width: 660,
  left: 120,
  right: 640,
  rowHeight: 26,
  top: 18,
  gapBetweenRuns: 14,
} as const;

const UNIT = 100;
const TICKS = [0, 100, 1000, 10_000, 60_000, 600_000, 3_600_000, 36_000_000];

export type RunKey = 'pinned' | 'current';

export interface CompareRow {
  run: RunKey;
  host: HostName;
  y: number;
  marks: { x: number; kind: MarkKind; t: number }[];
  bands: { x0: number; x1: number; kind: string }[];
  errors: { x: number; t: number; errno: string }[];
}

export interface CompareLayout {
  rows: CompareRow[];
  ticks: { t: number; x: number }[];
  axisY: number;
  height: number;
  /** The last moment either run did anything, which the axis reaches. */
  end: number;
  x(t: number): number;
}

/** The last moment anything happened in a run: a segment, an error, an outage starting or ending. */
export function lastActivity(run: RunResult): number {
  const times = [
    ...run.segments.map((s) => s.t),
    run.client.errorAt ?? 0,
    run.server.errorAt ?? 0,
    ...run.outages.flatMap((o) => [o.from, o.to ?? 0]),
  ];
  return Math.max(0, ...times);
}

export function layoutCompare(pinned: RunResult, current: RunResult): CompareLayout {
  const g = compareGeometry;
  const end = Math.max(lastActivity(pinned), lastActivity(current), 1000) * 1.1;
  const span = Math.log1p(end / UNIT);
  const x = (t: number) => g.left + (Math.log1p(Math.max(0, t) / UNIT) / span) * (g.right - g.left);
  const rows: CompareRow[] = [];
  let y = g.top;
  for (const [key, run] of [
    ['pinned', pinned],
    ['current', current],
  ] as const) {
    for (const host of ['client', 'server'] as const) {
      const error = run[host];
      rows.push({
        run: key,
        host,
        y,
        marks: run.segments
          .filter((s) => s.from === host)
          .map((s) => ({ x: x(s.t), kind: markKind(s), t: s.t })),
        bands: run.outages
          .filter((o) => o.host === host)
          .map((o) => ({ x0: x(o.from), x1: x(o.to ?? end), kind: o.kind })),
        errors:
          error.errorAt !== undefined && error.error
            ? [{ x: x(error.errorAt), t: error.errorAt, errno: error.error }]
            : [],
      });
      y += g.rowHeight;
    }
    y += g.gapBetweenRuns;
  }
  const axisY = y - g.gapBetweenRuns + 4;
  return {
    rows,
    ticks: TICKS.filter((t) => t <= end).map((t) => ({ t, x: x(t) })),
    axisY,
    height: axisY + 24,
    end,
    x,
  };
}

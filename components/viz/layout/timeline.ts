// Geometry of the compact timeline: one row per host, a mark per segment sent, the errors the
// applications saw, the outages, and an axis in human units. When the interesting intervals
// range from milliseconds to minutes (retransmissions doubling from 200 ms to 120 s) the axis
// is logarithmic in the time since the disruption, so each doubling takes the same room.
import type { HostName, RunResult, SegmentRecord } from 'tcp-lab';
import { formatCompact } from '../format';
import { firstDisruption } from '../summary';
import { linearScale, logScale } from './scales';

export const timelineGeometry = {
  width: 660,
  left: 74,
  right: 640,
  rowY: { client: 40, server: 78 } as Record<HostName, number>,
  axisY: 102,
  height: 130,
} as const;

export type MarkKind =
  'data' | 'retransmission' | 'tlp' | 'keepalive' | 'window-probe' | 'rst' | 'other';

export interface TimelineMark {
  segment: SegmentRecord;
  kind: MarkKind;
  x: number;
  y: number;
}

export interface TimelineInterval {
  host: HostName;
  x1: number;
  x2: number;
  /** The time between the two sends, ms. */
  gap: number;
}

export interface TimelineError {
  host: HostName;
  errno: string;
  t: number;
  x: number;
  y: number;
}

export type TimelineScale = 'linear' | 'log' | 'broken';

export interface TimelineTick {
  t: number;
  x: number;
  label: string;
}

export interface TimelineLayout {
  scale: TimelineScale;
  /** Time the log axis counts from (the first disruption), ms. 0 otherwise. */
  origin: number;
  marks: TimelineMark[];
  intervals: TimelineInterval[];
  errors: TimelineError[];
  bands: { host: HostName; kind: string; x0: number; x1: number }[];
  ticks: TimelineTick[];
  /** The collapsed stretch of a broken axis. */
  gap?: { from: number; to: number; x0: number; x1: number };
  end: number;
}

export function markKind(segment: SegmentRecord): MarkKind {
  switch (segment.role) {
    case 'data':
      return 'data';
    case 'retransmission':
    case 'syn-retransmission':
      return 'retransmission';
    case 'tlp':
      return 'tlp';
    case 'keepalive':
      return 'keepalive';
    case 'window-probe':
      return 'window-probe';
    case 'rst':
      return 'rst';
    default:
      return 'other';
  }
}

/** Kinds that form a series worth measuring: a sender trying again and again. */
const SERIES: ReadonlySet<MarkKind> = new Set([
  'data',
  'tlp',
  'retransmission',
  'keepalive',
  'window-probe',
]);

const MS = 1;
const S = 1000 * MS;
const MIN = 60 * S;
const H = 60 * MIN;

/** Tick steps a reader can say aloud. */
const LINEAR_STEPS = [
  1,
  2,
  5,
  10,
  20,
  50,
  100,
  200,
  500,
  S,
  2 * S,
  5 * S,
  10 * S,
  15 * S,
  30 * S,
  MIN,
  2 * MIN,
  5 * MIN,
  10 * MIN,
  15 * MIN,
  30 * MIN,
  H,
  2 * H,
  3 * H,
  6 * H,
  12 * H,
  24 * H,
];
const LOG_TICKS = [1, 10, 100, S, 10 * S, MIN, 10 * MIN, H, 10 * H];

/** The longest quiet stretch between marks, if it dominates the run (a broken axis fits). */
export function dominantGap(
  times: number[],
  end: number,
): { from: number; to: number } | undefined {
  const sorted = [...new Set([0, ...times])].sort((a, b) => a - b);
  let best: { from: number; to: number } | undefined;
  for (let i = 1; i < sorted.length; i++) {
    const from = sorted[i - 1]!;
    const to = sorted[i]!;
    if (!best || to - from > best.to - best.from) best = { from, to };
  }
  return best && best.to - best.from > 0.6 * end ? best : undefined;
}

/** The gaps between consecutive tries of each sender (a retransmission or probe series). */
export function seriesGaps(segments: SegmentRecord[], origin: number): number[] {
  const gaps: number[] = [];
  for (const host of ['client', 'server'] as const) {
    const times = segments
      .filter((s) => s.from === host && SERIES.has(markKind(s)))
      .map((s) => s.t);
    for (let i = 1; i < times.length; i++) {
      if (times[i]! > times[i - 1]! && times[i]! >= origin) gaps.push(times[i]! - times[i - 1]!);
    }
  }
  return gaps;
}

/** Log when a sender's retries spread over more than three doublings (200 ms … 120 s). */
export function chooseScale(gaps: number[]): 'log' | 'linear' {
  if (gaps.length < 2) return 'linear';
  return Math.max(...gaps) / Math.min(...gaps) > 8 ? 'log' : 'linear';
}

function stepFor(span: number, maxTicks: number): number {
  return LINEAR_STEPS.find((s) => span / s <= maxTicks) ?? 24 * H;
}

/** Round multiples of a human step between from and to. */
export function linearTicks(from: number, to: number, maxTicks = 6): number[] {
  const step = stepFor(to - from, maxTicks);
  const ticks: number[] = [];
  // `|| 0` turns the -0 that ceil() gives just below zero into a plain 0.
  const first = Math.ceil(from / step - 1e-9) || 0;
  for (let i = first; i * step <= to + 1e-9; i++) ticks.push(i * step);
  return ticks;
}

export function logTicks(offsetMax: number, offsetMin: number): number[] {
  return LOG_TICKS.filter((v) => v >= offsetMin && v <= offsetMax);
}

interface Axis {
  scale: TimelineScale;
  x: (t: number) => number;
  ticks: TimelineTick[];
  gap?: TimelineLayout['gap'];
}

function logAxis(offsets: number[], origin: number, end: number): Axis {
  const g = timelineGeometry;
  // The axis starts a little before the first mark after the disruption.
  const c = Math.max(Math.min(...offsets) / 2, 0.5);
  const log = logScale([c, end - origin + c], [g.left, g.right]);
  const x = (t: number) => log(Math.max(t - origin, 0) + c);
  const ticks = logTicks(end - origin, c).map((offset) => ({
    t: origin + offset,
    x: x(origin + offset),
    label: `+${formatCompact(offset)}`,
  }));
  return { scale: 'log', x, ticks };
}

function linearAxis(end: number): Axis {
  const g = timelineGeometry;
  const lin = linearScale([0, end], [g.left, g.right]);
  const x = (t: number) => lin(t);
  return {
    scale: 'linear',
    x,
    ticks: linearTicks(0, end).map((t) => ({ t, x: x(t), label: formatCompact(t) })),
  };
}

/** Linear on both sides of one collapsed quiet stretch. */
function brokenAxis(gap: { from: number; to: number }, end: number): Axis {
  const g = timelineGeometry;
  const width = g.right - g.left;
  const leftWidth = gap.from > 0 ? width * 0.18 : width * 0.03;
  const x0 = g.left + leftWidth;
  const x1 = x0 + width * 0.08;
  const rightEnd = Math.max(end, gap.to + 1);
  const piecewise = linearScale([0, gap.from, gap.to, rightEnd], [g.left, x0, x1, g.right]);
  const x = (t: number) => piecewise(t);
  const ticks = [
    { t: 0, x: g.left, label: formatCompact(0) },
    ...linearTicks(gap.to, rightEnd, 4).map((t) => ({ t, x: x(t), label: formatCompact(t) })),
  ];
  return { scale: 'broken', x, ticks, gap: { ...gap, x0, x1 } };
}

function hundredths(value: number): number {
  return Math.round(value * 100) / 100;
}

export function layoutTimeline(result: RunResult): TimelineLayout {
  const g = timelineGeometry;
  const end = Math.max(result.end, ...result.segments.map((s) => s.t), 1);
  const disruption = firstDisruption(result);
  const errors = [result.client, result.server]
    .map((side, i) => ({ host: (i === 0 ? 'client' : 'server') as HostName, side }))
    .filter(({ side }) => side.error !== undefined && side.errorAt !== undefined);

  const markTimes = [...result.segments.map((s) => s.t), ...errors.map((e) => e.side.errorAt!)];
  const origin = disruption?.t ?? 0;

  const gap = dominantGap(markTimes, end);
  const offsets = markTimes.map((t) => t - origin).filter((o) => o > 0);
  const axis = gap
    ? brokenAxis(gap, end)
    : chooseScale(seriesGaps(result.segments, origin)) === 'log' && offsets.length > 0
      ? logAxis(offsets, origin, end)
      : linearAxis(end);
  // Positions go to the hundredth of a pixel: Math.log may differ in its last bits between the
  // build's JavaScript engine and the reader's browser, and the server's SVG must be the one
  // hydration produces.
  const x = (t: number) => hundredths(axis.x(t));
  const ticks = axis.ticks.map((tick) => ({ ...tick, x: hundredths(tick.x) }));

  const marks: TimelineMark[] = result.segments.map((segment) => ({
    segment,
    kind: markKind(segment),
    x: x(segment.t),
    y: g.rowY[segment.from],
  }));

  // Intervals between consecutive tries of the same sender, for the "doubling" labels.
  const intervals: TimelineInterval[] = [];
  for (const host of ['client', 'server'] as const) {
    const series = marks.filter((m) => m.segment.from === host && SERIES.has(m.kind));
    for (let i = 1; i < series.length; i++) {
      const a = series[i - 1]!;
      const b = series[i]!;
      if (b.segment.t > a.segment.t && b.segment.t >= origin)
        intervals.push({ host, x1: a.x, x2: b.x, gap: b.segment.t - a.segment.t });
    }
  }

  return {
    scale: axis.scale,
    origin: axis.scale === 'log' ? origin : 0,
    gap: axis.gap,
    marks,
    intervals,
    errors: errors.map(({ host, side }) => ({
      host,
      errno: side.error!,
      t: side.errorAt!,
      x: x(side.errorAt!),
      y: g.rowY[host],
    })),
    bands: result.outages.map((o) => ({
      host: o.host,
      kind: o.kind,
      x0: x(o.from),
      x1: x(o.to ?? end),
    })),
    ticks,
    end,
  };
}

// Geometry of the sequence diagram, computed from a RunResult without touching the DOM:
// where each arrow starts and ends, where a lost one is cut, the outage bands, the notes on the
// lifelines and the time ticks in the left gutter.
import type { HostName, LabEvent, RunResult, SegmentRecord } from 'tcp-lab';
import { placeLabel, type LabelPlace } from './arrowLabels';
import { cutX, geometry, hostX } from './sequenceGeometry';
import { buildTimeMap, defaultTimeMapOptions, type Moment, type TimeBreak } from './timeMap';

export { geometry } from './sequenceGeometry';
export { readableAngle } from './arrowLabels';

export type NoteKind = 'state' | 'error' | 'eof' | 'action';

export interface Note {
  host: HostName;
  kind: NoteKind;
  t: number;
  y: number;
  /** What the note says; for 'action' and 'eof' a key the renderer translates. */
  text: string;
  conn?: number;
}

export interface Arrow extends LabelPlace {
  segment: SegmentRecord;
  x1: number;
  y1: number;
  /** Where the line ends: the receiver, or the cut for a lost segment. */
  x2: number;
  y2: number;
  lost: boolean;
}

export interface Band {
  host: HostName;
  kind: 'unplugged' | 'host-down' | 'link-down' | 'suspended';
  from: number;
  to: number;
  y0: number;
  y1: number;
  /** Where the cable is cut (the x at which lost arrows stop). */
  cutX: number;
}

export interface Tick {
  t: number;
  y: number;
}

/** Segments left out of a very long run, drawn as one break between the first and last ones. */
export interface Omission {
  from: number;
  to: number;
  count: number;
}

export interface SequenceLayout {
  width: number;
  height: number;
  clientX: number;
  serverX: number;
  lifelineTop: number;
  lifelineBottom: number;
  arrows: Arrow[];
  bands: Band[];
  notes: Note[];
  breaks: TimeBreak[];
  ticks: Tick[];
  end: number;
  omitted?: Omission;
}

/** Beyond this many segments a diagram stops being readable (and fast): keep both ends. */
export const MAX_ARROWS = 400;

/** The segments to draw: all of them, or the first and last MAX_ARROWS / 2 of a huge run. */
export function visibleSegments(segments: SegmentRecord[]): {
  shown: SegmentRecord[];
  omitted?: Omission;
} {
  if (segments.length <= MAX_ARROWS) return { shown: segments };
  const half = MAX_ARROWS / 2;
  const head = segments.slice(0, half);
  const tail = segments.slice(segments.length - half);
  const lastHead = head[head.length - 1]!;
  const from = Math.max(lastHead.t, lastHead.arrivedAt ?? lastHead.t);
  return {
    shown: [...head, ...tail],
    omitted: { from, to: tail[0]!.t, count: segments.length - MAX_ARROWS },
  };
}

function outageAt(result: RunResult, host: HostName, kind: Band['kind'], t: number): boolean {
  return result.outages.some(
    (o) => o.host === host && o.kind === kind && o.from <= t && t <= (o.to ?? Infinity),
  );
}

/** Where a lost segment's arrow stops: at the first break along its way. */
export function lostAtX(result: RunResult, segment: SegmentRecord): number {
  const { from, to, t } = segment;
  switch (segment.lostBecause) {
    case 'host-down':
    case 'link-down':
    case 'not-local':
    case 'suspended':
      return hostX(to) + (to === 'client' ? 12 : -12);
    case 'no-route':
      return hostX(from) + (from === 'client' ? 12 : -12);
    case 'no-neighbour':
    case 'neighbour-queue-full':
      return cutX(from);
    case 'unplugged':
      if (outageAt(result, from, 'unplugged', t)) return cutX(from);
      return cutX(to);
    default:
      return (geometry.clientX + geometry.serverX) / 2;
  }
}

/** Notes shown on the lifelines: state changes, errors, EOF and what happened to a host. */
export function notesOf(events: LabEvent[], multipleConnections: boolean): Omit<Note, 'y'>[] {
  const notes: Omit<Note, 'y'>[] = [];
  for (const e of events) {
    const conn = multipleConnections && 'conn' in e ? e.conn : undefined;
    if (e.kind === 'state') notes.push({ host: e.host, kind: 'state', t: e.t, text: e.to, conn });
    else if (e.kind === 'app' && e.notice === 'error' && e.errno)
      notes.push({ host: e.host, kind: 'error', t: e.t, text: e.errno, conn });
    else if (e.kind === 'app' && e.notice === 'eof')
      notes.push({ host: e.host, kind: 'eof', t: e.t, text: 'eof', conn });
    else if (e.kind === 'host')
      notes.push({ host: e.host, kind: 'action', t: e.t, text: e.action });
  }
  return notes;
}

/** Counts items per (moment, host) so stacked labels get their own line. */
class Stacker {
  private counts = new Map<string, number>();
  next(t: number, host: HostName, lane: string): number {
    const key = `${t}|${host}|${lane}`;
    const n = this.counts.get(key) ?? 0;
    this.counts.set(key, n + 1);
    return n;
  }
  reserveAt(): Map<number, number> {
    const reserve = new Map<number, number>();
    for (const [key, n] of this.counts) {
      const t = Number(key.split('|')[0]);
      reserve.set(t, Math.max(reserve.get(t) ?? 0, n * geometry.lineHeight));
    }
    return reserve;
  }
}

export function layoutSequence(result: RunResult): SequenceLayout {
  const oneWay = Math.max(result.config.rtt / 2, 0.001);
  const endOf = (s: SegmentRecord) => s.arrivedAt ?? s.t + oneWay;
  const { shown: segments, omitted } = visibleSegments(result.segments);
  const inOmission = (t: number) => omitted !== undefined && t > omitted.from && t < omitted.to;
  const notes = notesOf(result.events, result.connections.length > 1).filter(
    (n) => !inOmission(n.t),
  );
  const end = Math.max(result.end, ...segments.map(endOf), ...notes.map((n) => n.t));

  // First pass: which label sits on which line at each moment.
  const stack = new Stacker();
  // Sends stack with sends and arrivals with arrivals: a reply sent the instant its question
  // arrives leaves from the very point where the question landed.
  const sendLine = segments.map((s) => stack.next(s.t, s.from, 'send'));
  const endLine = segments.map((s) => stack.next(endOf(s), s.to, 'arrival'));
  const noteLine = notes.map((n) => stack.next(n.t, n.host, 'note'));
  const reserve = stack.reserveAt();

  const moments: Moment[] = [{ t: 0 }, { t: end }];
  for (const s of segments) moments.push({ t: s.t }, { t: endOf(s) });
  for (const n of notes) moments.push({ t: n.t });
  for (const o of result.outages) {
    for (const t of [o.from, o.to ?? end]) if (!inOmission(t)) moments.push({ t });
  }
  for (const m of moments) m.reserve = reserve.get(m.t) ?? 0;

  const map = buildTimeMap(
    moments,
    {
      ...defaultTimeMapOptions,
      // Scale gaps against the path's one-way delay, so a flight is always visibly sloped.
      unit: Math.max(oneWay / 6, 0.01),
    },
    omitted ? [omitted] : [],
    segments.map((s) => ({ from: s.t, to: endOf(s), min: geometry.flightHeight })),
  );
  const y = (t: number) => geometry.top + map.y(t);
  const line = (n: number) => n * geometry.lineHeight;

  const drawn = segments.map((segment, i) => {
    const x1 = hostX(segment.from);
    const xTo = hostX(segment.to);
    const y1 = y(segment.t) + line(sendLine[i]!);
    const yTo = y(endOf(segment)) + line(endLine[i]!);
    const lost = !segment.delivered;
    const x2 = lost ? lostAtX(result, segment) : xTo;
    const y2 = lost ? y1 + ((yTo - y1) * Math.abs(x2 - x1)) / Math.abs(xTo - x1) : yTo;
    return { segment, x1, y1, x2, y2, lost, xTo, yTo };
  });
  const arrows: Arrow[] = drawn.map((a) => ({ ...a, ...placeLabel(a, drawn) }));

  const bands: Band[] = result.outages.map((o) => {
    const to = o.to ?? end;
    return {
      host: o.host,
      kind: o.kind,
      from: o.from,
      to,
      y0: y(o.from),
      y1: Math.max(y(to), y(o.from) + 4),
      cutX: o.kind === 'unplugged' ? cutX(o.host) : hostX(o.host),
    };
  });

  const placedNotes: Note[] = notes.map((n, i) => ({ ...n, y: y(n.t) + line(noteLine[i]!) }));

  // Time ticks: at every send and every note, unless too close to the previous tick.
  const tickTimes = [...new Set([0, ...segments.map((s) => s.t), ...notes.map((n) => n.t)])];
  tickTimes.sort((a, b) => a - b);
  const ticks: Tick[] = [];
  for (const t of tickTimes) {
    const ty = y(t);
    const prev = ticks[ticks.length - 1];
    if (!prev || ty - prev.y >= geometry.tickSpacing) ticks.push({ t, y: ty });
  }

  const breaks = map.breaks.map((b) => ({
    ...b,
    y0: geometry.top + b.y0,
    y1: geometry.top + b.y1,
  }));
  const lifelineBottom = geometry.top + map.height + geometry.lineHeight;
  return {
    width: geometry.width,
    height: lifelineBottom + geometry.bottom,
    clientX: geometry.clientX,
    serverX: geometry.serverX,
    lifelineTop: geometry.top - 8,
    lifelineBottom,
    arrows,
    bands,
    notes: placedNotes,
    breaks,
    ticks,
    end,
    omitted,
  };
}

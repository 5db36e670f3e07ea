// Geometry of the sequence diagram, computed from a RunResult without touching the DOM:
// where each arrow starts and ends, where a lost one is cut, the outage bands, the notes on the
// lifelines and the time ticks in the left gutter.
import type { HostName, LabEvent, RunResult, SegmentRecord } from 'tcp-lab';
import { buildTimeMap, defaultTimeMapOptions, type Moment, type TimeBreak } from './timeMap';

export const geometry = {
  width: 660,
  clientX: 204,
  serverX: 520,
  /** Vertical room for the host headers above the first moment. */
  top: 58,
  bottom: 30,
  /** Where a lost arrow stops, measured from the lifeline of the host whose cable is out. */
  cutInset: 40,
  /** Smallest height of a segment's flight: room for its label and its neighbours'. */
  flightHeight: 34,
  /** Spacing of stacked labels that share a moment. */
  lineHeight: 15,
  tickX: 6,
  /** Ticks closer than this to the previous one are skipped. */
  tickSpacing: 14,
} as const;

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

export interface Arrow {
  segment: SegmentRecord;
  x1: number;
  y1: number;
  /** Where the line ends: the receiver, or the cut for a lost segment. */
  x2: number;
  y2: number;
  lost: boolean;
  /** Middle of the wire on the segment's path (drawn or not), where its label goes. */
  labelX: number;
  labelY: number;
  /** Rotation of the label so it runs along the wire (degrees, never upside down). */
  labelAngle: number;
  /** How the label hangs from (labelX, labelY): its middle, its left end or its right end. */
  labelAnchor: 'middle' | 'start' | 'end';
  /** Under the line instead of over it (to stay out of the wedge of a reply). */
  labelBelow: boolean;
}

export interface Band {
  host: HostName;
  kind: 'unplugged' | 'host-down';
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

function hostX(host: HostName): number {
  return host === 'client' ? geometry.clientX : geometry.serverX;
}

/** The x where a cable cut at `host` interrupts the wire. */
function cutX(host: HostName): number {
  return host === 'client'
    ? geometry.clientX + geometry.cutInset
    : geometry.serverX - geometry.cutInset;
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
      return hostX(to) + (to === 'client' ? 12 : -12);
    case 'no-neighbour':
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

/** The angle of a line in degrees, turned by half a circle if text along it would be upside down. */
export function readableAngle(x1: number, y1: number, x2: number, y2: number): number {
  let degrees = (Math.atan2(y2 - y1, x2 - x1) * 180) / Math.PI;
  if (degrees > 90) degrees -= 180;
  if (degrees < -90) degrees += 180;
  return Math.round(degrees * 100) / 100;
}

interface DrawnArrow {
  segment: SegmentRecord;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  lost: boolean;
  /** Where the wire ends at the receiver (drawn or not). */
  xTo: number;
  yTo: number;
}

type LabelPlace = Pick<Arrow, 'labelX' | 'labelY' | 'labelAngle' | 'labelAnchor' | 'labelBelow'>;

/**
 * Where an arrow's label goes. By default in the middle of the wire, over the line. When a reply
 * leaves from the arrow's tip, or the arrow is itself a reply to one arriving where it starts,
 * the two lines meet in a narrow wedge: the label then moves to the open end of the wedge and
 * to the outer side of its line, so it never lies across its neighbour.
 */
export function placeLabel(a: DrawnArrow, all: DrawnArrow[]): LabelPlace {
  const near = geometry.flightHeight;
  const replyFromTip =
    !a.lost &&
    all.some(
      (b) =>
        b !== a &&
        ((b.segment.from === a.segment.to && Math.abs(b.y1 - a.yTo) < near) ||
          (!b.lost && b.segment.to === a.segment.to && Math.abs(b.y2 - a.yTo) < near)),
    );
  const answersArrival = all.some(
    (b) => b !== a && !b.lost && b.segment.to === a.segment.from && Math.abs(b.y2 - a.y1) < near,
  );
  const angle = readableAngle(a.x1, a.y1, a.xTo, a.yTo);
  const onWire = (x: number) => a.y1 + ((a.yTo - a.y1) * (x - a.x1)) / (a.xTo - a.x1 || 1);
  const inset = 14;
  if (replyFromTip !== answersArrival) {
    // The wedge's vertex is at the receiver (reply from the tip) or at the sender (answering).
    const vertexX = replyFromTip ? a.xTo : a.x1;
    const farX = vertexX === geometry.clientX ? geometry.serverX - inset : geometry.clientX + inset;
    return {
      labelX: farX,
      labelY: onWire(farX),
      labelAngle: angle,
      labelAnchor: farX > vertexX ? 'end' : 'start',
      // A reply departs below the arrow; an answer's question arrived above it.
      labelBelow: answersArrival,
    };
  }
  const midX = (a.x1 + a.xTo) / 2;
  return {
    labelX: midX,
    labelY: onWire(midX),
    labelAngle: angle,
    labelAnchor: 'middle',
    labelBelow: false,
  };
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

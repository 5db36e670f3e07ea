/**
 * What the run leaves behind: every segment, every event, every change of a socket's `ss` row.
 * Times are kept in µs while running and written out in ms.
 */
import { SegmentTable } from './segments.ts';
import type { HostName, LabEvent, LossReason, SegmentRole, SocketSnapshot } from './types.ts';

type Distribute<T> = T extends unknown ? Omit<T, 't'> : never;
export type EventBody = Distribute<LabEvent>;

export class Recorder {
  readonly segments = new SegmentTable();
  /** Events other than segment sent/arrived/lost, in order. */
  readonly plainEvents: LabEvent[] = [];
  /**
   * Segment events, kept as numbers until the result is built (a run makes many of them):
   * triples of (plainEvents.length when logged, segment id × 4 + phase, time in µs), in a
   * typed array that doubles when full.
   */
  private segmentLog = new Float64Array(3 * 32);
  private segmentLogLength = 0;
  readonly sockets: SocketSnapshot[] = [];
  readonly outages: {
    host: HostName;
    kind: 'unplugged' | 'host-down';
    from: number;
    to?: number;
  }[] = [];

  /** Record an event. `body` must be a fresh object: it is stamped and stored as is (no copy). */
  event(us: number, body: EventBody): void {
    const e = body as LabEvent;
    e.t = us / 1000;
    this.plainEvents.push(e);
  }

  /**
   * Record an event whose literal already ends with its time (`t: us / 1000`, last, where
   * event() would add it). For the commonest events: an object given all its properties at
   * once needs no second allocation for one added later.
   */
  stamped(e: LabEvent): void {
    this.plainEvents.push(e);
  }

  private segmentEvent(us: number, id: number, phase: 0 | 1 | 2): void {
    let log = this.segmentLog;
    const n = this.segmentLogLength;
    if (n === log.length) {
      const bigger = new Float64Array(n * 2);
      bigger.set(log);
      this.segmentLog = log = bigger;
    }
    log[n] = this.plainEvents.length;
    log[n + 1] = id * 4 + phase;
    log[n + 2] = us;
    this.segmentLogLength = n + 3;
  }

  /** The whole ordered log: plain events with the segment events merged back in place. */
  allEvents(): LabEvent[] {
    const plain = this.plainEvents;
    const log = this.segmentLog;
    const logLength = this.segmentLogLength;
    // Sized once: the result can hold several hundred thousand events.
    const out = new Array<LabEvent>(plain.length + logLength / 3);
    const phases = ['sent', 'arrived', 'lost'] as const;
    let j = 0;
    let k = 0;
    for (let i = 0; i <= plain.length; i++) {
      while (j < logLength && log[j]! === i) {
        const code = log[j + 1]!;
        out[k++] = {
          t: log[j + 2]! / 1000,
          kind: 'segment',
          segment: code >> 2,
          phase: phases[code & 3]!,
        };
        j += 3;
      }
      if (i < plain.length) out[k++] = plain[i]!;
    }
    return out;
  }

  /** Record a segment as it leaves (its receiver is the other host); returns its id. */
  segment(
    us: number,
    conn: number,
    from: HostName,
    flags: number,
    seq: number,
    ack: number,
    relSeq: number,
    relAck: number,
    len: number,
    role: SegmentRole,
    retransmission: number | undefined,
    probe: number | undefined,
  ): number {
    const id = this.segments.add(
      us,
      conn,
      from,
      flags,
      seq,
      ack,
      relSeq,
      relAck,
      len,
      role,
      retransmission,
      probe,
    );
    this.segmentEvent(us, id, 0);
    return id;
  }

  arrived(us: number, id: number): void {
    this.segments.arrived(us, id);
    this.segmentEvent(us, id, 1);
  }

  lost(us: number, id: number, reason: LossReason): void {
    this.segments.lost(id, reason);
    this.segmentEvent(us, id, 2);
  }

  /**
   * Record a socket's new `ss` row, given the last row recorded for it. Several changes within
   * one microsecond (data in, read at once) make one row. Returns the row now current.
   */
  row(us: number, prev: SocketSnapshot | undefined, row: SocketSnapshot): SocketSnapshot {
    row.t = us / 1000;
    const rows = this.sockets;
    if (prev && prev.t === row.t && rows[rows.length - 1] === prev) rows[rows.length - 1] = row;
    else rows.push(row);
    return row;
  }

  outageStart(us: number, host: HostName, kind: 'unplugged' | 'host-down'): void {
    if (this.outages.some((o) => o.host === host && o.kind === kind && o.to === undefined)) return;
    this.outages.push({ host, kind, from: us / 1000 });
  }

  outageEnd(us: number, host: HostName, kind: 'unplugged' | 'host-down'): void {
    const open = this.outages.find((o) => o.host === host && o.kind === kind && o.to === undefined);
    if (open) open.to = us / 1000;
  }
}

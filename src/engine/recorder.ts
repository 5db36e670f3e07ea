/**
 * What the run leaves behind: every segment, every event, every change of a socket's `ss` row.
 * Times are kept in µs while running and written out in ms.
 */
import type { HostName, LabEvent, SegmentRecord, SegmentRole, SocketSnapshot } from './types.ts';

type Distribute<T> = T extends unknown ? Omit<T, 't'> : never;
export type EventBody = Distribute<LabEvent>;

export class Recorder {
  readonly segments: SegmentRecord[] = [];
  /** Events other than segment sent/arrived/lost, in order. */
  readonly plainEvents: LabEvent[] = [];
  /**
   * Segment events, kept as numbers until the result is built (a run makes many of them):
   * triples of (plainEvents.length when logged, segment id × 4 + phase, time in ms).
   */
  private readonly segmentLog: number[] = [];
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

  private segmentEvent(us: number, id: number, phase: 0 | 1 | 2): void {
    this.segmentLog.push(this.plainEvents.length, id * 4 + phase, us / 1000);
  }

  /** The whole ordered log: plain events with the segment events merged back in place. */
  allEvents(): LabEvent[] {
    const plain = this.plainEvents;
    const log = this.segmentLog;
    const out: LabEvent[] = [];
    const phases = ['sent', 'arrived', 'lost'] as const;
    let j = 0;
    for (let i = 0; i <= plain.length; i++) {
      while (j < log.length && log[j]! === i) {
        const code = log[j + 1]!;
        out.push({ t: log[j + 2]!, kind: 'segment', segment: code >> 2, phase: phases[code & 3]! });
        j += 3;
      }
      if (i < plain.length) out.push(plain[i]!);
    }
    return out;
  }

  /**
   * Record a segment as it leaves. Every record gets the same shape (absent fields are
   * undefined, which JSON leaves out), so code that walks thousands of them stays fast; the
   * fields come as arguments so that no intermediate object is built per segment.
   */
  segment(
    us: number,
    conn: number,
    from: HostName,
    to: HostName,
    flags: string,
    seq: number,
    ack: number,
    relSeq: number,
    relAck: number,
    len: number,
    role: SegmentRole,
    retransmission: number | undefined,
    probe: number | undefined,
  ): SegmentRecord {
    const rec: SegmentRecord = {
      id: this.segments.length,
      conn,
      t: us / 1000,
      from,
      to,
      flags,
      seq,
      ack,
      relSeq,
      relAck,
      len,
      role,
      retransmission,
      probe,
      delivered: false,
      arrivedAt: undefined,
      lostBecause: undefined,
    };
    this.segments.push(rec);
    this.segmentEvent(us, rec.id, 0);
    return rec;
  }

  arrived(us: number, rec: SegmentRecord): void {
    rec.delivered = true;
    rec.arrivedAt = us / 1000;
    this.segmentEvent(us, rec.id, 1);
  }

  lost(us: number, rec: SegmentRecord, reason: NonNullable<SegmentRecord['lostBecause']>): void {
    rec.delivered = false;
    rec.lostBecause = reason;
    this.segmentEvent(us, rec.id, 2);
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

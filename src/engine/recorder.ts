/**
 * What the run leaves behind: every segment, every event, every change of a socket's `ss` row.
 * Times are kept in µs while running and written out in ms.
 */
import type { HostName, LabEvent, SegmentRecord, SocketSnapshot } from './types.ts';

type Distribute<T> = T extends unknown ? Omit<T, 't'> : never;
export type EventBody = Distribute<LabEvent>;

export class Recorder {
  readonly segments: SegmentRecord[] = [];
  readonly events: LabEvent[] = [];
  readonly sockets: SocketSnapshot[] = [];
  readonly outages: { host: HostName; kind: 'unplugged' | 'host-down'; from: number; to?: number }[] = [];
  private lastRow = new Map<object, SocketSnapshot>();

  /** Record an event. `body` must be a fresh object: it is stamped and stored as is (no copy). */
  event(us: number, body: EventBody): void {
    const e = body as LabEvent;
    e.t = us / 1000;
    this.events.push(e);
  }

  /** Record a segment as it leaves. `fields` must be a fresh object: it becomes the record. */
  segment(us: number, fields: Omit<SegmentRecord, 'id' | 't' | 'delivered'>): SegmentRecord {
    const rec = fields as SegmentRecord;
    rec.id = this.segments.length;
    rec.t = us / 1000;
    rec.delivered = false;
    this.segments.push(rec);
    this.event(us, { kind: 'segment', segment: rec.id, phase: 'sent' });
    return rec;
  }

  arrived(us: number, rec: SegmentRecord): void {
    rec.delivered = true;
    rec.arrivedAt = us / 1000;
    this.event(us, { kind: 'segment', segment: rec.id, phase: 'arrived' });
  }

  lost(us: number, rec: SegmentRecord, reason: NonNullable<SegmentRecord['lostBecause']>): void {
    rec.delivered = false;
    rec.lostBecause = reason;
    this.event(us, { kind: 'segment', segment: rec.id, phase: 'lost' });
  }

  /** Record a socket's row (`key` identifies the socket) if it changed since its last one. */
  row(us: number, key: object, row: Omit<SocketSnapshot, 't'>): void {
    const prev = this.lastRow.get(key);
    if (
      prev &&
      prev.state === row.state &&
      prev.recvQ === row.recvQ &&
      prev.sendQ === row.sendQ &&
      prev.peer === row.peer
    ) {
      return;
    }
    const snap = row as SocketSnapshot;
    snap.t = us / 1000;
    // Several changes within one microsecond (data in, read at once) make one row.
    if (prev && prev.t === snap.t && this.sockets[this.sockets.length - 1] === prev) {
      this.sockets[this.sockets.length - 1] = snap;
    } else {
      this.sockets.push(snap);
    }
    this.lastRow.set(key, snap);
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

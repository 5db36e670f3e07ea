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
  private lastRow = new Map<string, SocketSnapshot>();

  event(us: number, body: EventBody): void {
    this.events.push({ t: us / 1000, ...body } as LabEvent);
  }

  segment(us: number, fields: Omit<SegmentRecord, 'id' | 't' | 'delivered'>): SegmentRecord {
    const rec: SegmentRecord = { id: this.segments.length, t: us / 1000, ...fields, delivered: false };
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

  /** Record a socket's row if it changed since the last one recorded for it. */
  row(us: number, row: Omit<SocketSnapshot, 't'>): void {
    const key = `${row.host}/${row.conn}/${row.local}`;
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
    const snap: SocketSnapshot = { t: us / 1000, ...row };
    this.lastRow.set(key, snap);
    this.sockets.push(snap);
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

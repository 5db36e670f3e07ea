/**
 * What the run leaves behind: every segment, every event, every change of a socket's `ss` row,
 * and the outages. Kept as columns of numbers while running (columns.ts); the result builds
 * objects from them when they are first read. Times are kept in µs and written out in ms.
 */
import { FirstPages } from './columns.ts';
import { EventLog } from './eventlog.ts';
import { SegmentTable } from './segments.ts';
import { SocketRowTable } from './socketrows.ts';
import type { HostName, LabEvent } from './types.ts';

/** The event log's length at one moment. */
export interface EventsSnapshot {
  readonly plainCount: number;
  readonly segmentCount: number;
  readonly ords: number;
}

/** Why a host was cut off: its cable, a crash, its own interface down, or asleep. */
export type OutageKind = 'unplugged' | 'host-down' | 'link-down' | 'suspended';

export class Recorder {
  declare readonly segments: SegmentTable;
  declare readonly events: EventLog;
  declare readonly sockets: SocketRowTable;
  readonly outages: {
    host: HostName;
    kind: OutageKind;
    from: number;
    to?: number;
  }[] = [];

  constructor() {
    const first = new FirstPages();
    this.events = new EventLog(first);
    this.segments = new SegmentTable(this.events, first);
    this.sockets = new SocketRowTable(first);
  }

  eventsSnapshot(): EventsSnapshot {
    return {
      plainCount: this.events.count,
      segmentCount: this.segments.count,
      ords: this.events.ords,
    };
  }

  /** The whole event log as it stood at `snap` (it only grows: what it held then is unchanged). */
  eventsOf(snap: EventsSnapshot): LabEvent[] {
    const out = new Array<LabEvent>(snap.ords);
    this.events.place(out, snap.plainCount);
    this.segments.placeEvents(out, snap.segmentCount, snap.ords);
    return out;
  }

  outageStart(us: number, host: HostName, kind: OutageKind): void {
    if (this.outages.some((o) => o.host === host && o.kind === kind && o.to === undefined)) return;
    this.outages.push({ host, kind, from: us / 1000 });
  }

  outageEnd(us: number, host: HostName, kind: OutageKind): void {
    const open = this.outages.find((o) => o.host === host && o.kind === kind && o.to === undefined);
    if (open) open.to = us / 1000;
  }
}

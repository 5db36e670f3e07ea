/**
 * RunResult.segments: the record of every segment, kept as columns of numbers while the lab
 * runs (see columns.ts) and turned into SegmentRecord objects when a result's `segments` are
 * first read.
 */
import { codeTable, ColumnBuffer } from './columns.ts';
import type { ColumnCounts } from './columns.ts';
import type { EventLog } from './eventlog.ts';
import { frameFlags } from './frame.ts';
import { hostCode, HOSTS } from './names.ts';
import type { HostName, LabEvent, LossReason, SegmentRecord, SegmentRole } from './types.ts';

/** Fields of a record that are not known yet (retransmission or probe number, arrival). */
const NONE = -1;

// Names kept as small codes in the columns, turned back into the same strings when built.
const ROLES: SegmentRole[] = [
  'syn',
  'syn-ack',
  'ack',
  'data',
  'tlp',
  'retransmission',
  'syn-retransmission',
  'keepalive',
  'keepalive-ack',
  'fin',
  'rst',
  'window-probe',
  'window-probe-ack',
];
const ROLE_CODES = codeTable(ROLES);
const LOSS_REASONS: (LossReason | undefined)[] = [
  undefined,
  'unplugged',
  'host-down',
  'loss',
  'no-neighbour',
];
const LOSS_CODES = codeTable(LOSS_REASONS);

/** The table at one moment: how many segments, and the records of those not yet final. */
export interface SegmentSnapshot {
  readonly count: number;
  readonly open: ReadonlyMap<number, SegmentRecord>;
}

export class SegmentTable {
  /** Segments recorded so far (the next id). */
  count = 0;
  /** Rows the columns have room for. */
  private cap = 0;
  private conn!: Int32Array;
  private tUs!: Float64Array;
  private seq!: Uint32Array;
  private ack!: Uint32Array;
  private relSeq!: Uint32Array;
  private relAck!: Uint32Array;
  private len!: Int32Array;
  private retransmission!: Int32Array;
  private probe!: Int32Array;
  /** When it arrived or was lost, µs; NONE while on its way. */
  private finalUs!: Float64Array;
  /** Places in the event log of its 'sent' event and of its 'arrived' or 'lost' one (NONE yet). */
  private sentOrd!: Int32Array;
  private finalOrd!: Int32Array;
  private delivered!: Uint8Array;
  /** Sender: index in HOSTS (the receiver is the other one). */
  private from!: Uint8Array;
  /** TCP flag bits (frame.ts), spelled out when the record is built. */
  private flags!: Uint8Array;
  private role!: Uint8Array;
  private lostBecause!: Uint8Array;
  /** Records already built whose segment is delivered or lost: final, so shared by every result. */
  private readonly built: (SegmentRecord | undefined)[] = [];
  /** Every segment before this one is delivered or lost (where a snapshot starts looking). */
  private firstOpen = 0;

  /** The event log, for the places of this table's sent/arrived/lost events. */
  private readonly log: EventLog;

  static readonly COLUMNS: ColumnCounts = { f64: 2, u32: 4, i32: 6, u8: 5 };

  /** `initial`: a buffer with room for this table's first rows (see Recorder). */
  constructor(log: EventLog, initial: ColumnBuffer) {
    this.log = log;
    this.take(initial);
  }

  /** Record a segment as it leaves (its receiver is the other host); returns its id. */
  add(
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
    const id = this.count++;
    if (id === this.cap) this.allocate(this.cap * 2);
    this.conn[id] = conn;
    this.tUs[id] = us;
    this.seq[id] = seq;
    this.ack[id] = ack;
    this.relSeq[id] = relSeq;
    this.relAck[id] = relAck;
    this.len[id] = len;
    this.retransmission[id] = retransmission ?? NONE;
    this.probe[id] = probe ?? NONE;
    this.finalUs[id] = NONE;
    this.sentOrd[id] = this.log.takeOrd();
    this.finalOrd[id] = NONE;
    this.delivered[id] = 0;
    this.from[id] = hostCode(from);
    this.flags[id] = flags;
    this.role[id] = ROLE_CODES.get(role)!;
    this.lostBecause[id] = 0;
    return id;
  }

  arrived(us: number, id: number): void {
    this.delivered[id] = 1;
    this.finalUs[id] = us;
    this.finalOrd[id] = this.log.takeOrd();
  }

  lost(us: number, id: number, reason: LossReason): void {
    this.delivered[id] = 0;
    this.lostBecause[id] = LOSS_CODES.get(reason)!;
    this.finalUs[id] = us;
    this.finalOrd[id] = this.log.takeOrd();
  }

  /**
   * Put the 'segment' events of the first `count` segments in their places in `out` (the
   * whole event log), leaving out those at or after `ords` (logged later than the snapshot).
   */
  placeEvents(out: LabEvent[], count: number, ords: number): void {
    for (let id = 0; id < count; id++) {
      out[this.sentOrd[id]!] = {
        t: this.tUs[id]! / 1000,
        kind: 'segment',
        segment: id,
        phase: 'sent',
      };
      const ord = this.finalOrd[id]!;
      if (ord !== NONE && ord < ords) {
        out[ord] = {
          t: this.finalUs[id]! / 1000,
          kind: 'segment',
          segment: id,
          phase: this.delivered[id] === 1 ? 'arrived' : 'lost',
        };
      }
    }
  }

  /** Delivered or lost (not still on its way or waiting for ARP). */
  isFinal(id: number): boolean {
    return this.delivered[id] === 1 || this.lostBecause[id] !== 0;
  }

  /**
   * The records as they stand now, to be built when first read: the count, and the records
   * of segments still on their way or waiting for ARP, built now (they change later). A
   * final record never changes, so it can be built whenever it is asked for.
   */
  snapshot(): SegmentSnapshot {
    while (this.firstOpen < this.count && this.isFinal(this.firstOpen)) this.firstOpen += 1;
    const open = new Map<number, SegmentRecord>();
    for (let id = this.firstOpen; id < this.count; id++) {
      if (this.isFinal(id)) continue;
      const rec = this.build(id);
      rec.pending = true;
      open.set(id, rec);
    }
    return { count: this.count, open };
  }

  /**
   * Every record of a snapshot, as the result lists it. A final record is built once and
   * shared by every result that lists it.
   */
  records(snap: SegmentSnapshot): SegmentRecord[] {
    const out: SegmentRecord[] = new Array(snap.count);
    const built = this.built;
    for (let id = 0; id < snap.count; id++) {
      let rec = built[id] ?? snap.open.get(id);
      if (rec === undefined) {
        rec = this.build(id);
        built[id] = rec;
      }
      out[id] = rec;
    }
    return out;
  }

  /** One record, with every field in the same order (absent ones undefined, left out of JSON). */
  private build(id: number): SegmentRecord {
    const retransmission = this.retransmission[id]!;
    const probe = this.probe[id]!;
    const delivered = this.delivered[id] === 1;
    const from = this.from[id]!;
    const len = this.len[id]!;
    return {
      id,
      conn: this.conn[id]!,
      t: this.tUs[id]! / 1000,
      from: HOSTS[from]!,
      to: HOSTS[1 - from]!,
      flags: frameFlags(this.flags[id]!, len),
      seq: this.seq[id]!,
      ack: this.ack[id]!,
      relSeq: this.relSeq[id]!,
      relAck: this.relAck[id]!,
      len,
      role: ROLES[this.role[id]!]!,
      retransmission: retransmission === NONE ? undefined : retransmission,
      probe: probe === NONE ? undefined : probe,
      delivered,
      arrivedAt: delivered ? this.finalUs[id]! / 1000 : undefined,
      lostBecause: LOSS_REASONS[this.lostBecause[id]!],
    };
  }

  /** Room for `rows`, in one new buffer for all the columns (keeping what they hold). */
  private allocate(rows: number): void {
    this.take(new ColumnBuffer(rows, SegmentTable.COLUMNS));
  }

  /** Take the columns from `b` (copying what they hold). */
  private take(b: ColumnBuffer): void {
    this.conn = b.i32(this.conn);
    this.tUs = b.f64(this.tUs);
    this.seq = b.u32(this.seq);
    this.ack = b.u32(this.ack);
    this.relSeq = b.u32(this.relSeq);
    this.relAck = b.u32(this.relAck);
    this.len = b.i32(this.len);
    this.retransmission = b.i32(this.retransmission);
    this.probe = b.i32(this.probe);
    this.finalUs = b.f64(this.finalUs);
    this.sentOrd = b.i32(this.sentOrd);
    this.finalOrd = b.i32(this.finalOrd);
    this.delivered = b.u8(this.delivered);
    this.from = b.u8(this.from);
    this.flags = b.u8(this.flags);
    this.role = b.u8(this.role);
    this.lostBecause = b.u8(this.lostBecause);
    this.cap = b.rows;
  }
}

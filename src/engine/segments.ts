/**
 * RunResult.segments: the record of every segment, kept as columns of numbers while the lab
 * runs (see columns.ts) and turned into SegmentRecord objects when a result's `segments` are
 * first read.
 */
import {
  byteOf,
  codeTable,
  Int32Column,
  packBytes,
  TimeColumn,
  Uint32Column,
  withByte,
} from './columns.ts';
import type { FirstPages } from './columns.ts';
import type { EventLog } from './eventlog.ts';
import { frameFlags } from './frame.ts';
import type { Frame } from './frame.ts';
import { hostCode, HOSTS } from './names.ts';
import type { LabEvent, LossReason, SegmentRecord, SegmentRole } from './types.ts';

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
/** The roles whose number is a probe's (Frame.probe), not a retransmission's. */
const PROBE_ROLES = new Set([ROLE_CODES.get('keepalive')!, ROLE_CODES.get('window-probe')!]);
const LOSS_REASONS: (LossReason | undefined)[] = [
  undefined,
  'unplugged',
  'host-down',
  'loss',
  'no-neighbour',
  'no-route',
  'link-down',
  'not-local',
  'suspended',
  'middlebox',
  'neighbour-queue-full',
];
const LOSS_CODES = codeTable(LOSS_REASONS);

// A segment's small codes, packed into one column (packBytes): sender, flags, role and fate.
const FROM = 0;
const FLAGS = 1;
const ROLE = 2;
const FATE = 3;
/** Fates: on its way (or waiting for ARP), delivered, or lost: LOST + its LOSS_CODES code. */
const ON_ITS_WAY = 0;
const DELIVERED = 1;
const LOST = 1;
/** finalAfter while the segment is on its way. */
const NOT_YET = 0xffffffff;
/**
 * Payload and number share a column, 16 bits each: a payload is at most one MSS (< 2^16), and
 * no retransmission or probe count reaches 2^16 − 1 within the 120 s cap and any time budget
 * the lab accepts. The number is kept plus one, so that 0 means none.
 */
const LEN_BITS = 16;
const LEN_MASK = (1 << LEN_BITS) - 1;

/** The table at one moment: how many segments, and the records of those not yet final. */
export interface SegmentSnapshot {
  readonly count: number;
  readonly open: ReadonlyMap<number, SegmentRecord>;
}

export class SegmentTable {
  /** Segments recorded so far (the next id). */
  count = 0;
  private readonly conn: Int32Column;
  private readonly tUs: TimeColumn;
  private readonly seq: Uint32Column;
  private readonly ack: Uint32Column;
  private readonly relSeq: Uint32Column;
  private readonly relAck: Uint32Column;
  /**
   * Its payload bytes, and its retransmission number (or its probe number for a probe's role,
   * PROBE_ROLES) plus one, or 0: see LEN_BITS.
   */
  private readonly lenAndNth: Uint32Column;
  /** µs from being sent to arriving or being lost; NOT_YET while on its way. */
  private readonly finalAfter: Uint32Column;
  /** Places in the event log of its 'sent' event and of its 'arrived' or 'lost' one (NONE yet). */
  private readonly sentOrd: Int32Column;
  private readonly finalOrd: Int32Column;
  /** Sender (index in HOSTS; the receiver is the other one), TCP flag bits, role and fate. */
  private readonly codes: Uint32Column;
  /** Records already built whose segment is delivered or lost: final, so shared by every result. */
  private readonly built: (SegmentRecord | undefined)[] = [];
  /** Every segment before this one is delivered or lost (where a snapshot starts looking). */
  private firstOpen = 0;

  /** The event log, for the places of this table's sent/arrived/lost events. */
  private readonly log: EventLog;

  constructor(log: EventLog, first: FirstPages) {
    this.log = log;
    this.conn = new Int32Column(first);
    this.tUs = new TimeColumn(first);
    this.seq = new Uint32Column(first);
    this.ack = new Uint32Column(first);
    this.relSeq = new Uint32Column(first);
    this.relAck = new Uint32Column(first);
    this.lenAndNth = new Uint32Column(first);
    this.finalAfter = new Uint32Column(first);
    this.sentOrd = new Int32Column(first);
    this.finalOrd = new Int32Column(first);
    this.codes = new Uint32Column(first);
  }

  /** Record a frame as it leaves (its receiver is the other host), and give it its id. */
  add(us: number, frame: Frame): void {
    const { conn, from, flags, seq, ack, relSeq, relAck, len, role, retransmission, probe } = frame;
    const id = this.count++;
    frame.segment = id;
    this.conn.set(id, conn);
    this.tUs.set(id, us);
    // The wire's numbers are modulo 2^32; the engine's are not reduced (Skb.seq).
    this.seq.set(id, seq >>> 0);
    this.ack.set(id, ack >>> 0);
    this.relSeq.set(id, relSeq);
    this.relAck.set(id, relAck);
    if (retransmission !== undefined && probe !== undefined)
      throw new Error('a segment is a retransmission or a probe, not both');
    const nthPlusOne = (retransmission ?? probe ?? NONE) + 1;
    if (len > LEN_MASK || nthPlusOne > LEN_MASK)
      throw new Error(`segment ${id}: ${len} bytes, number ${nthPlusOne - 1}: too large to record`);
    this.lenAndNth.set(id, len | (nthPlusOne << LEN_BITS));
    this.finalAfter.set(id, NOT_YET);
    this.sentOrd.set(id, this.log.takeOrd());
    this.finalOrd.set(id, NONE);
    this.codes.set(id, packBytes(hostCode(from), flags, ROLE_CODES.get(role)!, ON_ITS_WAY));
  }

  arrived(us: number, id: number): void {
    this.settle(us, id, DELIVERED);
  }

  lost(us: number, id: number, reason: LossReason): void {
    this.settle(us, id, LOST + LOSS_CODES.get(reason)!);
  }

  private settle(us: number, id: number, fate: number): void {
    const after = us - this.tUs.get(id);
    if (!(after >= 0 && after < NOT_YET))
      throw new Error(`segment ${id}: settled ${after} µs after it was sent`);
    this.finalAfter.set(id, after);
    this.codes.set(id, withByte(this.codes.get(id), FATE, fate));
    this.finalOrd.set(id, this.log.takeOrd());
  }

  private fate(id: number): number {
    return byteOf(this.codes.get(id), FATE);
  }

  private finalUs(id: number): number {
    return this.tUs.get(id) + this.finalAfter.get(id);
  }

  /**
   * Put the 'segment' events of the first `count` segments in their places in `out` (the
   * whole event log), leaving out those at or after `ords` (logged later than the snapshot).
   */
  placeEvents(out: LabEvent[], count: number, ords: number): void {
    for (let id = 0; id < count; id++) {
      out[this.sentOrd.get(id)] = {
        t: this.tUs.get(id) / 1000,
        kind: 'segment',
        segment: id,
        phase: 'sent',
      };
      const ord = this.finalOrd.get(id);
      if (ord !== NONE && ord < ords) {
        out[ord] = {
          t: this.finalUs(id) / 1000,
          kind: 'segment',
          segment: id,
          phase: this.fate(id) === DELIVERED ? 'arrived' : 'lost',
        };
      }
    }
  }

  /** Delivered or lost (not still on its way or waiting for ARP). */
  isFinal(id: number): boolean {
    return this.fate(id) !== ON_ITS_WAY;
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
    const codes = this.codes.get(id);
    const role = byteOf(codes, ROLE);
    const lenAndNth = this.lenAndNth.get(id);
    const nth = (lenAndNth >>> LEN_BITS) - 1;
    const probe = PROBE_ROLES.has(role) ? nth : NONE;
    const retransmission = PROBE_ROLES.has(role) ? NONE : nth;
    const fate = byteOf(codes, FATE);
    const delivered = fate === DELIVERED;
    const from = byteOf(codes, FROM);
    const len = lenAndNth & LEN_MASK;
    return {
      id,
      conn: this.conn.get(id),
      t: this.tUs.get(id) / 1000,
      from: HOSTS[from]!,
      to: HOSTS[1 - from]!,
      flags: frameFlags(byteOf(codes, FLAGS), len),
      seq: this.seq.get(id),
      ack: this.ack.get(id),
      relSeq: this.relSeq.get(id),
      relAck: this.relAck.get(id),
      len,
      role: ROLES[role]!,
      retransmission: retransmission === NONE ? undefined : retransmission,
      probe: probe === NONE ? undefined : probe,
      delivered,
      arrivedAt: delivered ? this.finalUs(id) / 1000 : undefined,
      lostBecause: fate > LOST ? LOSS_REASONS[fate - LOST] : undefined,
    };
  }
}

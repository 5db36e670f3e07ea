/**
 * The record of every segment, kept as columns of numbers while the lab runs and turned into
 * SegmentRecord objects when a result is built.
 *
 * Why not objects from the start: every record lives until the end of the run, so a
 * generational garbage collector copies each one at least twice while the run allocates
 * short-lived frames around it; a stress run makes 100,000 of them. Columns cost nothing to
 * keep, and objects made in one pass at the end sit together and are promoted cheaply.
 */
import { frameFlags } from './frame.ts';
import type { HostName, LossReason, SegmentRecord, SegmentRole } from './types.ts';

/** Fields of a record that are not known yet (retransmission or probe number, arrival). */
const NONE = -1;

// Names kept as small codes in the columns, turned back into the same strings when built.
const HOSTS: HostName[] = ['client', 'server'];
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
];
const ROLE_CODES = new Map(ROLES.map((role, i) => [role, i]));
const LOSS_REASONS: (LossReason | undefined)[] = [
  undefined,
  'unplugged',
  'host-down',
  'loss',
  'no-neighbour',
];
const LOSS_CODES = new Map(LOSS_REASONS.map((reason, i) => [reason, i]));

export class SegmentTable {
  /** Segments recorded so far (the next id). */
  count = 0;
  /** Small to start: most lab runs are short, and every lab makes a table (it doubles as needed). */
  private cap = 32;
  private conn = new Int32Array(this.cap);
  private tUs = new Float64Array(this.cap);
  private seq = new Float64Array(this.cap);
  private ack = new Float64Array(this.cap);
  private relSeq = new Float64Array(this.cap);
  private relAck = new Float64Array(this.cap);
  private len = new Float64Array(this.cap);
  private retransmission = new Float64Array(this.cap);
  private probe = new Float64Array(this.cap);
  private arrivedUs = new Float64Array(this.cap);
  private delivered = new Uint8Array(this.cap);
  /** Sender: index in HOSTS (the receiver is the other one). */
  private from = new Uint8Array(this.cap);
  /** TCP flag bits (frame.ts), spelled out when the record is built. */
  private flags = new Uint8Array(this.cap);
  private role = new Uint8Array(this.cap);
  private lostBecause = new Uint8Array(this.cap);
  /** Records already built whose segment is delivered or lost: final, so shared by every result. */
  private readonly built: (SegmentRecord | undefined)[] = [];

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
    if (id === this.cap) this.grow();
    this.conn[id] = conn;
    this.tUs[id] = us;
    this.seq[id] = seq;
    this.ack[id] = ack;
    this.relSeq[id] = relSeq;
    this.relAck[id] = relAck;
    this.len[id] = len;
    this.retransmission[id] = retransmission ?? NONE;
    this.probe[id] = probe ?? NONE;
    this.arrivedUs[id] = NONE;
    this.delivered[id] = 0;
    this.from[id] = from === 'client' ? 0 : 1;
    this.flags[id] = flags;
    this.role[id] = ROLE_CODES.get(role)!;
    this.lostBecause[id] = 0;
    return id;
  }

  arrived(us: number, id: number): void {
    this.delivered[id] = 1;
    this.arrivedUs[id] = us;
  }

  lost(id: number, reason: LossReason): void {
    this.delivered[id] = 0;
    this.lostBecause[id] = LOSS_CODES.get(reason)!;
  }

  /** Delivered or lost (not still on its way or waiting for ARP). */
  isFinal(id: number): boolean {
    return this.delivered[id] === 1 || this.lostBecause[id] !== 0;
  }

  /**
   * Every record as the result lists it. A final record is built once and shared by later
   * results; one still on its way is a fresh object marked `pending`.
   */
  records(): SegmentRecord[] {
    const out: SegmentRecord[] = new Array(this.count);
    const built = this.built;
    for (let id = 0; id < this.count; id++) {
      let rec = built[id];
      if (rec === undefined) {
        rec = this.build(id);
        if (this.isFinal(id)) built[id] = rec;
        else rec.pending = true;
      }
      out[id] = rec;
    }
    return out;
  }

  /** One record, with every field in the same order (absent ones undefined, left out of JSON). */
  private build(id: number): SegmentRecord {
    const retransmission = this.retransmission[id]!;
    const probe = this.probe[id]!;
    const arrivedUs = this.arrivedUs[id]!;
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
      delivered: this.delivered[id] === 1,
      arrivedAt: arrivedUs === NONE ? undefined : arrivedUs / 1000,
      lostBecause: LOSS_REASONS[this.lostBecause[id]!],
    };
  }

  private grow(): void {
    const cap = this.cap * 2;
    this.cap = cap;
    this.conn = growInt32(this.conn, cap);
    this.tUs = growF64(this.tUs, cap);
    this.seq = growF64(this.seq, cap);
    this.ack = growF64(this.ack, cap);
    this.relSeq = growF64(this.relSeq, cap);
    this.relAck = growF64(this.relAck, cap);
    this.len = growF64(this.len, cap);
    this.retransmission = growF64(this.retransmission, cap);
    this.probe = growF64(this.probe, cap);
    this.arrivedUs = growF64(this.arrivedUs, cap);
    this.delivered = growUint8(this.delivered, cap);
    this.from = growUint8(this.from, cap);
    this.flags = growUint8(this.flags, cap);
    this.role = growUint8(this.role, cap);
    this.lostBecause = growUint8(this.lostBecause, cap);
  }
}

function growF64(a: Float64Array, n: number): Float64Array<ArrayBuffer> {
  const b = new Float64Array(n);
  b.set(a);
  return b;
}

function growUint8(a: Uint8Array, n: number): Uint8Array<ArrayBuffer> {
  const b = new Uint8Array(n);
  b.set(a);
  return b;
}

function growInt32(a: Int32Array, n: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(n);
  b.set(a);
  return b;
}

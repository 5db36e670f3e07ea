/**
 * RunResult.sockets: every change of a socket's `ss -tn` row, recorded as columns of numbers
 * (see columns.ts) and turned into SocketSnapshot objects when first read.
 */
import { ColumnBuffer } from './columns.ts';
import type { ColumnCounts } from './columns.ts';
import { hostCode, HOSTS, STATE_CODES, STATES } from './names.ts';
import type { HostName, SocketSnapshot, TcpStateName } from './types.ts';

export const ADDRESSES: Record<HostName, string> = { client: '10.0.0.2', server: '10.0.0.1' };

/** What a socket needs to remember of the last row recorded for it. */
export interface RowOwner {
  readonly conn: number;
  readonly lport: number;
  readonly rport: number;
  state: TcpStateName;
  rcvQueue: number;
  sendQ: number;
  /** Its last row's index, or -1; and what that row said. */
  rowIndex: number;
  rowState: TcpStateName | undefined;
  rowRecvQ: number;
  rowSendQ: number;
  rowUs: number;
}

/** The table at one moment: its length, and its last row (the only one a later change may replace). */
export interface SocketRowsSnapshot {
  readonly count: number;
  readonly last: SocketSnapshot | undefined;
}

export class SocketRowTable {
  count = 0;
  /** Rows the columns have room for. */
  private cap = 0;
  private tUs!: Float64Array;
  private host!: Uint8Array;
  private conn!: Int32Array;
  private lport!: Int32Array;
  private rport!: Int32Array;
  private recvQ!: Float64Array;
  private sendQ!: Float64Array;
  private state!: Uint8Array;
  private readonly built: (SocketSnapshot | undefined)[] = [];
  /** 'ip:port' strings, one per (host, port), shared by every row that shows them. */
  private readonly addresses = new Map<number, string>();

  static readonly COLUMNS: ColumnCounts = { f64: 3, u32: 0, i32: 3, u8: 2 };

  /** `initial`: a buffer with room for this table's first rows (see Recorder). */
  constructor(initial: ColumnBuffer) {
    this.take(initial);
  }

  /**
   * Record the socket's row if its state or queues changed since its last one. Several
   * changes within one microsecond (data in, read at once) make one row.
   */
  record(us: number, host: HostName, sk: RowOwner): void {
    if (
      sk.rowIndex >= 0 &&
      sk.rowState === sk.state &&
      sk.rowRecvQ === sk.rcvQueue &&
      sk.rowSendQ === sk.sendQ
    )
      return;
    let i: number;
    if (sk.rowIndex >= 0 && sk.rowUs === us && sk.rowIndex === this.count - 1) {
      i = sk.rowIndex;
      if (i < this.built.length) this.built[i] = undefined;
    } else {
      i = this.count++;
      if (i === this.cap) this.allocate(this.cap * 2);
    }
    this.tUs[i] = us;
    this.host[i] = hostCode(host);
    this.conn[i] = sk.conn;
    this.lport[i] = sk.lport;
    this.rport[i] = sk.rport;
    this.recvQ[i] = sk.rcvQueue;
    this.sendQ[i] = sk.sendQ;
    this.state[i] = STATE_CODES.get(sk.state)!;
    sk.rowIndex = i;
    sk.rowState = sk.state;
    sk.rowRecvQ = sk.rcvQueue;
    sk.rowSendQ = sk.sendQ;
    sk.rowUs = us;
  }

  snapshot(): SocketRowsSnapshot {
    const n = this.count;
    return { count: n, last: n > 0 ? this.build(n - 1) : undefined };
  }

  /** The rows of a snapshot, in time order. */
  rows(snap: SocketRowsSnapshot): SocketSnapshot[] {
    const out = new Array<SocketSnapshot>(snap.count);
    const built = this.built;
    for (let i = 0; i < snap.count - 1; i++) out[i] = built[i] ??= this.build(i);
    if (snap.last) out[snap.count - 1] = snap.last;
    return out;
  }

  private address(host: number, port: number): string {
    const key = host * 65536 + port;
    let s = this.addresses.get(key);
    if (s === undefined) {
      s = `${ADDRESSES[HOSTS[host]!]}:${port}`;
      this.addresses.set(key, s);
    }
    return s;
  }

  private build(i: number): SocketSnapshot {
    const host = this.host[i]!;
    return {
      t: this.tUs[i]! / 1000,
      host: HOSTS[host]!,
      conn: this.conn[i]!,
      state: STATES[this.state[i]!]!,
      recvQ: this.recvQ[i]!,
      sendQ: this.sendQ[i]!,
      local: this.address(host, this.lport[i]!),
      peer: this.address(1 - host, this.rport[i]!),
    };
  }

  /** Room for `rows`, in one new buffer for all the columns (keeping what they hold). */
  private allocate(rows: number): void {
    this.take(new ColumnBuffer(rows, SocketRowTable.COLUMNS));
  }

  /** Take the columns from `b` (copying what they hold). */
  private take(b: ColumnBuffer): void {
    this.tUs = b.f64(this.tUs);
    this.host = b.u8(this.host);
    this.conn = b.i32(this.conn);
    this.lport = b.i32(this.lport);
    this.rport = b.i32(this.rport);
    this.recvQ = b.f64(this.recvQ);
    this.sendQ = b.f64(this.sendQ);
    this.state = b.u8(this.state);
    this.cap = b.rows;
  }
}

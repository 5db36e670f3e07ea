/**
 * RunResult.sockets: every change of a socket's `ss -tn` row, recorded as columns of numbers
 * (see columns.ts) and turned into SocketSnapshot objects when first read.
 */
import {
  byteOf,
  FIRST_SOCKET_ROWS,
  Int32Column,
  packBytes,
  TimeColumn,
  Uint32Column,
} from './columns.ts';
import type { FirstPages } from './columns.ts';
import { hostCode, HOSTS, SERVER_PORT, STATE_CODES, STATES } from './names.ts';
import type { HostName, SocketSnapshot, SsTimerName, TcpStateName } from './types.ts';

/** ss's timer codes (the kernel's idiag_timer / /proc/net/tcp "tr"): 0 is off. */
export const SS_TIMERS: readonly (SsTimerName | undefined)[] = [
  undefined,
  'on',
  'keepalive',
  'timewait',
  'persist',
];

/** A socket's pending timer as `ss -o` reports it: code (SS_TIMERS), requested expiry, third field. */
export interface DiagTimer {
  code: number;
  expiresUs: number;
  retrans: number;
}

/**
 * timerAfter of a row whose timer is more than 35 minutes from it (a keepalive timer of 2 h):
 * its expiry is kept in `farTimers` instead.
 */
const FAR = -0x80000000;

// A row's small codes, packed into one column (packBytes): host, state and timer (SS_TIMERS).
const HOST_CODE = 0;
const STATE = 1;
const TIMER = 2;

export const ADDRESSES: Record<HostName, string> = { client: '10.0.0.2', server: '10.0.0.1' };

/** What a socket needs to remember of the last row recorded for it. */
export interface RowOwner {
  readonly conn: number;
  /** Its connection's client port (the server's end is port 80). */
  readonly key: number;
  state: TcpStateName;
  rcvQueue: number;
  sendQ: number;
  /** Its last row's index, or -1; and what that row said. */
  rowIndex: number;
  rowState: TcpStateName | undefined;
  rowRecvQ: number;
  rowSendQ: number;
  rowUs: number;
  /** What its last row's timer said. */
  readonly rowTimer: DiagTimer;
  /** Fill `out` with the timer `ss -o` would show now. */
  diagTimer(out: DiagTimer): void;
}

/** The table at one moment: its length, and its last row (the only one a later change may replace). */
export interface SocketRowsSnapshot {
  readonly count: number;
  readonly last: SocketSnapshot | undefined;
}

export class SocketRowTable {
  count = 0;
  private readonly tUs: TimeColumn;
  /** Its small codes: HOST_CODE, STATE and TIMER (packBytes). */
  private readonly codes: Uint32Column;
  private readonly conn: Int32Column;
  private readonly recvQ: Uint32Column;
  private readonly sendQ: Uint32Column;
  /** µs from the row to its timer's requested expiry (0 when it has none); FAR: see farTimers. */
  private readonly timerAfter: Int32Column;
  private readonly farTimers = new Map<number, number>();
  private readonly timerRetrans: Int32Column;
  private readonly now: DiagTimer = { code: 0, expiresUs: 0, retrans: 0 };
  private readonly built: (SocketSnapshot | undefined)[] = [];
  /**
   * Each connection's client port (the local port of a client row, the peer's of a server
   * row), by connection: a row's port is its connection's, so no row keeps one of its own.
   */
  private readonly portOfConn: number[] = [];
  /** 'ip:port' strings, one per (host, port), shared by every row that shows them. */
  private readonly addresses = new Map<number, string>();

  constructor(first: FirstPages) {
    this.tUs = new TimeColumn(first, FIRST_SOCKET_ROWS);
    this.codes = new Uint32Column(first, FIRST_SOCKET_ROWS);
    this.conn = new Int32Column(first, FIRST_SOCKET_ROWS);
    this.recvQ = new Uint32Column(first, FIRST_SOCKET_ROWS);
    this.sendQ = new Uint32Column(first, FIRST_SOCKET_ROWS);
    this.timerAfter = new Int32Column(first, FIRST_SOCKET_ROWS);
    this.timerRetrans = new Int32Column(first, FIRST_SOCKET_ROWS);
  }

  /**
   * Record the socket's row if its state, queues or timer changed since its last one. Several
   * changes within one microsecond (data in, read at once) make one row.
   */
  record(us: number, host: HostName, sk: RowOwner): void {
    const timer = this.now;
    sk.diagTimer(timer);
    const last = sk.rowTimer;
    if (
      sk.rowIndex >= 0 &&
      sk.rowState === sk.state &&
      sk.rowRecvQ === sk.rcvQueue &&
      sk.rowSendQ === sk.sendQ &&
      last.code === timer.code &&
      last.expiresUs === timer.expiresUs &&
      last.retrans === timer.retrans
    )
      return;
    let i: number;
    if (sk.rowIndex >= 0 && sk.rowUs === us && sk.rowIndex === this.count - 1) {
      i = sk.rowIndex;
      if (i < this.built.length) this.built[i] = undefined;
    } else {
      i = this.count++;
    }
    this.tUs.set(i, us);
    this.codes.set(i, packBytes(hostCode(host), STATE_CODES.get(sk.state)!, timer.code, 0));
    this.conn.set(i, sk.conn);
    this.portOfConn[sk.conn] = sk.key;
    this.recvQ.set(i, sk.rcvQueue);
    this.sendQ.set(i, sk.sendQ);
    this.setTimerAfter(i, timer.code === 0 ? 0 : timer.expiresUs - us, timer.expiresUs);
    this.timerRetrans.set(i, timer.retrans);
    last.code = timer.code;
    last.expiresUs = timer.expiresUs;
    last.retrans = timer.retrans;
    sk.rowIndex = i;
    sk.rowState = sk.state;
    sk.rowRecvQ = sk.rcvQueue;
    sk.rowSendQ = sk.sendQ;
    sk.rowUs = us;
  }

  private setTimerAfter(i: number, after: number, expiresUs: number): void {
    if (after > FAR && after <= 0x7fffffff) {
      this.timerAfter.set(i, after);
      this.farTimers.delete(i); // a row replaced within its microsecond
    } else {
      this.timerAfter.set(i, FAR);
      this.farTimers.set(i, expiresUs);
    }
  }

  private timerUs(i: number): number {
    const after = this.timerAfter.get(i);
    return after === FAR ? this.farTimers.get(i)! : this.tUs.get(i) + after;
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
    const codes = this.codes.get(i);
    const host = byteOf(codes, HOST_CODE);
    const conn = this.conn.get(i);
    const port = this.portOfConn[conn]!;
    const client = host === hostCode('client');
    const row: SocketSnapshot = {
      t: this.tUs.get(i) / 1000,
      host: HOSTS[host]!,
      conn,
      state: STATES[byteOf(codes, STATE)]!,
      recvQ: this.recvQ.get(i),
      sendQ: this.sendQ.get(i),
      local: this.address(host, client ? port : SERVER_PORT),
      peer: this.address(1 - host, client ? SERVER_PORT : port),
    };
    const name = SS_TIMERS[byteOf(codes, TIMER)];
    if (name !== undefined) {
      row.timer = {
        name,
        expiresAt: this.timerUs(i) / 1000,
        retrans: this.timerRetrans.get(i),
      };
    }
    return row;
  }
}

/**
 * One TCP socket's kernel state (struct tcp_sock + inet_connection_sock, the parts the lesson
 * needs). Sequence numbers are unwrapped (ISN + offset); records reduce them mod 2^32.
 */
import { RCV_SPACE } from './window.ts';
import { WriteQueue } from './writequeue.ts';
import type { DiagTimer } from '../socketrows.ts';
import type { KernelTimer } from '../timer.ts';
import type { SocketOwner, TcpKernel } from './context.ts';
import type { Cause, Errno, HostName, TcpStateName } from '../types.ts';

/** One out-of-order segment held by the receiver (see sack.ts). */
export interface OfoSegment {
  seq: number;
  /** seq + len + FIN. */
  endSeq: number;
  len: number;
  fin: boolean;
  text: string | undefined;
  partial: boolean;
  /** When it arrived, as a count: the block holding the newest comes first in a SACK. */
  arrival: number;
}

export type XmitPending = 'none' | 'rto' | 'tlp' | 'synack' | 'probe0';

export class TcpSock {
  /** Its host's kernel, as TCP may use it. */
  declare readonly k: TcpKernel;
  declare readonly conn: number;
  declare readonly lport: number;
  declare readonly rport: number;
  declare readonly peer: HostName;
  state: TcpStateName = 'CLOSED';

  iss = 0;
  irs = 0;
  sndUna = 0;
  sndNxt = 0;
  /** Next sequence number for a byte the application writes. */
  writeSeq = 0;
  rcvNxt = 0;
  /** Out-of-order data received beyond rcv_nxt (out_of_order_queue), in sequence order. */
  ofo: OfoSegment[] = [];
  /** Segments queued out of order so far (orders the SACK blocks, newest first). */
  ofoArrivals = 0;
  /** Sent-but-unacknowledged segments, then unsent ones (from index sendHead). */
  readonly skbs = new WriteQueue();
  sendHead = 0;

  // tcp_rtt_estimator() state, µs (srtt scaled by 8 as in the kernel).
  srtt8 = 0;
  mdevUs = 0;
  mdevMaxUs = 0;
  rttvarUs = 0;
  rttSeq = 0;

  /** icsk_rto, jiffies. */
  rto = 0;
  backoff = 0;
  /** icsk_retransmits. */
  retransmits = 0;
  /** total_rto: RTO expiries in this episode (SYN linear timeouts). */
  totalRto = 0;
  /** retrans_stamp, µs; -1 when unset. */
  retransStampUs = -1;
  caState: 'open' | 'loss' = 'open';
  /** snd_nxt when the loss episode began (high_seq). */
  highSeq = 0;
  /** sacked_out: segments in flight the peer has SACKed. */
  sackedOut = 0;
  /** tlp_high_seq; -1 when no probe is outstanding. */
  tlpHighSeq = -1;

  /** The retransmission timer with icsk_pending saying what it is for (set by tcpInitXmitTimers). */
  xmitTimer!: KernelTimer<TcpSock>;
  pending: XmitPending = 'none';
  /** sk_timer: keepalive, and the FIN_WAIT2 timeout of an orphan. */
  keepaliveTimer!: KernelTimer<TcpSock>;
  /** TIME_WAIT expiry. */
  twTimer!: KernelTimer<TcpSock>;
  /** SYN-ACK retransmissions of a request socket (req->num_timeout). */
  numTimeout = 0;
  /** When the last SYN-ACK left (for the handshake RTT sample), µs. */
  synackSentUs = 0;

  keepaliveOn = false;
  /** Per-socket TCP_KEEPIDLE / KEEPINTVL / KEEPCNT; 0 = use the sysctl. */
  keepIdleS = 0;
  keepIntvlS = 0;
  keepCnt = 0;
  probesOut = 0;
  /** icsk_ack.lrcvtime: last data segment received, µs. */
  lrcvtimeUs = 0;
  /** rcv_tstamp: last acceptable ACK received, µs. */
  rcvTstampUs = 0;
  /** TCP_USER_TIMEOUT, ms; 0 = off. */
  userTimeoutMs = 0;
  /** sk_err_soft. */
  errSoft: Errno | undefined;
  err: Errno | undefined;
  /** SOCK_DEAD: the application closed it (an orphan). */
  dead = false;
  /** Unread bytes in the receive queue. */
  rcvQueue = 0;
  /** Last out-of-window duplicate ACK (tcp_oow_rate_limited), µs. */
  lastOowAckUs = -Infinity;

  /** snd_wnd: the window the peer last advertised, bytes (tcp/window.ts). */
  sndWnd = RCV_SPACE;
  /** Unread bytes this socket holds before its window closes (SO_RCVBUF; tcp/window.ts). */
  rcvSpace = RCV_SPACE;
  /** rcv_wup + rcv_wnd: the right edge of the window this socket last advertised. */
  rcvWndEnd = 0;
  /** icsk_probes_tstamp: first zero-window probe timer expiry of this episode, µs; -1 when unset. */
  probesTstampUs = -1;
  /** sk_dst_pending_confirm: an ACK showed the peer is reachable; the next send confirms the neighbour. */
  dstPendingConfirm = false;
  /** Zero-window probes this socket sent. */
  windowProbes = 0;

  /** The application that owns it (none once it is an orphan's peer or a request socket). */
  app: SocketOwner | undefined;
  /** The last `ss` row recorded for this socket: its index in the table, and what it said. */
  rowIndex = -1;
  rowState: TcpStateName | undefined;
  rowRecvQ = 0;
  rowSendQ = 0;
  rowUs = 0;
  readonly rowTimer: DiagTimer = { code: 0, expiresUs: 0, retrans: 0 };
  /** Why it ended, once CLOSED. */
  cause: Cause | undefined;

  // What this socket sent, for the result.
  rtoRetransmissions = 0;
  tlps = 0;
  keepaliveProbes = 0;

  constructor(k: TcpKernel, conn: number, lport: number, rport: number, peer: HostName) {
    this.k = k;
    this.conn = conn;
    this.lport = lport;
    this.rport = rport;
    this.peer = peer;
  }

  get now(): number {
    return this.k.now;
  }

  /** packets_out. */
  get packetsOut(): number {
    return this.sendHead;
  }

  /** Unsent data or FIN queued. */
  get writeQueued(): boolean {
    return this.sendHead < this.skbs.length;
  }

  /** Bytes written but not yet acknowledged (ss Send-Q), kept up to date as segments come and go. */
  sendQ = 0;

  /**
   * This socket's key in its host's table: its connection's client port. Every connection in
   * the lab is a client port to the server's port 80, so the client port names it; a small
   * integer key is also much quicker to look up than the pair of ports packed into 32 bits.
   */
  get key(): number {
    return this.k.name === 'client' ? this.lport : this.rport;
  }

  /**
   * The timer `ss -o` shows, as inet_sk_diag_fill() (and get_tcp4_sock() for /proc/net/tcp)
   * picks it: a pending retransmission timer (RTO, TLP, SYN, SYN-ACK) is 1 "on" with
   * icsk_retransmits; the persist timer (ICSK_TIME_PROBE0) 4 "persist" with icsk_probes_out;
   * else a pending sk_timer (keepalive) 2 "keepalive" with icsk_probes_out. A TIME_WAIT socket
   * (inet_twsk_diag_fill()) reports 3 "timewait"; so does an orphan in FIN_WAIT2, which the
   * kernel turns into a timewait socket (tcp_time_wait(sk, TCP_FIN_WAIT2, tmo)) when
   * tcp_fin_timeout is at most 60 s, as by default.
   */
  diagTimer(out: DiagTimer): void {
    out.retrans = 0;
    out.expiresUs = 0;
    out.code = 0;
    if (!this.xmitTimer) return;
    if (this.twTimer.pending) {
      out.code = 3;
      out.expiresUs = this.twTimer.requestedUs;
    } else if (this.xmitTimer.pending && this.pending !== 'none') {
      out.expiresUs = this.xmitTimer.requestedUs;
      if (this.pending === 'probe0') {
        out.code = 4;
        out.retrans = this.probesOut;
      } else {
        out.code = 1;
        out.retrans = this.pending === 'synack' ? this.numTimeout : this.retransmits;
      }
    } else if (this.keepaliveTimer.pending) {
      out.code = 2;
      out.expiresUs = this.keepaliveTimer.requestedUs;
      out.retrans = this.probesOut;
    }
  }

  setState(to: TcpStateName): void {
    const from = this.state;
    if (from === to) return;
    this.state = to;
    // tcp_set_state(): an ESTABLISHED or CLOSE_WAIT socket that closes, for whatever reason.
    if (to === 'CLOSED' && (from === 'ESTABLISHED' || from === 'CLOSE_WAIT'))
      this.k.mib.inc('TcpEstabResets');
    this.k.record.events.state(this.now, this.k.name, this.conn, from, to);
    this.k.snapshot(this);
  }
}

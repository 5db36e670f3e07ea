/**
 * The engine's public types: the contract between the simulator, the snippets readers edit,
 * the components that draw results, and the chapters. Extend it; do not break it.
 *
 * Times in results are milliseconds of virtual time since the lab started (fractional values
 * allowed: the clock runs in integer microseconds).
 */

/** A duration: a number of milliseconds, or a string such as '200ms', '1.5s', '2m', '2h 11m 15s'. */
export type Duration = number | string;

export type HostName = 'client' | 'server';

/** TCP states, spelled as `ss` prints them. */
export type TcpStateName =
  | 'CLOSED'
  | 'LISTEN'
  | 'SYN_SENT'
  | 'SYN_RECV'
  | 'ESTABLISHED'
  | 'FIN_WAIT1'
  | 'FIN_WAIT2'
  | 'CLOSE_WAIT'
  | 'CLOSING'
  | 'LAST_ACK'
  | 'TIME_WAIT';

/** The errno an application saw. */
export type Errno =
  'ETIMEDOUT' | 'ECONNRESET' | 'EPIPE' | 'EHOSTUNREACH' | 'ECONNREFUSED' | 'ENETUNREACH';

/** The mechanism that ended (or changed) a side's connection. */
export type Cause =
  | 'retransmission' // tcp_retries2 time budget ran out (tcp_write_timeout)
  | 'syn-retries' // connect() gave up (tcp_syn_retries + tcp_syn_linear_timeouts)
  | 'keepalive' // keepalive probes unanswered (tcp_keepalive_timer)
  | 'user-timeout' // TCP_USER_TIMEOUT elapsed
  | 'reset' // an RST arrived
  | 'fin' // the peer closed (EOF)
  | 'app-idle' // the application's idle timer closed the connection (closeWhenIdle)
  | 'app-heartbeat' // the application's heartbeat deadline passed
  | 'neighbour' // the next hop could not be resolved (ARP failed): EHOSTUNREACH
  | 'orphan' // an orphaned socket ran out of tcp_orphan_retries
  | 'close' // this side's own application closed it
  | 'process-exit' // this side's process died; its kernel closed the socket
  | 'host-crash' // this side's host crashed: the socket vanished without a word
  | 'no-route'; // connect() found no route: this host's interface was down or had no address (ENETUNREACH)

/** What a segment is for, as a reader would label it in a capture. */
export type SegmentRole =
  | 'syn'
  | 'syn-ack'
  | 'ack' // a pure ACK (handshake completion, acknowledging data or FIN)
  | 'data'
  | 'tlp' // tail loss probe: re-send of the last segment before the first RTO
  | 'retransmission' // RTO retransmission (see SegmentRecord.retransmission for #n)
  | 'syn-retransmission'
  | 'keepalive' // keepalive probe: seq = snd_una - 1, no data
  | 'keepalive-ack' // a live peer's answer to a probe (a duplicate ACK)
  | 'window-probe' // zero-window probe (persist timer): seq = snd_una - 1, no data
  | 'window-probe-ack' // the receiver's answer to it: an ACK carrying its window (still 0 while nobody reads)
  | 'fin'
  | 'rst';

/**
 * Why a segment was lost. 'middlebox': a middlebox on the path had forgotten the flow
 * (createLab({ middlebox })).
 */
export type LossReason =
  | 'unplugged'
  | 'host-down'
  | 'loss'
  | 'no-neighbour'
  | 'neighbour-queue-full' // dropped from a full ARP queue to make room (unres_qlen_bytes)
  | 'no-route' // the sending host had no route: its interface was down or its address gone (IpOutNoRoutes)
  | 'link-down' // the receiving host's interface was administratively down
  | 'not-local' // addressed to an address the receiving host no longer has (IpInAddrErrors)
  | 'suspended' // the receiving host was asleep
  | 'middlebox';

/** The stateful boxes the lab can put on the path (see MiddleboxOptions). */
export type MiddleboxKind = 'nat' | 'firewall' | 'load-balancer';

/** What a middlebox does with a segment of a flow it has forgotten: drop it, or answer its sender with an RST. */
export type MiddleboxAction = 'drop' | 'rst';

export interface SegmentRecord {
  /** Index in RunResult.segments. */
  id: number;
  /** Which connection (index into RunResult.connections); 0 is the first lab.connect(). */
  conn: number;
  /** When it left the sender, ms. */
  t: number;
  from: HostName;
  to: HostName;
  /** tcpdump-style flags: 'S', 'S.', '.', 'P.', 'F.', 'R', 'R.' */
  flags: string;
  /** Absolute sequence and acknowledgement numbers (ISNs come from the seeded PRNG). */
  seq: number;
  ack: number;
  /** Sequence numbers relative to each side's ISN, as tcpdump prints them by default. */
  relSeq: number;
  relAck: number;
  /** Payload bytes. */
  len: number;
  role: SegmentRole;
  /** 1-based: RTO retransmission #n (role 'retransmission' / 'syn-retransmission'). */
  retransmission?: number;
  /** 1-based: keepalive probe #k (role 'keepalive'), or zero-window probe #k (role 'window-probe'). */
  probe?: number;
  delivered: boolean;
  /** When it reached the receiver, ms (delivered segments only). */
  arrivedAt?: number;
  /** Why it was lost (lost segments only). */
  lostBecause?: LossReason;
  /** Still on its way (on the wire, or waiting for ARP) when the run ended: neither delivered nor lost yet. */
  pending?: boolean;
}

export type TimerName =
  | 'rto'
  | 'tlp'
  | 'syn'
  | 'synack'
  | 'keepalive'
  | 'persist' // zero-window probe timer (ICSK_TIME_PROBE0)
  | 'time-wait'
  | 'fin-wait2'
  | 'delayed-ack'
  | 'app-idle'
  | 'app-heartbeat';

/** One entry of the ordered log of what happened. */
export type LabEvent =
  | { t: number; kind: 'state'; host: HostName; conn: number; from: TcpStateName; to: TcpStateName }
  | { t: number; kind: 'timer'; host: HostName; conn: number; timer: TimerName; detail?: string }
  | {
      t: number;
      kind: 'app';
      host: HostName;
      conn: number;
      /** connected, data (bytes read), eof (read returned 0), error (errno), sent, closed */
      notice: 'connected' | 'data' | 'eof' | 'error' | 'sent' | 'closed' | 'log';
      errno?: Errno;
      bytes?: number;
      detail?: string;
    }
  | {
      t: number;
      kind: 'host';
      host: HostName;
      action:
        | 'unplug'
        | 'plug-in'
        | 'crash'
        | 'boot'
        | 'kill-process'
        | 'hang-process'
        | 'interface-down'
        | 'interface-up'
        | 'address-change'
        | 'suspend'
        | 'resume';
    }
  | { t: number; kind: 'segment'; segment: number; phase: 'sent' | 'arrived' | 'lost' }
  | {
      t: number;
      kind: 'middlebox';
      conn: number;
      /**
       * learned: a flow entered its table · forgotten: the flow was idle for the idle timeout ·
       * dropped: a segment of a forgotten flow was dropped · reset: it was answered with an RST
       */
      action: 'learned' | 'forgotten' | 'dropped' | 'reset';
      /** learned, forgotten: 'client' (whose flow); dropped, reset: the host whose segment it was. */
      host: HostName;
      /** dropped: the segment dropped · reset: the RST the middlebox sent. */
      segment?: number;
    };

/**
 * The branch of the lesson a run ended in. Stable ids; chapters and cards link by them.
 * Documented with their rules in src/engine/README.md.
 */
export type OutcomeId =
  | 'survives-after-replug' // data was lost while unplugged; a later retransmission got through
  | 'sender-aborts' // the sender's retransmission budget ran out: ETIMEDOUT, no RST
  | 'peer-reset-after-abort' // ...and the other side later spoke and got an RST: ECONNRESET
  | 'idle-forever' // unplugged, nothing sent, no keepalive: both sides still ESTABLISHED
  | 'keepalive-detects-dead-peer' // keepalive probes unanswered: RST + ETIMEDOUT
  | 'keepalive-answered' // a probe was answered after a replug: the connection lives
  | 'app-idle-close' // the application's idle timer closed the connection
  | 'app-heartbeat-detects' // the application's heartbeat deadline detected the dead peer
  | 'user-timeout' // TCP_USER_TIMEOUT ended it
  | 'process-crash' // a process died; its kernel sent FIN or RST
  | 'host-crash' // a host crashed: silence, like a pulled cable
  | 'host-reboot-reset' // a rebooted host answered the old connection with RST
  | 'connect-timeout' // connect() gave up (ETIMEDOUT after SYN retries)
  | 'unplugged-side-unreachable' // the unplugged side's own sends failed: EHOSTUNREACH
  | 'closed-normally' // both applications closed; FIN exchange completed
  | 'peer-process-hung' // a process hung; its kernel kept answering, so nothing in TCP detected it
  | 'still-established' // nothing went wrong (no unplug, or nothing was affected)
  | 'interface-down' // a host's own interface went down (or lost its address): its sends failed inside its stack
  | 'address-changed' // the client came back with a different address: the old connection cannot follow
  | 'middlebox-drop' // a middlebox forgot the idle flow and silently dropped what came next
  | 'middlebox-reset'; // a middlebox forgot the idle flow and answered the next segment with an RST

export interface Outcome {
  id: OutcomeId;
  /** One line in English, e.g. 'The server gave up after 925.8 s of retransmissions (ETIMEDOUT).' */
  summary: string;
}

export interface SideResult {
  /** Final TCP state of this side's socket ('CLOSED' once aborted or gone). */
  state: TcpStateName;
  /** The errno the application saw first, if any. */
  error?: Errno;
  /** When it saw it, ms. */
  errorAt?: number;
  /** The mechanism that ended this side's connection (or, without an error, e.g. 'fin'). */
  cause?: Cause;
  /** RTO retransmissions this side sent (TLPs not included). */
  retransmissions: number;
  /** Tail loss probes this side sent. */
  tlps: number;
  /** Keepalive probes this side sent. */
  keepaliveProbes: number;
  /** Zero-window probes this side sent (the persist timer); absent when none. */
  windowProbes?: number;
}

export interface ConnectionResult {
  conn: number;
  client: SideResult;
  server: SideResult;
  outcome: Outcome;
}

/**
 * The timer `ss -tno` prints for a socket, by the names of iproute2's ss: 'on' (the
 * retransmission timer: RTO, tail loss probe, SYN or SYN-ACK), 'keepalive' (sk_timer: keepalive,
 * or an orphan's FIN_WAIT2 wait longer than 60 s), 'timewait', 'persist' (zero-window probes).
 * Which one is reported follows inet_sk_diag_fill() / get_tcp4_sock(): the retransmission timer
 * first, then the persist timer, then sk_timer; TIME_WAIT sockets report their own.
 */
export type SsTimerName = 'on' | 'keepalive' | 'timewait' | 'persist';

export interface SsTimer {
  name: SsTimerName;
  /**
   * When it is due, ms: the expiry the kernel asked for (icsk_timeout, sk_timer.expires), before
   * the timer wheel's rounding; ss prints the time left until then, never less than 0.
   */
  expiresAt: number;
  /**
   * ss's third field: icsk_retransmits for 'on' (the backoff count), icsk_probes_out for
   * 'persist' and 'keepalive' (probes sent and unanswered), 0 for 'timewait'.
   */
  retrans: number;
}

/**
 * The kernel's SNMP and MIB counters the lab keeps, named as `nstat` prints them (Tcp* from
 * /proc/net/snmp, TcpExt* from /proc/net/netstat). Each is incremented where the kernel
 * increments it; src/engine/README.md lists the kernel function for each.
 */
export type MibName =
  | 'TcpActiveOpens'
  | 'TcpPassiveOpens'
  | 'TcpAttemptFails'
  | 'TcpEstabResets'
  | 'TcpRetransSegs'
  | 'TcpOutRsts'
  | 'TcpExtTCPTimeouts'
  | 'TcpExtTCPLossProbes'
  | 'TcpExtTCPSynRetrans'
  | 'TcpExtTCPAbortOnTimeout'
  | 'TcpExtTCPAbortOnClose'
  | 'TcpExtTCPKeepAlive'
  | 'TcpExtTCPWinProbe'
  | 'TcpExtTW'
  | 'IpOutNoRoutes'
  | 'IpInAddrErrors';

/** One host's counters (`nstat -az`: every counter, zeros included). */
export type MibCounters = Record<MibName, number>;

/** One row of `ss -tn` at some moment. */
export interface SocketSnapshot {
  t: number;
  host: HostName;
  conn: number;
  state: TcpStateName;
  recvQ: number;
  sendQ: number;
  local: string; // '10.0.0.2:51234'
  peer: string; // '10.0.0.1:80'
  /** The timer `ss -tno` shows (see SsTimer); absent when none is pending ('off'). */
  timer?: SsTimer;
}

/**
 * What `lab.run()` returns: the run as it stood when `run()` returned. `segments`, `events` and
 * `sockets` are built when first read (a big run records hundreds of thousands of them), then
 * stay as ordinary properties: JSON, spread and structured clone see a plain object.
 */
export interface RunResult {
  /** The first connection's outcome (lab.connect() #0). */
  outcome: Outcome;
  client: SideResult;
  server: SideResult;
  /** Every connection, in lab.connect() order. */
  connections: ConnectionResult[];
  segments: SegmentRecord[];
  events: LabEvent[];
  /** Every change to any socket's row, in time order: replay it to get `ss -tn` at any moment. */
  sockets: SocketSnapshot[];
  /**
   * Each host's kernel counters when run() returned, as `nstat -az` would print them since the
   * host booted (a host that crashed keeps what it had counted; one that booted again starts
   * from zero).
   */
  counters: Record<HostName, MibCounters>;
  /** Periods when a host's cable was unplugged or the host was down. `to` absent: until the end. */
  outages: {
    host: HostName;
    kind: 'unplugged' | 'host-down' | 'link-down' | 'suspended';
    from: number;
    to?: number;
  }[];
  /** Simulated span: 0 .. end ms (end = the `until` of run(), or when nothing was left to do). */
  end: number;
  /**
   * The lab's settings. `timerPhase`: where t = 0 fell on the kernel's jiffies counter (0 when
   * `timerWheel` is off); pass it back to createLab() to reproduce the timer rounding.
   */
  config: {
    seed: number;
    rtt: number;
    hz: number;
    loss: number;
    timerWheel: boolean;
    timerPhase: number;
    /** The middlebox on the path, when there was one; idleTimeout in ms. */
    middlebox?: { kind: MiddleboxKind; idleTimeout: number; onForgotten: MiddleboxAction };
  };
  stats: { eventsProcessed: number };
}

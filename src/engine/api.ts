/**
 * The lab API readers program against in snippets. These interfaces are the contract; the
 * simulator implements them. Hover docs in the in-page editor come from these comments, so
 * they are written for readers.
 */
import type {
  Duration,
  Errno,
  HostName,
  MiddleboxAction,
  MiddleboxKind,
  RunResult,
  SocketSnapshot,
  TcpStateName,
} from './types';

/** Linux sysctls the lab models (net.ipv4.*). Values as the sysctl takes them (seconds, counts). */
export interface Sysctls {
  /** Time budget for retransmissions, in "retries" (default 15 ≈ 924.6 s). */
  tcp_retries2: number;
  /** When to start suspecting the route (default 3); never aborts. */
  tcp_retries1: number;
  /** SYN retransmissions for connect() (default 6). */
  tcp_syn_retries: number;
  /** SYN-ACK retransmissions for a passive open (default 5). */
  tcp_synack_retries: number;
  /** SYN retransmissions with a fixed 1 s timeout before backoff starts (default 4). */
  tcp_syn_linear_timeouts: number;
  /** Idle seconds before the first keepalive probe (default 7200). */
  tcp_keepalive_time: number;
  /** Seconds between keepalive probes (default 75). */
  tcp_keepalive_intvl: number;
  /** Unanswered probes before the connection is aborted (default 9). */
  tcp_keepalive_probes: number;
  /** Retries for orphaned sockets (default 0, which means 8). */
  tcp_orphan_retries: number;
  /** Tail loss probe: 3 or 4 enables it (default 3). */
  tcp_early_retrans: number;
  /** Seconds an orphan stays in FIN_WAIT2 (default 60). */
  tcp_fin_timeout: number;
}

/**
 * The neighbour (ARP) settings of a host's interface (net.ipv4.neigh.<dev>.*), Linux's
 * defaults unless given. They matter on a `topology: 'lan'` lab, where the next hop is the
 * peer itself and its entry can fail.
 */
export interface NeighSysctls {
  /** How long an entry stays REACHABLE after a confirmation, before randomising to ½–1½ × (default 30000 ms). */
  base_reachable_time_ms: number;
  /** Seconds a STALE entry that is used waits (DELAY) for a confirmation before probing (default 5). */
  delay_first_probe_time: number;
  /** Time between ARP requests (default 1000 ms). */
  retrans_time_ms: number;
  /** Unicast requests to a known address (PROBE) before the entry fails (default 3). */
  ucast_solicit: number;
  /** Broadcast requests for an unknown address (INCOMPLETE) before the entry fails (default 3). */
  mcast_solicit: number;
  /**
   * Bytes of packets (their skb->truesize, see neighbour.ts) that may wait for an unresolved
   * address; the oldest are dropped to make room (default 212992, SK_WMEM_MAX).
   */
  unres_qlen_bytes: number;
}

export interface HostOptions {
  sysctl?: Partial<Sysctls>;
  /** Neighbour (ARP) settings; see NeighSysctls. */
  neigh?: Partial<NeighSysctls>;
  /**
   * A permanent ARP entry for the next hop (default false): the host never has to resolve it,
   * so its own sends while unplugged end in ETIMEDOUT instead of EHOSTUNREACH.
   */
  staticNeighbour?: boolean;
}

/**
 * Where the two hosts sit.
 * - `'routed'` (default): the server is remote, behind routers. Each host's next hop is a
 *   router that never fails, so only a host's own pulled cable can break its ARP entry; a
 *   silent peer just looks like loss. Every number in the lesson is for this topology unless
 *   it says otherwise.
 * - `'lan'`: both hosts on one switch, each the other's next hop. Both run the neighbour state
 *   machine (REACHABLE → STALE → DELAY → PROBE → FAILED) against the peer, so an unplugged
 *   peer also makes ARP fail on the side that is still plugged in: `connect()` to it fails with
 *   EHOSTUNREACH after about 3 s, and a sender's abort reports EHOSTUNREACH. The lab starts
 *   with empty ARP tables: the first packet each way waits one round trip for the answer.
 */
export type Topology = 'routed' | 'lan';

/**
 * A stateful box halfway along the path that keeps a table of flows and forgets a flow no
 * segment has crossed for `idleTimeout`. It learns a flow from the client's SYN; a `'nat'` also
 * learns one from any later segment the client sends (so the client's next send brings the
 * mapping back, under the same port), while a `'firewall'` or `'load-balancer'` does not. A
 * segment it can no longer place is dropped or answered with an RST (`onForgotten`).
 */
export interface MiddleboxOptions {
  kind: MiddleboxKind;
  /** How long an idle flow is kept, e.g. '350s' or '5m'. */
  idleTimeout: Duration;
  /**
   * 'drop' (default): the segment vanishes, and nobody is told. 'rst': the middlebox answers the
   * segment's sender with an RST in the peer's name; the peer is told nothing.
   */
  onForgotten?: MiddleboxAction;
}

export interface LabOptions {
  /** Seed for the PRNG (ISNs, random loss). Default 1. */
  seed?: number;
  /** Round-trip time of the path. Default '20ms'. */
  rtt?: Duration;
  /** Kernel timer frequency (CONFIG_HZ): 100, 250, 300 or 1000. Default 1000. */
  hz?: number;
  /** Probability (0..1) that any frame is dropped at random. Default 0. */
  loss?: number;
  /** Where the hosts sit: 'routed' (default) or 'lan'; see Topology. */
  topology?: Topology;
  /**
   * Stop with an error after this many simulation events (runaway guard). Default 1,000,000.
   * A run that needs more throws EventBudgetExceeded, naming the time it had reached.
   */
  maxEvents?: number;
  /**
   * Model the kernel's timer wheel (default true): timers run late by its rounding, as on a
   * real Linux machine (at least one jiffy, up to about 12.5 % of a long timeout). false gives
   * the exact, textbook expiries.
   */
  timerWheel?: boolean;
  /**
   * Where t = 0 falls on the kernel's jiffies counter, as a fraction 0 ≤ phase < 1 of the timer
   * wheel's longest cycle (8^8 jiffies): it decides how late each timer runs. Default: derived
   * from `seed`. `sweepTimerPhase()` runs a scenario over many phases.
   */
  timerPhase?: number;
  /** A NAT, stateful firewall or load balancer on the path; see MiddleboxOptions. */
  middlebox?: MiddleboxOptions;
  client?: HostOptions;
  server?: HostOptions;
}

export interface KeepAliveOptions {
  /** TCP_KEEPIDLE: idle time before the first probe. */
  idle?: Duration;
  /** TCP_KEEPINTVL: time between probes. */
  interval?: Duration;
  /** TCP_KEEPCNT: unanswered probes before giving up. */
  count?: number;
}

export interface HeartbeatOptions {
  /** Send a ping this often. */
  every: Duration;
  /** Close the connection when no pong has arrived for this long. */
  timeout: Duration;
}

export type SocketEvent = 'connect' | 'data' | 'end' | 'error' | 'close';

/** One end of a connection, as its application sees it (a socket). */
export interface SocketHandle {
  readonly host: HostName;
  /** The socket's TCP state now. */
  readonly state: TcpStateName;
  /** The first errno the application has seen, if any. */
  readonly error: Errno | undefined;
  /** write(): a string, or a number of bytes. A write on a dead socket is an EPIPE event, not a crash. */
  send(data: string | number): void;
  /** close(): FIN (or RST if unread data remains). */
  close(): void;
  /** SO_KEEPALIVE, with optional TCP_KEEPIDLE / TCP_KEEPINTVL / TCP_KEEPCNT. */
  setKeepAlive(enable: boolean, options?: KeepAliveOptions): void;
  /**
   * TCP_USER_TIMEOUT; 0 turns it off. Bounds how long sent data may stay unacknowledged
   * (counted from the first RTO retransmission), and how long the window may stay shut while
   * zero-window probes go out (counted from the first probe, even if every probe is answered).
   */
  setUserTimeout(timeout: Duration): void;
  /** Application code: close the connection after this long without receiving anything (like an HTTP server's keepalive_timeout). */
  closeWhenIdle(timeout: Duration): void;
  /** Application code: ping the peer every `every`; close when no pong came for `timeout`. The peer answers pings automatically. */
  heartbeat(options: HeartbeatOptions): void;
  /**
   * SO_RCVBUF: about how many unread bytes the socket holds before its receive window closes
   * (Linux doubles the value for bookkeeping and offers about half of that as window). Whole
   * segments of 1448 bytes, at least one; at most 212992 (net.core.rmem_max). Without it: 65,160
   * bytes (45 segments), what the default tcp_rmem gives.
   */
  setReceiveBuffer(bytes: number): void;
  /**
   * Stop reading from the socket. Data piles up in the receive queue; once the receive buffer
   * is full (setReceiveBuffer) the window is 0 and the peer sends zero-window probes.
   */
  pauseReading(): void;
  resumeReading(): void;
  /** Listen to what the application sees. */
  on(event: 'data', listener: (text: string, bytes: number) => void): void;
  on(event: 'error', listener: (errno: Errno) => void): void;
  on(event: 'connect' | 'end' | 'close', listener: () => void): void;
}

export interface Connection {
  /** The client's socket (the side that called connect()). */
  readonly client: SocketHandle;
  /** The server's accepted socket. */
  readonly server: SocketHandle;
}

/** A host: its cable, its process and its kernel. */
export interface HostHandle {
  readonly name: HostName;
  /** Pull the cable: the switch port loses carrier. Sockets are told nothing. */
  unplug(): void;
  /** Plug it back in. Nothing is sent at that moment. */
  plugIn(): void;
  /** The host dies at once: no FIN, no RST, its sockets vanish. */
  crash(): void;
  /** The host comes back with an empty TCP stack (answers old connections with RST). */
  boot(): void;
  /** The process dies; its kernel closes its sockets (FIN, or RST with unread data). */
  killProcess(): void;
  /**
   * The process hangs: it stops reading and answering, but its kernel still acknowledges data
   * and answers keepalive and zero-window probes, so TCP never notices.
   */
  hangProcess(): void;
  /**
   * `ip link set dev eth0 down` (what turning Wi-Fi off does to the interface): every route
   * through it goes, so sends fail inside this host's own stack (IpOutNoRoutes) and nothing
   * reaches the wire. Sockets are told nothing: data already in flight keeps its RTO backoff
   * and the connection gives up with ENETUNREACH; data written afterwards waits under the
   * persist timer and gives up with ETIMEDOUT; a new connect() fails at once with ENETUNREACH.
   * The address stays. Frames for this host are lost while it is down.
   */
  interfaceDown(): void;
  /** `ip link set dev eth0 up`: the routes come back. Nothing is sent at that moment; the next timer that fires gets through. */
  interfaceUp(): void;
  /**
   * `ip addr del` of the client's address (the client only). Its sockets have a source address
   * it no longer owns: their sends fail inside the stack as with the interface down, and frames
   * sent to the old address are dropped on arrival (IpInAddrErrors), with no RST.
   */
  removeAddress(): void;
  /**
   * `ip addr add` of a different address (a new DHCP lease; the client only). New connect()s
   * use it; connections made from the old address stay without a route until they give up.
   */
  addAddress(): void;
  /**
   * The machine sleeps (a closed laptop lid): nothing on it runs, frames to it are lost. Its
   * kernel's timers and TCP clock do not count the time asleep (jiffies and CLOCK_MONOTONIC
   * stop), so on resume() every timer has exactly what it had left. The other host runs on.
   */
  suspend(): void;
  /** Wake a suspended host: its timers run on where they stopped. */
  resume(): void;
}

export interface RunOptions {
  /** Simulate until this time (default: until nothing is left to do, at most 24 h). */
  until?: Duration;
}

export interface Lab {
  readonly client: HostHandle;
  readonly server: HostHandle;
  /** Start a connection client → server:80 now (a handshake from the current time). */
  connect(): Connection;
  /** Run `action` at virtual time `time` (absolute, from the lab's start). */
  at(time: Duration, action: () => void): void;
  /** Virtual time now, ms. */
  now(): number;
  /** `ss -tno` on a host at the current time (during the run): each row with its pending timer (see SsTimer and formatSsTimer()). */
  sockets(host: HostName): SocketSnapshot[];
  /** Run the simulation and return what happened. */
  run(options?: RunOptions): RunResult;
}

/**
 * What `sweepTimerPhase(scenario, measure)` found: how often each value of the measure came up.
 * A real kernel's timers run late by its timer wheel's rounding, which depends on where its
 * jiffies counter stood (the lab's `timerPhase`); a sweep runs one scenario over many phases:
 *
 *     const sweep = sweepTimerPhase(
 *       (timerPhase) => { const lab = createLab({ timerPhase }); …; return lab.run(); },
 *       (r) => Math.round((r.server.errorAt ?? 0) / 1000), // when the server gave up, s
 *     );
 *     // sweep.values: [{ value: 13, share: 0.7, … }, { value: 26, share: 0.3, … }]
 */
export interface PhaseSweep<T extends string | number | boolean | undefined> {
  /** How many phases were run. */
  runs: number;
  /** Each distinct value of the measure, most frequent first, with the share of phases (0..1) that gave it. */
  values: { value: T; count: number; share: number; examplePhase: number }[];
  /** For numeric measures: the smallest, median and largest value. */
  min?: number;
  median?: number;
  max?: number;
}

export interface SweepOptions {
  /** How many phases to run (default 100, at most 10,000). */
  phases?: number;
}

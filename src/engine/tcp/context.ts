/**
 * What TCP's rules may use of the world around them: their host's kernel, narrowed to the clock,
 * the timers, the sysctls, transmitting a frame and keeping the record (the context), and the
 * application that owns a socket (its owner). The rules in tcp/ import nothing above this file:
 * the host implements the context, the socket layer (app.ts) the owner.
 */
import type { Sysctls } from '../api.ts';
import type { EventLog } from '../eventlog.ts';
import type { Frame } from '../frame.ts';
import type { Jiffies } from '../jiffies.ts';
import type { Mib } from '../mib.ts';
import type { SegmentTable } from '../segments.ts';
import type { TimerBase } from '../timer.ts';
import type { Cause, Errno, HostName } from '../types.ts';

/** A socket as its host's table and `ss` see it. */
export interface HashedSocket {
  readonly key: number;
}

/** One host's kernel, as TCP sees it. */
export interface TcpKernel {
  /** This host, for the record. */
  readonly name: HostName;
  /** Virtual time now, µs. */
  readonly now: number;
  /** Jiffies conversions and the jiffies counter (HZ and the timer phase). */
  readonly jiffies: Jiffies;
  /** This host's net.ipv4 settings. */
  readonly sysctl: Sysctls;
  /** This host's SNMP/MIB counters (TCP_INC_STATS, __NET_INC_STATS). */
  readonly mib: Mib;
  /** The timer base every TCP timer of this host is armed on (mod_timer, timer_delete). */
  readonly timers: TimerBase;
  /** The record: segments as they leave, and events. */
  readonly record: { readonly segments: SegmentTable; readonly events: EventLog };
  /**
   * ip_route_output_ports() for the socket's source address: false when the host has no route
   * (its interface is down, or the address the socket was bound to is gone).
   */
  hasRoute(sk: { readonly lport: number }): boolean;
  /** ip_queue_xmit(): hand a segment to IP (the neighbour layer, then the cable). */
  transmit(frame: Frame): void;
  /** neigh_confirm() of the next hop: an ACK showed the peer is reachable (sock_confirm_neigh()). */
  confirmNeighbour(): void;
  /** tcp_v4_send_reset(): answer `f` with an RST that no socket sends. */
  sendReset(f: Frame): void;
  /** Record the socket's `ss -tn` row if its state or queues changed. */
  snapshot(sk: HashedSocket): void;
  /** The socket is in this host's table. */
  owns(sk: HashedSocket): boolean;
  /** inet_unhash(): take it out of the table. */
  unhash(sk: HashedSocket): void;
}

/** The application side of a socket: what TCP tells it (sk_state_change, sk_data_ready, sk_error_report). */
export interface SocketOwner {
  kernelConnected(): void;
  kernelData(text: string | undefined, bytes: number, partial: boolean): void;
  kernelEof(): void;
  kernelError(errno: Errno, cause: Cause): void;
}

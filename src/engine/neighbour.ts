/**
 * Next-hop resolution (ARP), just enough to reproduce what the unplugged side's own sends see
 * (kernel-measurements.md row K). A pulled cable makes the kernel flush the neighbour entry
 * (net/core/neighbour.c neigh_carrier_down()); the next send starts resolution, which sends
 * 3 requests 1 s apart (ucast/mcast_solicit 3, retrans_time 1 s) and then fails, reporting
 * every queued packet to its socket as ICMP host unreachable (net/ipv4/arp.c
 * arp_error_report() → ipv4_link_failure()). Entries do not age while the carrier is up:
 * the next hop is assumed to stay alive (see README, simplifications).
 */
import type { Frame } from './frame.ts';
import type { HostEnv } from './env.ts';
import { KernelTimer, type TimerBase } from './timer.ts';
import type { HostName } from './types.ts';

/** Requests sent before resolution fails (NUD_INCOMPLETE: ucast 3 + app 0 + mcast 3, starting at 3). */
const SOLICIT = 3;
/** RETRANS_TIME: 1 s between requests, in seconds (armed as HZ jiffies). */
const RETRANS_S = 1;

/** The host the neighbour layer belongs to: whether it is up, and where its ICMP errors go. */
export interface NeighbourOwner {
  isUp(): boolean;
  icmpHostUnreachable(frame: Frame): void;
}

type NudState = 'permanent' | 'reachable' | 'none' | 'incomplete' | 'failed';

export class Neighbour {
  state: NudState;
  private readonly env: HostEnv;
  private readonly host: HostName;
  private readonly owner: NeighbourOwner;
  private queue: Frame[] = [];
  private probes = 0;
  private readonly timer: KernelTimer;
  private resolving = false;

  constructor(
    env: HostEnv,
    host: HostName,
    permanent: boolean,
    timers: TimerBase,
    owner: NeighbourOwner,
  ) {
    this.env = env;
    this.host = host;
    this.owner = owner;
    this.state = permanent ? 'permanent' : 'reachable';
    this.timer = new KernelTimer(timers, () => this.neighTimerHandler());
  }

  /** neigh_resolve_output(): send now, or queue behind resolution. */
  output(frame: Frame): void {
    if (this.state === 'permanent' || this.state === 'reachable') {
      this.env.cable.transmit(frame);
      return;
    }
    if (frame.skb) frame.skb.inHostQueue = true;
    this.queue.push(frame);
    if (this.state !== 'incomplete') {
      // __neigh_event_send(): NONE/FAILED → INCOMPLETE, first request at once.
      this.state = 'incomplete';
      this.probes = 0;
      this.solicit();
    }
  }

  /** neigh_carrier_down(): the cable was pulled; forget the entry and its queue. */
  carrierDown(): void {
    if (this.state === 'permanent') return;
    this.timer.del();
    this.resolving = false;
    for (const frame of this.queue) {
      if (frame.skb) frame.skb.inHostQueue = false;
      this.env.rec.segments.lost(this.env.queue.now, frame.segment, 'unplugged');
    }
    this.queue = [];
    this.state = 'none';
  }

  /** Host crash or boot: the table is empty. */
  reset(): void {
    if (this.state === 'permanent') return;
    this.timer.del();
    this.resolving = false;
    for (const frame of this.queue) {
      if (frame.skb) frame.skb.inHostQueue = false;
      this.env.rec.segments.lost(this.env.queue.now, frame.segment, 'host-down');
    }
    this.queue = [];
    this.state = 'none';
  }

  /** arp_solicit(): one request; answered after one RTT if this host's cable is in. */
  private solicit(): void {
    this.probes += 1;
    const env = this.env;
    if (env.cable.carrier[this.host] && this.owner.isUp() && !this.resolving) {
      this.resolving = true;
      env.queue.schedule(env.queue.now + env.cfg.rttUs, () => {
        if (!this.resolving) return;
        this.resolving = false;
        if (this.state === 'incomplete' && env.cable.carrier[this.host]) this.resolved();
      });
    }
    this.timer.mod(env.jiffies.fromSeconds(RETRANS_S));
  }

  /** neigh_timer_handler(): another request, or give up. */
  private neighTimerHandler(): void {
    if (this.state !== 'incomplete') return;
    if (this.probes >= SOLICIT) {
      this.failed();
      return;
    }
    this.solicit();
  }

  private resolved(): void {
    this.timer.del();
    this.state = 'reachable';
    const queued = this.queue;
    this.queue = [];
    for (const frame of queued) {
      if (frame.skb) frame.skb.inHostQueue = false;
      this.env.cable.transmit(frame);
    }
  }

  /** neigh_invalidate() → arp_error_report(): each queued packet becomes a local ICMP error. */
  private failed(): void {
    this.state = 'failed';
    const queued = this.queue;
    this.queue = [];
    const now = this.env.queue.now;
    for (const frame of queued) {
      if (frame.skb) frame.skb.inHostQueue = false;
      this.env.rec.segments.lost(now, frame.segment, 'no-neighbour');
    }
    for (const frame of queued) {
      this.owner.icmpHostUnreachable(frame);
    }
  }
}

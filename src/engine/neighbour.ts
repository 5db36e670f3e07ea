/**
 * The neighbour (ARP) entry for a host's next hop, with the kernel's NUD state machine
 * (net/core/neighbour.c __neigh_event_send(), neigh_timer_handler(), neigh_update(),
 * neigh_invalidate(); net/ipv4/arp.c arp_solicit(), arp_process(), arp_error_report()).
 *
 *   NONE/FAILED --send--> INCOMPLETE: the packet waits; a broadcast request at once, then one
 *       every retrans_time; after mcast_solicit of them, FAILED, and every queued packet comes
 *       back to its socket as ICMP host unreachable (→ tcp_v4_err()). The queue holds at most
 *       unres_qlen_bytes of packets, counted by their skb->truesize (skbTruesize below); a
 *       packet that does not fit pushes out the oldest, which are dropped without an error.
 *   REACHABLE for reachable_time after the last confirmation (a reply, or TCP seeing its ACKs
 *       answered), then STALE. Packets go out at once in every state but INCOMPLETE.
 *   STALE --send--> DELAY: wait delay_first_probe_time for a confirmation, then PROBE: up to
 *       ucast_solicit unicast requests, retrans_time apart; unanswered, FAILED (nothing queued).
 *
 * Which next hop: with topology 'routed' (the default) it is a router that stays up, so its
 * entry never needs re-probing and the lab does not age it; only the host's own cable can break
 * it. With 'lan' it is the peer itself, which answers only while both cables are in and it runs.
 * Pulling a host's cable flushes its entry (neigh_carrier_down()).
 */
import type { NeighSysctls } from './api.ts';
import type { ArpPeer, HostEnv } from './env.ts';
import { ACK, type Frame } from './frame.ts';
import { Prng } from './prng.ts';
import { KernelTimer, type TimerBase } from './timer.ts';
import type { HostName } from './types.ts';

/** The host the neighbour layer belongs to: whether it is up, and where its ICMP errors go. */
export interface NeighbourOwner {
  isUp(): boolean;
  icmpHostUnreachable(frame: Frame): void;
}

type NudState =
  'none' | 'incomplete' | 'reachable' | 'stale' | 'delay' | 'probe' | 'failed' | 'permanent';

export interface NeighbourSetup {
  params: NeighSysctls;
  /** A permanent entry (ip neigh replace … nud permanent). */
  permanent: boolean;
  /** 'lan': the next hop is the peer, and the entry ages; 'routed': a router that never fails. */
  lan: boolean;
}

export class Neighbour {
  declare state: NudState;
  declare private readonly env: HostEnv;
  declare private readonly owner: NeighbourOwner;
  declare private readonly host: HostName;
  declare private readonly peer: HostName;
  declare private readonly p: NeighSysctls;
  declare private readonly lan: boolean;
  private queue: Frame[] = [];
  /** neigh->arp_queue_len_bytes: the truesize of the packets in `queue`. */
  private queuedBytes = 0;
  private probes = 0;
  declare private readonly timer: KernelTimer<Neighbour>;
  /** A request is on its way and its answer not yet back (at most one at a time). */
  private resolving = false;
  /** Bumped when the entry is flushed: answers to requests sent before then are ignored. */
  private generation = 0;
  /** neigh->confirmed and neigh->used: the jiffies counter when they last happened. */
  declare private confirmed: number;
  declare private used: number;
  /** parms->reachable_time: base_reachable_time randomised to [½, 1½) of it (neigh_rand_reach_time()), jiffies. */
  declare private readonly reachableJ: number;

  constructor(
    env: HostEnv,
    host: HostName,
    timers: TimerBase,
    owner: NeighbourOwner,
    setup: NeighbourSetup,
  ) {
    this.env = env;
    this.owner = owner;
    this.host = host;
    this.peer = host === 'client' ? 'server' : 'client';
    this.p = setup.params;
    this.lan = setup.lan;
    this.timer = new KernelTimer<Neighbour>(timers, this, (n) => n.neighTimerHandler());
    // A fresh LAN lab has never resolved anything; a routed host knows its router.
    this.state = setup.permanent ? 'permanent' : setup.lan ? 'none' : 'reachable';
    // neigh_alloc(): "confirmed" long ago, so a new entry must be confirmed before it is trusted.
    const j = env.jiffies;
    this.used = j.at(0);
    this.confirmed = this.used - 2 * j.fromMs(this.p.base_reachable_time_ms);
    this.reachableJ = setup.lan ? randomReachableJ(env, host, this.p) : 0;
  }

  /** The host goes to sleep: its ARP timer stops with the time it had left (sleep.ts). */
  freeze(): number {
    return this.timer.freeze();
  }

  /** The host woke: its timer runs on, and its stamps are as old as they were (jiffies did not count the sleep). */
  thaw(leftUs: number, sleptUs: number): void {
    const sleptJ = Math.floor(sleptUs / this.env.jiffies.toUs(1));
    this.confirmed += sleptJ;
    this.used += sleptJ;
    if (leftUs >= 0) this.timer.thaw(leftUs, sleptUs);
  }

  /** The jiffies counter now. */
  private get now(): number {
    return this.env.jiffies.at(this.env.queue.now);
  }

  private get delayProbeJ(): number {
    return this.env.jiffies.fromSeconds(this.p.delay_first_probe_time);
  }

  /** RETRANS_TIME, at least HZ/100 (neigh_timer_handler()). */
  private get retransJ(): number {
    const j = this.env.jiffies;
    return Math.max(j.fromMs(this.p.retrans_time_ms), Math.floor(j.hz / 100));
  }

  /** neigh_resolve_output() (or the connected fast path): send now, or queue behind resolution. */
  output(frame: Frame): void {
    if (this.state === 'permanent' || this.state === 'reachable') {
      // The connected fast path (every segment of a routed lab): no clock to read.
      this.env.cable.transmit(frame);
      return;
    }
    const now = this.now;
    switch (this.state) {
      case 'stale':
        // __neigh_event_send(): STALE → DELAY; the packet still goes out.
        this.used = now;
        this.enter('delay', this.delayProbeJ);
        this.env.cable.transmit(frame);
        return;
      case 'delay':
      case 'probe':
        this.used = now;
        this.env.cable.transmit(frame);
        return;
      case 'incomplete':
        this.used = now;
        this.enqueue(frame);
        return;
      case 'none':
      case 'failed':
        // __neigh_event_send(): → INCOMPLETE, first request at once (probes start at ucast_solicit).
        this.used = now;
        this.enqueue(frame);
        this.probes = this.p.ucast_solicit;
        this.enter('incomplete', this.retransJ);
        this.neighProbe();
        return;
    }
  }

  /** neigh_confirm(): TCP saw the peer answer (sock_confirm_neigh() on the next send). */
  confirm(): void {
    this.confirmed = this.now;
  }

  /** neigh_carrier_down(): the cable was pulled; forget the entry and its queue. */
  carrierDown(): void {
    this.flush('unplugged');
  }

  /** Host crash or boot: the table is empty. */
  reset(): void {
    this.flush('host-down');
  }

  /**
   * arp_process() for the peer's request: its sender address is learned (neigh_event_ns(),
   * STALE). It changes only an entry that had no address; one waiting for it is resolved.
   */
  learnFromRequest(): void {
    if (this.state === 'none' || this.state === 'failed') {
      this.state = 'stale';
      this.timer.del();
    } else if (this.state === 'incomplete') {
      this.state = 'stale';
      this.timer.del();
      this.sendQueued();
    }
  }

  private flush(reason: 'unplugged' | 'host-down'): void {
    if (this.state === 'permanent') return;
    this.timer.del();
    this.resolving = false;
    this.generation += 1;
    for (const frame of this.takeQueue())
      this.env.rec.segments.lost(this.env.queue.now, frame.segment, reason);
    this.state = 'none';
  }

  /**
   * __neigh_event_send() for an unresolved entry: while the packet does not fit in
   * unres_qlen_bytes, the oldest queued one is dropped (SKB_DROP_REASON_NEIGH_QUEUEFULL, counted
   * in unresolved_discards); freeing it lets its socket retransmit it again. The packet itself
   * is always queued, even one larger than the limit.
   */
  private enqueue(frame: Frame): void {
    const bytes = skbTruesize(frame);
    while (this.queue.length > 0 && this.queuedBytes + bytes > this.p.unres_qlen_bytes) {
      const oldest = this.queue.shift()!;
      this.queuedBytes -= skbTruesize(oldest);
      if (oldest.skb) oldest.skb.inHostQueue = false;
      this.env.rec.segments.lost(this.env.queue.now, oldest.segment, 'neighbour-queue-full');
    }
    if (frame.skb) frame.skb.inHostQueue = true;
    this.queue.push(frame);
    this.queuedBytes += bytes;
  }

  /** Empty the queue, returning what it held, oldest first; none of it waits in the host any more. */
  private takeQueue(): Frame[] {
    const queued = this.queue;
    this.queue = [];
    this.queuedBytes = 0;
    for (const frame of queued) if (frame.skb) frame.skb.inHostQueue = false;
    return queued;
  }

  /** Change state and (re)arm the timer `inJ` jiffies from now, or stop it for a state that has none. */
  private enter(state: NudState, inJ?: number): void {
    this.state = state;
    if (inJ === undefined) this.timer.del();
    else this.timer.mod(Math.max(inJ, Math.floor(this.env.jiffies.hz / 100)));
  }

  /** neigh_max_probes(): ucast + app + (mcast, or mcast_resolicit once PROBE). */
  private maxProbes(): number {
    const again = this.state === 'probe' ? 0 : this.p.mcast_solicit; // mcast_resolicit = 0
    return this.p.ucast_solicit + again;
  }

  /** neigh_timer_handler(). */
  private neighTimerHandler(): void {
    const now = this.now;
    const delay = this.delayProbeJ;
    switch (this.state) {
      case 'reachable':
        if (now <= this.confirmed + this.reachableJ) {
          this.enter('reachable', this.confirmed + this.reachableJ - now);
        } else if (now <= this.used + delay) {
          this.enter('delay', delay);
        } else {
          this.enter('stale');
        }
        return;
      case 'delay':
        if (now <= this.confirmed + delay) {
          this.enter('reachable', this.confirmed + this.reachableJ - now);
          return;
        }
        this.state = 'probe';
        this.probes = 0;
        break;
      case 'incomplete':
      case 'probe':
        break;
      default:
        return;
    }
    if (this.probes >= this.maxProbes()) {
      this.failed();
      return;
    }
    this.timer.mod(this.retransJ);
    this.neighProbe();
  }

  /** neigh_probe() → arp_solicit(): one request (broadcast while INCOMPLETE, unicast in PROBE). */
  private neighProbe(): void {
    this.probes += 1;
    const sim = this.env;
    if (this.resolving || !sim.cable.carrier[this.host] || !this.owner.isUp()) return;
    const generation = this.generation;
    if (!this.lan) {
      // The router answers one round trip later.
      this.resolving = true;
      sim.queue.schedule(sim.queue.now + sim.cfg.rttUs, () => this.answered(generation));
      return;
    }
    if (!sim.cable.carrier[this.peer]) return;
    this.resolving = true;
    const there =
      this.host === 'client' ? Math.floor(sim.cfg.rttUs / 2) : Math.ceil(sim.cfg.rttUs / 2);
    sim.queue.schedule(sim.queue.now + there, () => {
      const peer: ArpPeer = sim.arpPeer(this.peer);
      if (
        generation !== this.generation ||
        !peer.up ||
        !sim.cable.carrier[this.peer] ||
        !sim.cable.carrier[this.host]
      ) {
        if (generation === this.generation) this.resolving = false;
        return;
      }
      peer.arpRequestArrived();
      sim.queue.schedule(sim.queue.now + sim.cfg.rttUs - there, () => this.answered(generation));
    });
  }

  /** The reply arrived: neigh_update(NUD_REACHABLE). */
  private answered(generation: number): void {
    if (generation !== this.generation) return;
    this.resolving = false;
    const sim = this.env;
    if (!sim.cable.carrier[this.host] || (this.lan && !sim.cable.carrier[this.peer])) return;
    if (this.state === 'permanent' || this.state === 'none' || this.state === 'failed') return;
    this.confirmed = this.now;
    if (this.lan) this.enter('reachable', this.reachableJ);
    else this.enter('reachable');
    this.sendQueued();
  }

  private sendQueued(): void {
    for (const frame of this.takeQueue()) this.env.cable.transmit(frame);
  }

  /** neigh_invalidate() → arp_error_report(): each queued packet becomes a local ICMP error. */
  private failed(): void {
    this.enter('failed');
    const queued = this.takeQueue();
    const now = this.env.queue.now;
    for (const frame of queued) this.env.rec.segments.lost(now, frame.segment, 'no-neighbour');
    for (const frame of queued) this.owner.icmpHostUnreachable(frame);
  }
}

/** neigh_rand_reach_time(): base/2 + a uniform draw below base, in jiffies; from a stream of its own so ISNs do not move. */
function randomReachableJ(env: HostEnv, host: HostName, p: NeighSysctls): number {
  const base = env.jiffies.fromMs(p.base_reachable_time_ms);
  const prng = new Prng((env.cfg.seed ^ (host === 'client' ? 0x4e554431 : 0x4e554432)) >>> 0);
  return Math.floor(base / 2) + Math.floor(prng.next() * base);
}

/**
 * The skb->truesize the neighbour queue counts a packet at, as measured on Linux 6.18 (x86-64)
 * by scripts/kernel-lab/arp-queue.py: 832 bytes for a SYN or a keepalive probe, 832 plus the
 * payload for a data segment, and 2 for a pure ACK, which tcp_send_ack() marks so
 * (skb_set_tcp_pure_ack()): 600 of them fitted with room to spare. The segments not measured
 * (SYN-ACK, FIN, RST, window probe) are allocated as a SYN or a probe is, and counted the same.
 */
function skbTruesize(frame: Frame): number {
  const pureAck =
    frame.len === 0 &&
    frame.flags === ACK &&
    frame.role !== 'keepalive' &&
    frame.role !== 'window-probe';
  return pureAck ? PURE_ACK_TRUESIZE : SKB_TRUESIZE + frame.len;
}

const SKB_TRUESIZE = 832;
const PURE_ACK_TRUESIZE = 2;

/**
 * The cable: client NIC — switch port — switch port — server NIC. Unplugging a host takes its
 * switch port down: every frame in either direction is lost, including frames already in
 * flight, and neither host is told (kernel-measurements.md, Method).
 */
import type { Frame } from './frame.ts';
import type { Sim } from './sim.ts';
import type { HostName } from './types.ts';

export class Cable {
  private readonly sim: Sim;
  /** Carrier per host's port. */
  readonly carrier: Record<HostName, boolean> = { client: true, server: true };
  /** Bumped whenever a port goes down: a frame sent before the bump never arrives. */
  private cutEpoch = 0;
  /**
   * Frames on their way, one queue lane per sending host: every frame in a direction takes
   * the same delay, so they arrive in the order they were sent.
   */
  private readonly lanes: Record<HostName, number>;

  constructor(sim: Sim) {
    this.sim = sim;
    this.lanes = { client: sim.queue.lane(this.arrive), server: sim.queue.lane(this.arrive) };
  }

  unplug(host: HostName): void {
    if (!this.carrier[host]) return;
    this.carrier[host] = false;
    this.cutEpoch += 1;
  }

  plugIn(host: HostName): void {
    this.carrier[host] = true;
  }

  /** One-way delay; the two directions add up to the RTT exactly. */
  private delay(from: HostName): number {
    const rtt = this.sim.cfg.rttUs;
    return from === 'client' ? Math.floor(rtt / 2) : Math.ceil(rtt / 2);
  }

  transmit(frame: Frame): void {
    const sim = this.sim;
    const now = sim.queue.now;
    if (!this.carrier[frame.from]) {
      sim.rec.segments.lost(now, frame.segment, 'unplugged');
      return;
    }
    if (sim.cfg.loss > 0 && sim.prng.next() < sim.cfg.loss) {
      sim.rec.segments.lost(now, frame.segment, 'loss');
      return;
    }
    frame.epoch = this.cutEpoch;
    sim.queue.scheduleInLane(this.lanes[frame.from], now + this.delay(frame.from), frame);
  }

  /** The frame reaches the far port: delivered unless a port went down meanwhile or the host is dead. */
  private readonly arrive = (frame: Frame): void => {
    const sim = this.sim;
    const t = sim.queue.now;
    if (frame.epoch !== this.cutEpoch || !this.carrier[frame.to] || !this.carrier[frame.from]) {
      sim.rec.segments.lost(t, frame.segment, 'unplugged');
    } else if (!sim.hosts[frame.to].up) {
      sim.rec.segments.lost(t, frame.segment, 'host-down');
    } else {
      sim.rec.segments.arrived(t, frame.segment);
      sim.hosts[frame.to].receive(frame);
    }
  };
}

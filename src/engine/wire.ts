/**
 * The cable: client NIC — switch port — switch port — server NIC. Unplugging a host takes its
 * switch port down: every frame in either direction is lost, including frames already in
 * flight, and neither host is told (kernel-measurements.md, Method).
 */
import type { Frame } from './frame.ts';
import type { LabConfig } from './config.ts';
import type { Prng } from './prng.ts';
import type { EventQueue } from './queue.ts';
import type { Recorder } from './recorder.ts';
import type { HostName, LossReason } from './types.ts';

/** Where the cable ends: whether a host takes a frame that reached it, and handing it over. */
export interface CableEnds {
  /** Why the far host takes no frame now (down, asleep, interface down, not its address), if so. */
  refuses(frame: Frame): LossReason | undefined;
  deliver(frame: Frame): void;
}

export class Cable {
  private readonly queue: EventQueue;
  private readonly cfg: LabConfig;
  private readonly prng: Prng;
  private readonly rec: Recorder;
  private readonly ends: CableEnds;
  /** Carrier per host's port. */
  readonly carrier: Record<HostName, boolean> = { client: true, server: true };
  /** Bumped whenever a port goes down: a frame sent before the bump never arrives. */
  private cutEpoch = 0;
  /**
   * Frames on their way, one queue lane per sending host: every frame in a direction takes
   * the same delay, so they arrive in the order they were sent.
   */
  private readonly lanes: Record<HostName, number>;

  constructor(queue: EventQueue, cfg: LabConfig, prng: Prng, rec: Recorder, ends: CableEnds) {
    this.queue = queue;
    this.cfg = cfg;
    this.prng = prng;
    this.rec = rec;
    this.ends = ends;
    this.lanes = { client: queue.lane(this.arrive), server: queue.lane(this.arrive) };
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
    const rtt = this.cfg.rttUs;
    return from === 'client' ? Math.floor(rtt / 2) : Math.ceil(rtt / 2);
  }

  transmit(frame: Frame): void {
    const now = this.queue.now;
    if (!this.carrier[frame.from]) {
      this.rec.segments.lost(now, frame.segment, 'unplugged');
      return;
    }
    if (this.cfg.loss > 0 && this.prng.next() < this.cfg.loss) {
      this.rec.segments.lost(now, frame.segment, 'loss');
      return;
    }
    frame.epoch = this.cutEpoch;
    this.queue.scheduleInLane(this.lanes[frame.from], now + this.delay(frame.from), frame);
  }

  /** The frame reaches the far port: delivered unless a port went down meanwhile or the host is dead. */
  private readonly arrive = (frame: Frame): void => {
    const t = this.queue.now;
    if (frame.epoch !== this.cutEpoch || !this.carrier[frame.to] || !this.carrier[frame.from]) {
      this.rec.segments.lost(t, frame.segment, 'unplugged');
      return;
    }
    const refused = this.ends.refuses(frame);
    if (refused) {
      this.rec.segments.lost(t, frame.segment, refused);
    } else {
      this.rec.segments.arrived(t, frame.segment);
      this.ends.deliver(frame);
    }
  };
}

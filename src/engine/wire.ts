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
import { ofHost } from './names.ts';
import type { HostName, LossReason } from './types.ts';

/** Where the cable ends: whether a host takes a frame that reached it, and handing it over. */
export interface CableEnds {
  /** Why the far host takes no frame now (down, asleep, interface down, not its address), if so. */
  refuses(frame: Frame): LossReason | undefined;
  deliver(frame: Frame): void;
}

/** A stateful box halfway along the path (middlebox.ts): it forwards or drops what reaches it, and may send frames of its own. */
export interface PathMiddlebox {
  pass(frame: Frame): 'forward' | 'drop';
  /** Set by the cable: puts a frame the box sends on the rest of its way. */
  emit: (frame: Frame) => void;
}

export class Cable {
  declare private readonly queue: EventQueue;
  declare private readonly cfg: LabConfig;
  declare private readonly prng: Prng;
  declare private readonly rec: Recorder;
  declare private readonly ends: CableEnds;
  /** Carrier per host's port. */
  readonly carrier: Record<HostName, boolean> = { client: true, server: true };
  /** Bumped whenever a port goes down: a frame sent before the bump never arrives. */
  private cutEpoch = 0;
  /**
   * Frames on their way, one queue lane per sending host: every frame in a direction takes
   * the same delay, so they arrive in the order they were sent.
   */
  declare private readonly lanes: Record<HostName, number>;
  /** With a middlebox halfway: a lane per direction from the sender to it (then `lanes` from it on). */
  declare private readonly middlebox: PathMiddlebox | undefined;
  private readonly toMiddlebox: Record<HostName, number> | undefined;

  constructor(
    queue: EventQueue,
    cfg: LabConfig,
    prng: Prng,
    rec: Recorder,
    ends: CableEnds,
    middlebox?: PathMiddlebox,
  ) {
    this.queue = queue;
    this.cfg = cfg;
    this.prng = prng;
    this.rec = rec;
    this.ends = ends;
    this.lanes = { client: queue.lane(this.arrive), server: queue.lane(this.arrive) };
    this.middlebox = middlebox;
    if (middlebox) {
      middlebox.emit = (frame) => this.fromMiddlebox(frame);
      this.toMiddlebox = {
        client: queue.lane(this.atMiddlebox),
        server: queue.lane(this.atMiddlebox),
      };
    }
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
    if (!ofHost(this.carrier, frame.from)) {
      this.rec.segments.lost(now, frame.segment, 'unplugged');
      return;
    }
    if (this.cfg.loss > 0 && this.prng.next() < this.cfg.loss) {
      this.rec.segments.lost(now, frame.segment, 'loss');
      return;
    }
    frame.epoch = this.cutEpoch;
    if (this.toMiddlebox) {
      this.queue.scheduleInLane(
        ofHost(this.toMiddlebox, frame.from),
        now + this.firstHalf(frame.from),
        frame,
      );
      return;
    }
    this.queue.scheduleInLane(ofHost(this.lanes, frame.from), now + this.delay(frame.from), frame);
  }

  /** From the sender to the middlebox halfway; the rest of delay(from) is from it to the receiver. */
  private firstHalf(from: HostName): number {
    return Math.floor(this.delay(from) / 2);
  }

  /** The frame reaches the middlebox: lost if a port went down meanwhile, else its verdict. */
  private readonly atMiddlebox = (frame: Frame): void => {
    const now = this.queue.now;
    if (frame.epoch !== this.cutEpoch) {
      this.rec.segments.lost(now, frame.segment, 'unplugged');
      return;
    }
    if (this.middlebox!.pass(frame) === 'forward') this.fromMiddlebox(frame);
  };

  /** A frame leaves the middlebox for the rest of its way (one it forwards, or one it sends). */
  private fromMiddlebox(frame: Frame): void {
    frame.epoch = this.cutEpoch;
    const rest = this.delay(frame.from) - this.firstHalf(frame.from);
    this.queue.scheduleInLane(ofHost(this.lanes, frame.from), this.queue.now + rest, frame);
  }

  /** The frame reaches the far port: delivered unless a port went down meanwhile or the host is dead. */
  private readonly arrive = (frame: Frame): void => {
    const t = this.queue.now;
    if (
      frame.epoch !== this.cutEpoch ||
      !ofHost(this.carrier, frame.to) ||
      !ofHost(this.carrier, frame.from)
    ) {
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

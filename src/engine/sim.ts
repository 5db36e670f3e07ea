/** The simulator: owns the virtual clock, the PRNG, the cable, both hosts and the record. */
import type { LabConfig } from './config.ts';
import type { HostEnv } from './env.ts';
import { EventBudgetExceeded } from './errors.ts';
import type { HostKernel } from './host.ts';
import { Jiffies } from './jiffies.ts';
import { Prng } from './prng.ts';
import { EventQueue, QUEUE_EMPTY, QUEUE_LATER } from './queue.ts';
import { Recorder } from './recorder.ts';
import { ofHost } from './names.ts';
import type { HostName } from './types.ts';
import { Cable } from './wire.ts';
import { Middlebox } from './middlebox.ts';
import type { TcpSock } from './tcp/sock.ts';
import type { SocketApp } from './app.ts';

export interface ConnInfo {
  index: number;
  clientPort: number;
  client: SocketApp;
  server: SocketApp;
}

export class Sim implements HostEnv {
  declare readonly cfg: LabConfig;
  readonly queue = new EventQueue();
  declare readonly prng: Prng;
  declare readonly jiffies: Jiffies;
  readonly rec = new Recorder();
  declare readonly cable: Cable;
  /** The stateful box on the path, when the lab has one (createLab({ middlebox })). */
  declare readonly middlebox: Middlebox | undefined;
  /** Filled in by the lab right after construction. */
  hosts!: Record<HostName, HostKernel>;
  readonly conns: ConnInfo[] = [];
  /** Connection index by client port, for segments that no socket owns (RSTs to old tuples). */
  readonly connByPort = new Map<number, number>();

  constructor(cfg: LabConfig) {
    this.cfg = cfg;
    this.prng = new Prng(cfg.seed);
    this.jiffies = new Jiffies(cfg.hz, cfg.timerPhase);
    this.middlebox = cfg.middlebox ? new Middlebox(cfg.middlebox, this) : undefined;
    this.cable = new Cable(
      this.queue,
      cfg,
      this.prng,
      this.rec,
      {
        refuses: (frame) => ofHost(this.hosts, frame.to).refuses(frame),
        deliver: (frame) => ofHost(this.hosts, frame.to).receive(frame),
      },
      this.middlebox,
    );
  }

  get now(): number {
    return this.queue.now;
  }

  arpPeer(host: HostName): HostKernel {
    return ofHost(this.hosts, host);
  }

  connOf(clientPort: number): number {
    return this.connByPort.get(clientPort) ?? -1;
  }

  isnsOf(host: HostName, localPort: number, remotePort: number): TcpSock | undefined {
    return ofHost(this.hosts, host).lookup(localPort, remotePort);
  }

  /** Run queued events up to `untilUs` (inclusive). Returns false when the queue ran dry first. */
  runUntil(untilUs: number): boolean {
    const q = this.queue;
    const max = this.cfg.maxEvents;
    q.settlePlan();
    for (;;) {
      const taken = q.next(untilUs);
      if (taken === QUEUE_EMPTY) return false;
      if (taken === QUEUE_LATER) {
        q.now = untilUs;
        return true;
      }
      if (q.processed >= max) throw new EventBudgetExceeded(max, q.now / 1000);
      q.processed += 1;
      q.runTaken();
    }
  }
}

/**
 * What a host needs from the simulation around it: the clock and its queue, kernel time, the
 * PRNG, the record, the lab's settings and the cable. The simulator (sim.ts) provides it; a host
 * and its neighbour layer know nothing else of the simulator.
 */
import type { LabConfig } from './config.ts';
import type { Jiffies } from './jiffies.ts';
import type { Prng } from './prng.ts';
import type { EventQueue } from './queue.ts';
import type { Recorder } from './recorder.ts';
import type { HostName } from './types.ts';
import type { Cable } from './wire.ts';

/** The other host as ARP meets it on a shared LAN (topology 'lan'). */
export interface ArpPeer {
  readonly up: boolean;
  /** Its ARP request reached this host, which learns the sender's address (arp_process()). */
  arpRequestArrived(): void;
}

export interface HostEnv {
  readonly cfg: LabConfig;
  readonly queue: EventQueue;
  readonly jiffies: Jiffies;
  readonly prng: Prng;
  readonly rec: Recorder;
  readonly cable: Cable;
  /** The host `host`'s ARP requests reach when both share one LAN. */
  arpPeer(host: HostName): ArpPeer;
  /** The lab's connection a client port belongs to (-1: none). */
  connOf(clientPort: number): number;
  /** The sequence-number origins of `host`'s socket for a 4-tuple, if it has one (for a record's relative numbers). */
  isnsOf(
    host: HostName,
    localPort: number,
    remotePort: number,
  ): { iss: number; irs: number } | undefined;
}

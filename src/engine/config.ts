/**
 * Lab options: defaults (Linux 6.x, include/net/tcp.h and tcp_sk_init()) and validation with
 * errors that name the option and its rule.
 */
import type { HostOptions, LabOptions, NeighSysctls, Sysctls, Topology } from './api.ts';
import { parseMicros } from './duration.ts';
import { LabError } from './errors.ts';
import { middleboxConfig, type MiddleboxConfig } from './middleboxConfig.ts';
import { phaseForSeed } from './timer.ts';
import type { HostName } from './types.ts';

export const DEFAULT_SYSCTLS: Sysctls = {
  tcp_retries2: 15, // TCP_RETR2
  tcp_retries1: 3, // TCP_RETR1
  tcp_syn_retries: 6, // TCP_SYN_RETRIES
  tcp_synack_retries: 5, // TCP_SYNACK_RETRIES
  tcp_syn_linear_timeouts: 4, // tcp_sk_init()
  tcp_keepalive_time: 7200, // TCP_KEEPALIVE_TIME
  tcp_keepalive_intvl: 75, // TCP_KEEPALIVE_INTVL
  tcp_keepalive_probes: 9, // TCP_KEEPALIVE_PROBES
  tcp_orphan_retries: 0, // tcp_sk_init(): 0 means 8 while alive
  tcp_early_retrans: 3, // tcp_sk_init(): TLP on
  tcp_fin_timeout: 60, // TCP_FIN_TIMEOUT
};

/** Allowed ranges (inclusive), following the kernel's setters and proc limits. */
const SYSCTL_RANGES: Record<keyof Sysctls, [number, number]> = {
  tcp_retries2: [0, 255],
  tcp_retries1: [0, 255],
  tcp_syn_retries: [1, 127], // MAX_TCP_SYNCNT
  tcp_synack_retries: [0, 255],
  tcp_syn_linear_timeouts: [0, 10],
  tcp_keepalive_time: [1, 32767], // MAX_TCP_KEEPIDLE
  tcp_keepalive_intvl: [1, 32767], // MAX_TCP_KEEPINTVL
  tcp_keepalive_probes: [1, 127], // MAX_TCP_KEEPCNT
  tcp_orphan_retries: [0, 255],
  tcp_early_retrans: [0, 4],
  tcp_fin_timeout: [1, 32767],
};

export const HZ_VALUES = [100, 250, 300, 1000] as const;

/** net/ipv4/arp.c arp_tbl defaults. */
export const DEFAULT_NEIGH: NeighSysctls = {
  base_reachable_time_ms: 30_000, // BASE_REACHABLE_TIME 30 * HZ
  delay_first_probe_time: 5, // DELAY_PROBE_TIME 5 * HZ
  retrans_time_ms: 1000, // RETRANS_TIME 1 * HZ
  ucast_solicit: 3, // UCAST_PROBES
  mcast_solicit: 3, // MCAST_PROBES
  unres_qlen_bytes: 212_992, // QUEUE_LEN_BYTES SK_WMEM_MAX (x86-64; `sysctl net.ipv4.neigh.default.unres_qlen_bytes`)
};

const NEIGH_RANGES: Record<keyof NeighSysctls, [number, number]> = {
  base_reachable_time_ms: [1, 3_600_000],
  delay_first_probe_time: [1, 3600],
  retrans_time_ms: [10, 60_000],
  ucast_solicit: [0, 255],
  mcast_solicit: [0, 255],
  unres_qlen_bytes: [0, 2 ** 31 - 1],
};

const TOPOLOGIES: Topology[] = ['routed', 'lan'];

export interface HostConfig {
  sysctl: Sysctls;
  /** A permanent ARP entry for the next hop: the host never has to resolve it. */
  staticNeighbour: boolean;
  neigh: NeighSysctls;
}

export interface LabConfig {
  seed: number;
  /** Round-trip time, µs. */
  rttUs: number;
  hz: number;
  loss: number;
  maxEvents: number;
  topology: Topology;
  /** Timers run at the timer wheel's bucket boundaries (timer.ts) rather than exactly. */
  timerWheel: boolean;
  /** Where t = 0 falls on the jiffies counter (0 ≤ phase < 1 of the wheel's cycle). */
  timerPhase: number;
  hosts: Record<HostName, HostConfig>;
  /** A stateful middlebox on the path (absent: a plain path of routers). */
  middlebox?: MiddleboxConfig;
}

export function checkInteger(
  argument: string,
  value: unknown,
  lo: number,
  hi: number,
  what = 'an integer',
): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < lo || value > hi) {
    throw new LabError(
      argument,
      `${argument}: ${typeof value === 'string' ? `'${value}'` : String(value)} is out of range; it must be ${what} from ${lo} to ${hi}.`,
    );
  }
  return value;
}

function hostConfig(name: HostName, options: HostOptions | undefined): HostConfig {
  const sysctl: Sysctls = { ...DEFAULT_SYSCTLS };
  const given = options?.sysctl ?? {};
  for (const key of Object.keys(given)) {
    const argument = `${name}.sysctl.${key}`;
    if (!(key in SYSCTL_RANGES)) {
      throw new LabError(
        argument,
        `${argument}: the lab does not model this sysctl; known ones are ${Object.keys(SYSCTL_RANGES).join(', ')}.`,
      );
    }
    const k = key as keyof Sysctls;
    const [lo, hi] = SYSCTL_RANGES[k];
    sysctl[k] = checkInteger(argument, given[k], lo, hi);
  }
  const staticNeighbour = options?.staticNeighbour ?? false;
  if (typeof staticNeighbour !== 'boolean') {
    throw new LabError(
      `${name}.staticNeighbour`,
      `${name}.staticNeighbour: it must be true or false.`,
    );
  }
  const neigh: NeighSysctls = { ...DEFAULT_NEIGH };
  const givenNeigh = options?.neigh ?? {};
  for (const key of Object.keys(givenNeigh)) {
    const argument = `${name}.neigh.${key}`;
    if (!(key in NEIGH_RANGES)) {
      throw new LabError(
        argument,
        `${argument}: the lab does not model this neighbour setting; known ones are ${Object.keys(NEIGH_RANGES).join(', ')}.`,
      );
    }
    const k = key as keyof NeighSysctls;
    const [lo, hi] = NEIGH_RANGES[k];
    neigh[k] = checkInteger(argument, givenNeigh[k], lo, hi);
  }
  return { sysctl, staticNeighbour, neigh };
}

export function labConfig(options: LabOptions = {}): LabConfig {
  if (options === null || typeof options !== 'object') {
    throw new LabError(
      'createLab(options)',
      "createLab(options): options must be an object such as { rtt: '20ms' }.",
    );
  }
  const known = [
    'seed',
    'rtt',
    'hz',
    'loss',
    'topology',
    'maxEvents',
    'timerWheel',
    'timerPhase',
    'middlebox',
    'client',
    'server',
  ];
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw new LabError(
        key,
        `createLab(): unknown option '${key}'; known options are ${known.join(', ')}.`,
      );
    }
  }
  const seed = options.seed ?? 1;
  checkInteger('seed', seed, 0, 2 ** 32 - 1, 'a whole number');
  const rttUs = parseMicros(options.rtt ?? '20ms', 'rtt');
  if (rttUs < 2)
    throw new LabError('rtt', 'rtt: the round-trip time must be at least 2 µs (0.002 ms).');
  if (rttUs > 60_000_000)
    throw new LabError('rtt', 'rtt: the round-trip time must be at most 60 s.');
  const hz = options.hz ?? 1000;
  if (!(HZ_VALUES as readonly number[]).includes(hz)) {
    throw new LabError(
      'hz',
      `hz: ${String(hz)} is not a kernel timer frequency; use 100, 250, 300 or 1000.`,
    );
  }
  const loss = options.loss ?? 0;
  if (typeof loss !== 'number' || !(loss >= 0 && loss < 1)) {
    throw new LabError(
      'loss',
      `loss: ${String(loss)} is not a probability; use a number from 0 up to (not including) 1.`,
    );
  }
  const maxEvents = options.maxEvents ?? 1_000_000;
  checkInteger('maxEvents', maxEvents, 1, 1e9, 'a whole number');
  const timerWheel = options.timerWheel ?? true;
  if (typeof timerWheel !== 'boolean') {
    throw new LabError('timerWheel', 'timerWheel: it must be true or false.');
  }
  const timerPhase = options.timerPhase ?? phaseForSeed(seed);
  if (typeof timerPhase !== 'number' || !(timerPhase >= 0 && timerPhase < 1)) {
    throw new LabError(
      'timerPhase',
      `timerPhase: ${String(timerPhase)} is not a phase; use a number from 0 up to (not including) 1.`,
    );
  }
  const topology = options.topology ?? 'routed';
  if (!TOPOLOGIES.includes(topology)) {
    throw new LabError(
      'topology',
      `topology: ${typeof topology === 'string' ? `'${topology}'` : String(topology)} is not a topology; use 'routed' (the server behind routers) or 'lan' (both hosts on one switch).`,
    );
  }
  const middlebox = middleboxConfig(options.middlebox);
  return {
    seed,
    rttUs,
    hz,
    loss,
    maxEvents,
    topology,
    timerWheel,
    // With the wheel off the counter starts at 0, as the textbook timing assumes.
    timerPhase: timerWheel ? timerPhase : 0,
    hosts: {
      client: hostConfig('client', options.client),
      server: hostConfig('server', options.server),
    },
    ...(middlebox ? { middlebox } : {}),
  };
}

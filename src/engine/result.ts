/** Assemble a RunResult from the simulator's record. */
import type { ConnInfo, Sim } from './sim.ts';
import { classify } from './outcome.ts';
import type { ConnectionResult, HostName, RunResult, SegmentRecord, SideResult } from './types.ts';
import type { SocketApp } from './app.ts';

function sideResult(app: SocketApp): SideResult {
  const sk = app.sock;
  const side: SideResult = {
    state: app.state,
    retransmissions: sk?.rtoRetransmissions ?? 0,
    tlps: sk?.tlps ?? 0,
    keepaliveProbes: sk?.keepaliveProbes ?? 0,
  };
  if (app.error !== undefined) {
    side.error = app.error;
    side.errorAt = app.errorAtUs / 1000;
  }
  const cause = app.cause ?? sk?.cause ?? (app.sawEof ? 'fin' : undefined);
  if (cause !== undefined) side.cause = cause;
  return side;
}

/**
 * Define `key` on `obj` as a value built when first read (then kept as a plain property, in
 * the same place among the object's keys, so JSON and structured clone see a normal object).
 */
function defineLazy<T extends object, K extends keyof T>(obj: T, key: K, build: () => T[K]): void {
  const settle = (value: T[K]): T[K] => {
    Object.defineProperty(obj, key, {
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    });
    return value;
  };
  Object.defineProperty(obj, key, {
    enumerable: true,
    configurable: true,
    get: () => settle(build()),
    set: settle,
  });
}

/**
 * The RunResult of a run that stopped at `endUs`. Its `segments`, `events` and `sockets`
 * describe the run as it stood now, but their objects are built when first read: a stress run
 * logs hundreds of thousands of them, and a caller that only wants the outcomes should not pay
 * for them.
 */
export function buildResult(sim: Sim, endUs: number): RunResult {
  const rec = sim.rec;
  const segmentSnap = rec.segments.snapshot();
  const eventCount = rec.events.count;
  const socketSnap = rec.sockets.snapshot();
  let allSegments: SegmentRecord[] | undefined;
  const segments = (): SegmentRecord[] => (allSegments ??= rec.segments.records(segmentSnap));
  // Classification looks at a connection's own segments, in the few branches that need them.
  let byConn: Map<number, SegmentRecord[]> | undefined;
  const segmentsOf = (conn: number): SegmentRecord[] => {
    if (!byConn) {
      byConn = new Map();
      for (const seg of segments()) {
        const list = byConn.get(seg.conn);
        if (list) list.push(seg);
        else byConn.set(seg.conn, [seg]);
      }
    }
    return byConn.get(conn) ?? [];
  };
  const rebooted = new Set<HostName>();
  for (const name of ['client', 'server'] as const) if (sim.hosts[name].booted) rebooted.add(name);
  const connections = sim.conns.map((info: ConnInfo): ConnectionResult => {
    const sides: Record<HostName, SideResult> = {
      client: sideResult(info.client),
      server: sideResult(info.server),
    };
    const outcome = classify(sim, sides, () => segmentsOf(info.index), rebooted);
    return { conn: info.index, client: sides.client, server: sides.server, outcome };
  });
  const first = connections[0];
  const none: SideResult = { state: 'CLOSED', retransmissions: 0, tlps: 0, keepaliveProbes: 0 };
  const result = {
    outcome: first?.outcome ?? { id: 'still-established', summary: 'No connection was made.' },
    client: first?.client ?? none,
    server: first?.server ?? { ...none, state: 'LISTEN' },
    connections,
  } as RunResult;
  // Keys in the order RunResult declares them (JSON keeps it).
  defineLazy(result, 'segments', segments);
  defineLazy(result, 'events', () => rec.events.events(eventCount));
  defineLazy(result, 'sockets', () => rec.sockets.rows(socketSnap));
  result.outages = rec.outages.map((o) => ({ ...o }));
  result.end = endUs / 1000;
  result.config = {
    seed: sim.cfg.seed,
    rtt: sim.cfg.rttUs / 1000,
    hz: sim.cfg.hz,
    loss: sim.cfg.loss,
  };
  result.stats = { eventsProcessed: sim.queue.processed };
  return result;
}

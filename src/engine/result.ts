/** Assemble a RunResult from the simulator's record. */
import type { EventsSnapshot, Recorder } from './recorder.ts';
import type { SegmentSnapshot } from './segments.ts';
import type { SocketRowsSnapshot } from './socketrows.ts';
import type { ConnInfo, Sim } from './sim.ts';
import { classify } from './outcome.ts';
import type {
  ConnectionResult,
  HostName,
  LabEvent,
  RunResult,
  SegmentRecord,
  SideResult,
  SocketSnapshot,
} from './types.ts';
import type { SocketApp } from './app.ts';

function sideResult(app: SocketApp): SideResult {
  const sk = app.sock;
  const side: SideResult = {
    state: app.state,
    retransmissions: sk?.rtoRetransmissions ?? 0,
    tlps: sk?.tlps ?? 0,
    keepaliveProbes: sk?.keepaliveProbes ?? 0,
  };
  if (sk && sk.windowProbes > 0) side.windowProbes = sk.windowProbes;
  if (app.error !== undefined) {
    side.error = app.error;
    side.errorAt = app.errorAtUs / 1000;
  }
  const cause = app.cause ?? sk?.cause ?? (app.sawEof ? 'fin' : undefined);
  if (cause !== undefined) side.cause = cause;
  return side;
}

type RecordKey = 'segments' | 'events' | 'sockets';

/** Where a result keeps its RecordSource: a hidden property (not enumerable, not a string key). */
const SOURCE = Symbol('record source');

type WithSource = RunResult & { [SOURCE]?: RecordSource };

/**
 * Where a result's record lists come from: the recorder (its columns, not the lab) and where it
 * stood when the result was made. Dropped once all three lists have been read.
 */
class RecordSource {
  unread = 3;
  declare private readonly rec: Recorder;
  declare private readonly segmentSnap: SegmentSnapshot;
  declare private readonly eventsSnap: EventsSnapshot;
  declare private readonly socketSnap: SocketRowsSnapshot;
  private segmentList: SegmentRecord[] | undefined;

  constructor(rec: Recorder) {
    this.rec = rec;
    this.segmentSnap = rec.segments.snapshot();
    this.eventsSnap = rec.eventsSnapshot();
    this.socketSnap = rec.sockets.snapshot();
  }

  segments(): SegmentRecord[] {
    return (this.segmentList ??= this.rec.segments.records(this.segmentSnap));
  }

  events(): LabEvent[] {
    return this.rec.eventsOf(this.eventsSnap);
  }

  sockets(): SocketSnapshot[] {
    return this.rec.sockets.rows(this.socketSnap);
  }
}

function settle<K extends RecordKey>(
  result: WithSource,
  key: K,
  value: RunResult[K],
): RunResult[K] {
  Object.defineProperty(result, key, {
    value,
    writable: true,
    enumerable: true,
    configurable: true,
  });
  const source = result[SOURCE];
  if (source && --source.unread === 0) result[SOURCE] = undefined;
  return value;
}

/**
 * A record list built when first read, then kept as a plain property in the same place among
 * the result's keys (so JSON, spread and structured clone see a normal object). The getter and
 * setter are the same functions for every result, so that all results share one shape.
 */
function lazyRecords<K extends RecordKey>(key: K): PropertyDescriptor {
  return {
    enumerable: true,
    configurable: true,
    get(this: WithSource): RunResult[K] {
      const source = this[SOURCE];
      if (!source) throw new Error(`RunResult.${key}: read it from the result lab.run() returned`);
      return settle(this, key, source[key]() as RunResult[K]);
    },
    set(this: WithSource, value: RunResult[K]): void {
      settle(this, key, value);
    },
  };
}

const LAZY_RECORDS: PropertyDescriptorMap = {
  segments: lazyRecords('segments'),
  events: lazyRecords('events'),
  sockets: lazyRecords('sockets'),
};

/**
 * The RunResult of a run that stopped at `endUs`. Its `segments`, `events` and `sockets`
 * describe the run as it stood now, but their objects are built when first read: a stress run
 * logs hundreds of thousands of them, and a caller that only wants the outcomes should not pay
 * for them.
 */
export function buildResult(sim: Sim, endUs: number): RunResult {
  const records = new RecordSource(sim.rec);
  // Classification looks at a connection's own segments, in the few branches that need them.
  let byConn: Map<number, SegmentRecord[]> | undefined;
  const segmentsOf = (conn: number): SegmentRecord[] => {
    if (!byConn) {
      byConn = new Map();
      for (const seg of records.segments()) {
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
    const outcome = classify(
      sim,
      sides,
      () => segmentsOf(info.index),
      rebooted,
      info.clientPort,
      info.index,
    );
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
  Object.defineProperty(result, SOURCE, { value: records, writable: true });
  Object.defineProperties(result, LAZY_RECORDS);
  result.counters = { client: sim.hosts.client.mib.read(), server: sim.hosts.server.mib.read() };
  result.outages = sim.rec.outages.map((o) => ({ ...o }));
  result.end = endUs / 1000;
  result.config = {
    seed: sim.cfg.seed,
    rtt: sim.cfg.rttUs / 1000,
    hz: sim.cfg.hz,
    loss: sim.cfg.loss,
    timerWheel: sim.cfg.timerWheel,
    timerPhase: sim.cfg.timerPhase,
  };
  const box = sim.cfg.middlebox;
  if (box) {
    result.config.middlebox = {
      kind: box.kind,
      idleTimeout: box.idleTimeoutUs / 1000,
      onForgotten: box.onForgotten,
    };
  }
  result.stats = { eventsProcessed: sim.queue.processed };
  return result;
}

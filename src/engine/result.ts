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

export function buildResult(sim: Sim, endUs: number): RunResult {
  // Group segments by connection once: classification looks at each connection's own.
  const segments = sim.rec.segments.records();
  const byConn = new Map<number, SegmentRecord[]>();
  for (const seg of segments) {
    const list = byConn.get(seg.conn);
    if (list) list.push(seg);
    else byConn.set(seg.conn, [seg]);
  }
  const rebooted = new Set<HostName>();
  for (const e of sim.rec.plainEvents)
    if (e.kind === 'host' && e.action === 'boot') rebooted.add(e.host);
  const connections = sim.conns.map((info: ConnInfo): ConnectionResult => {
    const sides: Record<HostName, SideResult> = {
      client: sideResult(info.client),
      server: sideResult(info.server),
    };
    const outcome = classify(sim, sides, byConn.get(info.index) ?? [], rebooted);
    return { conn: info.index, client: sides.client, server: sides.server, outcome };
  });
  const first = connections[0];
  const none: SideResult = { state: 'CLOSED', retransmissions: 0, tlps: 0, keepaliveProbes: 0 };
  return {
    outcome: first?.outcome ?? { id: 'still-established', summary: 'No connection was made.' },
    client: first?.client ?? none,
    server: first?.server ?? { ...none, state: 'LISTEN' },
    connections,
    segments,
    events: sim.rec.allEvents(),
    sockets: sim.rec.sockets.slice(),
    outages: sim.rec.outages.map((o) => ({ ...o })),
    end: endUs / 1000,
    config: { seed: sim.cfg.seed, rtt: sim.cfg.rttUs / 1000, hz: sim.cfg.hz, loss: sim.cfg.loss },
    stats: { eventsProcessed: sim.queue.processed },
  };
}

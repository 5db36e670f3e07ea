/**
 * A scenario run in the engine, on the measured path, as a Trace (trace.ts). The segments a
 * kernel capture on the switch could not see are left out: what an unplugged or crashed host
 * "sent" never reached the switch port.
 */
import { createLab } from '../engine/index.ts';
import type { Connection, Lab, SocketHandle } from '../engine/api.ts';
import type { HostName, RunResult } from '../engine/types.ts';
import { MEASURED_PATH, type Action, type Scenario, type SideSetup } from './scenarios.ts';
import type { Trace, TraceApp } from './trace.ts';

function setUp(sock: SocketHandle, side: SideSetup): void {
  if (side.keepAlive) {
    const { idle, interval, count } = side.keepAlive;
    sock.setKeepAlive(true, {
      ...(idle !== undefined && { idle: idle * 1000 }),
      ...(interval !== undefined && { interval: interval * 1000 }),
      ...(count !== undefined && { count }),
    });
  }
  if (side.userTimeoutMs !== undefined) sock.setUserTimeout(side.userTimeoutMs);
  if (side.heartbeat)
    sock.heartbeat({ every: side.heartbeat.every * 1000, timeout: side.heartbeat.timeout * 1000 });
  if (side.closeWhenIdle !== undefined) sock.closeWhenIdle(side.closeWhenIdle * 1000);
  if (side.closeOnEof) sock.on('end', () => sock.close());
  if (side.receiveBuffer !== undefined) sock.setReceiveBuffer(side.receiveBuffer);
}

function act(lab: Lab, conn: Connection | undefined, action: Action): void {
  const host = lab[action.host];
  switch (action.do) {
    case 'unplug':
      return host.unplug();
    case 'plugIn':
      return host.plugIn();
    case 'crash':
      return host.crash();
    case 'boot':
      return host.boot();
    case 'killProcess':
      return host.killProcess();
    case 'hangProcess':
      return host.hangProcess();
    case 'send':
      return conn![action.host].send('text' in action ? action.text : action.bytes);
    case 'close':
      return conn![action.host].close();
    case 'interfaceDown':
      return host.interfaceDown();
    case 'interfaceUp':
      return host.interfaceUp();
    case 'removeAddress':
      return host.removeAddress();
    case 'addAddress':
      return host.addAddress();
  }
}

/** Run the scenario in the engine (at the measured kernel's HZ) and return its result. */
export function runInEngine(scenario: Scenario, hz: number = MEASURED_PATH.hz): RunResult {
  const lab = createLab({
    ...MEASURED_PATH,
    hz,
    ...(scenario.topology && { topology: scenario.topology }),
    client: { sysctl: scenario.client.sysctl ?? {}, neigh: scenario.client.neigh ?? {} },
    server: { sysctl: scenario.server.sysctl ?? {}, neigh: scenario.server.neigh ?? {} },
  });
  for (const step of scenario.steps.filter((s) => s.at === 0)) act(lab, undefined, step.action);
  const conn = lab.connect();
  setUp(conn.client, scenario.client);
  setUp(conn.server, scenario.server);
  for (const step of scenario.steps.filter((s) => s.at > 0))
    lab.at(step.at, () => act(lab, conn, step.action));
  return lab.run({ until: scenario.until });
}

/** The engine's run as the kernel lab would have recorded it. */
export function engineTrace(scenario: Scenario, r: RunResult = runInEngine(scenario)): Trace {
  const silent = (host: HostName, t: number): boolean =>
    r.outages.some((o) => o.host === host && o.from <= t && (o.to === undefined || t < o.to));
  // A segment for an address the client no longer has leaves the switch towards it (the
  // capture counts it delivered); the client's IP layer drops it one way-delay later.
  const oneWay = r.config.rtt / 2;
  const packets = r.segments
    .filter(
      (s) =>
        s.conn === 0 &&
        s.lostBecause !== 'no-neighbour' &&
        s.lostBecause !== 'neighbour-queue-full' &&
        s.lostBecause !== 'no-route' &&
        !silent(s.from, s.t),
    )
    .map((s) => ({
      t: s.t,
      from: s.from,
      flags: s.flags,
      seq: s.seq,
      len: s.len,
      ...(s.delivered && { arrivedAt: s.arrivedAt }),
      ...(s.lostBecause === 'not-local' && { arrivedAt: s.t + oneWay }),
    }));
  const app: TraceApp[] = [];
  const states: Trace['states'] = [];
  const watched = (h: HostName) => scenario[h].watch ?? [];
  for (const e of r.events) {
    if (e.kind === 'app' && e.conn === 0) {
      if (e.notice === 'error' && e.errno)
        app.push({ t: e.t, host: e.host, what: 'error', errno: e.errno });
      if (e.notice === 'eof') app.push({ t: e.t, host: e.host, what: 'eof' });
    } else if (
      e.kind === 'timer' &&
      e.conn === 0 &&
      (e.timer === 'app-idle' || e.timer === 'app-heartbeat')
    ) {
      app.push({ t: e.t, host: e.host, what: 'app-close' });
    } else if (e.kind === 'state' && e.conn === 0 && watched(e.host).includes(e.to as never)) {
      if (!states.some((s) => s.host === e.host && s.state === e.to))
        states.push({ t: e.t, host: e.host, state: e.to });
    }
  }
  const errorsOf = (h: HostName) =>
    app
      .filter((a) => a.host === h && a.what === 'error')
      .map((a) => (a.what === 'error' ? a.errno : ''));
  return {
    packets,
    app,
    states,
    marks: [
      { mark: 'connect', t: 0 },
      ...scenario.steps.filter((s) => s.at > 0).map((s) => ({ mark: s.mark, t: s.at })),
    ],
    final: {
      client: { state: r.client.state, errors: errorsOf('client') },
      server: { state: r.server.state, errors: errorsOf('server') },
    },
  };
}

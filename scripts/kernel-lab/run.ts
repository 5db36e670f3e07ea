// One run of one scenario on real Linux: build the namespaces, capture on the switch, start both
// endpoints, act at the scenario's times, read final states with ss, tear everything down, and
// return what happened as a Trace (src/measurements/trace.ts) plus the raw `ss -tanoi` output.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HostName } from '../../src/engine/types.ts';
import type { Scenario, SideSetup, Step } from '../../src/measurements/scenarios.ts';
import type { Trace, TraceApp } from '../../src/measurements/trace.ts';
import { Endpoint } from './endpoint.ts';
import { readCapture } from './pcap.ts';
import { removeDirectory, run, SetupError, start, trackDirectory } from './processes.ts';
import { ADDR, Topology } from './topology.ts';

/** Generous: on a busy machine a process can take seconds to start. */
const START_TIMEOUT = 30_000;
const HOSTS: HostName[] = ['client', 'server'];

export interface SsSnapshot {
  t: number; // ms after connect()
  host: HostName;
  text: string;
}

export interface RunRecord {
  trace: Trace;
  ss: SsSnapshot[];
  /** Handshake round trip seen at the switch (the client's SYN in → its ACK in), µs. */
  handshakeRttUs?: number;
}

const SS_STATES: Record<string, string> = {
  ESTAB: 'ESTABLISHED',
  'SYN-SENT': 'SYN_SENT',
  'SYN-RECV': 'SYN_RECV',
  'FIN-WAIT-1': 'FIN_WAIT1',
  'FIN-WAIT-2': 'FIN_WAIT2',
  'TIME-WAIT': 'TIME_WAIT',
  'CLOSE-WAIT': 'CLOSE_WAIT',
  'LAST-ACK': 'LAST_ACK',
  CLOSING: 'CLOSING',
  LISTEN: 'LISTEN',
};

const now = () => (performance.timeOrigin + performance.now()) / 1000; // s since the epoch
const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

function sysctlValues(side: SideSetup): Record<string, number> {
  return Object.fromEntries([
    ...Object.entries(side.sysctl ?? {}).map(([k, v]) => [`net.ipv4.${k}`, v as number]),
    // The host's one interface; the namespace's own copy of the ARP settings.
    ...Object.entries(side.neigh ?? {}).map(([k, v]) => [`net.ipv4.neigh.eth0.${k}`, v as number]),
  ]);
}

function optionsOf(side: SideSetup): Record<string, unknown> | undefined {
  if (!side.keepAlive && side.userTimeoutMs === undefined) return undefined;
  return {
    op: 'options',
    ...(side.keepAlive && { keepalive: side.keepAlive }),
    ...(side.userTimeoutMs !== undefined && { userTimeoutMs: side.userTimeoutMs }),
  };
}

/** The state of the connection `local → peer` in an `ss -tan` listing; CLOSED when absent. */
export function stateIn(ssText: string, local: string, peer: string): string {
  for (const line of ssText.split('\n')) {
    const cols = line.trim().split(/\s+/);
    if (cols[3] === local && cols[4] === peer) return SS_STATES[cols[0]!] ?? cols[0]!;
  }
  return 'CLOSED';
}

/**
 * One run: `prepare()` builds the namespaces and starts the capture and both endpoints;
 * `measure()` connects and plays the scenario; `dispose()` removes everything. The lab prepares
 * a whole wave of runs before any of them measures, so that starting processes (the costly
 * part on a busy machine) never overlaps a measurement.
 */
export class LabRun {
  private readonly scenario: Scenario;
  private readonly topo: Topology;
  private readonly dir: string;
  private readonly pcap: string;
  private readonly endpoints: Partial<Record<HostName, Endpoint>> = {};
  private dump: ChildProcess | undefined;

  constructor(scenario: Scenario, tag: string) {
    this.scenario = scenario;
    const unplugged = (h: HostName) =>
      scenario.steps.some((s) => s.action.do === 'unplug' && s.action.host === h);
    // On the routed topology a host that is never unplugged keeps a permanent ARP entry for
    // the other: its next hop (a router) stays reachable, as in the engine. The unplugged host
    // uses ordinary ARP. On a LAN the peer is the next hop: both use ordinary ARP.
    const lan = scenario.topology === 'lan';
    this.topo = new Topology(tag, {
      staticNeighbour: {
        client: !lan && !unplugged('client'),
        server: !lan && !unplugged('server'),
      },
    });
    this.dir = mkdtempSync(join(tmpdir(), `${tag}-`));
    trackDirectory(this.dir);
    this.pcap = join(this.dir, 'switch.pcap');
  }

  async prepare(): Promise<void> {
    const { scenario, topo, endpoints } = this;
    await topo.create();

    // Capture everything the switch sees, on every port, before anything is sent.
    const dump = start('ip', [
      'netns',
      'exec',
      topo.ns.switch,
      'tcpdump',
      '-i',
      'any',
      '-n',
      '-U',
      '-s',
      '128',
      '-Z',
      'root',
      '-w',
      this.pcap,
      'tcp',
    ]);
    this.dump = dump;
    dump.stdout!.resume();
    await new Promise<void>((resolve, reject) => {
      let err = '';
      const timer = setTimeout(
        () => reject(new SetupError(`tcpdump did not start within ${START_TIMEOUT} ms: ${err}`)),
        START_TIMEOUT,
      );
      dump.stderr!.on('data', (d: Buffer) => {
        err += d;
        if (err.includes('listening on')) {
          clearTimeout(timer);
          resolve();
        }
      });
      dump.once('exit', (code) => {
        clearTimeout(timer);
        reject(new SetupError(`tcpdump exited (${code}): ${err}`));
      });
    });

    for (const h of HOSTS) endpoints[h] = new Endpoint(topo.ns[h]);
    for (const h of HOSTS) {
      const ep = endpoints[h]!;
      await ep.waitFor('hello', START_TIMEOUT);
      ep.send({ op: 'sysctl', values: sysctlValues(scenario[h]) });
      await ep.waitFor('ready', START_TIMEOUT);
    }
    endpoints.server!.send({ op: 'listen', ip: ADDR.server, port: 80 });
    await endpoints.server!.waitFor('listening', START_TIMEOUT);
    for (const h of HOSTS) {
      const side = scenario[h];
      const ep = endpoints[h]!;
      const options = optionsOf(side);
      if (options) ep.send(options);
      if (side.receiveBuffer !== undefined)
        ep.send({ op: 'receive-buffer', bytes: side.receiveBuffer });
      if (side.closeOnEof) ep.send({ op: 'close-on-eof' });
      if (side.closeWhenIdle !== undefined)
        ep.send({ op: 'close-when-idle', seconds: side.closeWhenIdle });
      if (side.heartbeat) ep.send({ op: 'heartbeat', ...side.heartbeat });
    }
  }

  /**
   * `delayMs`: wait this long first. Kernel timers fire on the timer wheel's next slot, so how
   * late they are depends on the jiffy they were armed at; runs of a wave that started together
   * would all see the same lateness.
   */
  async measure(delayMs = 0): Promise<RunRecord> {
    const { scenario, topo, endpoints } = this;
    await sleep(delayMs);
    const server = endpoints.server!;
    const client = endpoints.client!;
    const marks: Trace['marks'] = [{ mark: 'connect', t: 0 }];
    let t0 = 0;

    const act = async (step: Step): Promise<void> => {
      const a = step.action;
      const ep = endpoints[a.host];
      let t = now();
      switch (a.do) {
        case 'unplug':
        case 'plugIn':
          // Before the connection, wait until the port has changed; later, act at once.
          if (step.at === 0) await topo.setCableNow(a.host, a.do === 'plugIn');
          else topo.setCable(a.host, a.do === 'plugIn');
          break;
        case 'send':
          ep?.send({ op: 'send', ...('text' in a ? { text: a.text } : { bytes: a.bytes }) });
          if (ep)
            t = (await Promise.race([ep.waitFor('sent', 5000, t), ep.waitFor('error', 5000, t)])).t;
          break;
        case 'close':
          ep?.send({ op: 'close' });
          if (ep) t = (await ep.waitFor('closed', 5000, t)).t;
          break;
        case 'killProcess':
          ep?.signal('SIGKILL');
          break;
        case 'hangProcess':
          ep?.signal('SIGSTOP');
          break;
        case 'crash':
          // The port goes down (and that is confirmed) before the process dies: nothing the
          // dying host's kernel sends gets out.
          await topo.setCableNow(a.host, false);
          await ep?.kill();
          await topo.crash(a.host);
          break;
        case 'boot':
          await topo.boot(a.host);
          break;
        case 'interfaceDown':
        case 'interfaceUp':
        case 'removeAddress':
        case 'addAddress':
          await topo.hostNetwork(a.host, a.do);
          break;
      }
      if (step.at > 0) marks.push({ mark: step.mark, t: (t - t0) * 1000 });
    };

    for (const step of scenario.steps.filter((s) => s.at === 0)) await act(step);
    client.send({ op: 'connect', ip: ADDR.server, port: 80 });
    t0 = (await client.waitFor('connecting', START_TIMEOUT)).t;
    const connectFails = scenario.steps.some(
      (s) => s.at === 0 && (s.action.do === 'unplug' || s.action.do === 'interfaceDown'),
    );
    let local = '';
    if (!connectFails) {
      const connected = await Promise.race([
        client.waitFor('connected', START_TIMEOUT),
        client.waitFor('error', START_TIMEOUT),
      ]);
      if (connected.ev === 'error')
        throw new SetupError(
          `connect() failed with ${String(connected.errno)} before anything was cut`,
        );
      await server.waitFor('accepted', START_TIMEOUT);
      local = `${ADDR.client}:${(connected.local as [string, number])[1]}`;
      for (const h of HOSTS) if (scenario[h].watch) endpoints[h]!.send({ op: 'watch' });
    }

    for (const step of scenario.steps.filter((s) => s.at > 0)) {
      await sleep(t0 * 1000 + step.at - now() * 1000);
      await act(step);
    }
    await sleep(t0 * 1000 + scenario.until - now() * 1000);

    // Final states, as ss reports them in each host that still exists.
    const ss: SsSnapshot[] = [];
    const ends: Record<HostName, [string, string]> = {
      client: [local, `${ADDR.server}:80`],
      server: [`${ADDR.server}:80`, local],
    };
    const final = {} as Trace['final'];
    const crashed = new Set(
      scenario.steps.filter((s) => s.action.do === 'crash').map((s) => s.action.host),
    );
    for (const h of HOSTS) {
      const t = (now() - t0) * 1000;
      let state = 'CLOSED';
      if (!crashed.has(h)) {
        const text = await run('ip', ['netns', 'exec', topo.ns[h], 'ss', '-tanoi']);
        ss.push({ t, host: h, text });
        // Without a connection the server has only its listener, as the engine reports.
        state = local ? stateIn(text, ...ends[h]) : h === 'server' ? 'LISTEN' : 'CLOSED';
      }
      const errors = (endpoints[h]?.events ?? [])
        .filter((e) => e.ev === 'error' && e.t >= t0)
        .map((e) => String(e.errno));
      final[h] = { state, errors };
    }

    const dump = this.dump!;
    dump.kill('SIGINT');
    if (dump.exitCode === null) await new Promise((resolve) => dump.once('exit', resolve));

    const app: TraceApp[] = [];
    const states: Trace['states'] = [];
    for (const h of HOSTS) {
      for (const e of endpoints[h]?.events ?? []) {
        if (e.t < t0) continue;
        const t = (e.t - t0) * 1000;
        if (e.ev === 'error') app.push({ t, host: h, what: 'error', errno: String(e.errno) });
        else if (e.ev === 'eof') app.push({ t, host: h, what: 'eof' });
        else if (e.ev === 'app-close') app.push({ t, host: h, what: 'app-close' });
        else if (e.ev === 'state') {
          const state = String(e.state);
          const watched = (scenario[h].watch ?? []) as string[];
          if (watched.includes(state) && !states.some((s) => s.host === h && s.state === state))
            states.push({ t, host: h, state });
        }
      }
    }
    const packets = readCapture(readFileSync(this.pcap), t0);
    // The client's SYN and its ACK of the SYN-ACK, both entering the switch: one round trip.
    const syn = packets.find((p) => p.from === 'client' && p.flags === 'S');
    const ack = packets.find((p) => p.from === 'client' && p.flags === '.');
    return {
      trace: { packets, app, states, marks, final },
      ss,
      ...(syn && ack && { handshakeRttUs: Math.round((ack.t - syn.t) * 1000) }),
    };
  }

  async dispose(): Promise<void> {
    for (const ep of Object.values(this.endpoints)) await ep?.kill();
    const dump = this.dump;
    if (dump && dump.exitCode === null && dump.signalCode === null) dump.kill('SIGKILL');
    await this.topo.destroy();
    removeDirectory(this.dir);
  }
}

// One run of one scenario on real Linux: build the namespaces, capture on the switch, start both
// endpoints and the ss sampler, act at the scenario's times, read final states with ss, tear
// everything down, and return what happened as a Trace (src/measurements/trace.ts) plus the ss
// samples taken along the way.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HostName } from '../../src/engine/types.ts';
import type { Scenario, SideSetup, Step } from '../../src/measurements/scenarios.ts';
import type { SsSample } from '../../src/measurements/measurement.ts';
import { parseSsOutput, type SsSocket } from '../../src/measurements/ss.ts';
import type { Trace, TraceApp } from '../../src/measurements/trace.ts';
import { Endpoint, type EndpointEvent } from './endpoint.ts';
import { readCapture } from './pcap.ts';
import { removeDirectory, run, SetupError, start, trackDirectory } from './processes.ts';
import { SS_ARGS, SS_EVERY_MS, SsSampler } from './sampler.ts';
import { ADDR, Topology } from './topology.ts';

/** Generous: on a busy machine a process can take seconds to start. */
const START_TIMEOUT = 30_000;
const HOSTS: HostName[] = ['client', 'server'];

export interface RunRecord {
  trace: Trace;
  /** The ss samples, in the run that took them (the first of each scenario), else absent. */
  ss?: SsSample[];
  /** Handshake round trip seen at the switch (the client's SYN in → its ACK in), µs. */
  handshakeRttUs?: number;
}

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

/** The state of the connection `local → peer` among ss's sockets; CLOSED when absent. */
export function stateIn(sockets: SsSocket[], local: string, peer: string): string {
  return sockets.find((s) => s.local === local && s.peer === peer)?.state ?? 'CLOSED';
}

/**
 * What an endpoint event asks of the sampler: which hosts to sample, and why. An errno also
 * samples the peer (an abort sends it a RST); setup chatter and sends' echoes are not sampled.
 */
function sampleFor(h: HostName, e: EndpointEvent): { hosts: HostName[]; why: string } | undefined {
  const peer: HostName = h === 'client' ? 'server' : 'client';
  if (e.ev === 'error') return { hosts: [h, peer], why: `error:${String(e.errno)}` };
  if (e.ev === 'state') return { hosts: [h], why: `state:${String(e.state)}` };
  if (['connected', 'accepted', 'sent', 'data', 'eof', 'closed', 'app-close'].includes(e.ev))
    return { hosts: [h], why: e.ev };
  return undefined;
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
  private sampler: SsSampler | undefined;
  private readonly ssPhaseMs: number;
  private readonly sampleSs: boolean;

  /**
   * `serial`: the run's number in this lab, which spreads the runs' ss phases over a period.
   * `sampleSs`: sample ss through the run. The record keeps one run's samples; each ss costs a
   * few ms of CPU, so the other runs of a scenario (measured at the same time) do without.
   */
  constructor(scenario: Scenario, tag: string, serial: number, sampleSs: boolean) {
    this.scenario = scenario;
    this.sampleSs = sampleSs;
    // Golden-ratio steps spread any number of runs over the period, off the whole seconds that
    // most steps fall on.
    this.ssPhaseMs = Math.round(SS_EVERY_MS * (0.05 + 0.9 * ((serial * 0.618034) % 1)));
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
    if (this.sampleSs) {
      this.sampler = new SsSampler({ client: topo.ns.client, server: topo.ns.server });
      await this.sampler.ready(START_TIMEOUT);
    }
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
    const sampler = this.sampler;
    const marks: Trace['marks'] = [{ mark: 'connect', t: 0 }];
    let t0 = 0;
    const cables = new Map<Step, Promise<number>>();
    /** When each crashed host was down (s since the epoch), from the crash until it booted. */
    const down: { host: HostName; from: number; to?: number }[] = [];

    const act = async (step: Step): Promise<void> => {
      const a = step.action;
      const ep = endpoints[a.host];
      let t = now();
      switch (a.do) {
        case 'unplug':
        case 'plugIn':
          // Before the connection, wait until the port has changed; later, cable.py acts at
          // the step's time (scheduled at connect()), and says when.
          if (step.at === 0) await topo.setCableNow(a.host, a.do === 'plugIn');
          else t = await cables.get(step)!;
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
          // No more ss of a host that is going: from the crash on, the engine's host is gone,
          // while the kernel's namespace takes a while to go.
          sampler?.setHost(a.host, false);
          down.push({ host: a.host, from: t });
          // The port goes down (and that is confirmed) before the process dies: nothing the
          // dying host's kernel sends gets out.
          await topo.setCableNow(a.host, false);
          await ep?.kill();
          await topo.crash(a.host);
          break;
        case 'boot':
          await topo.boot(a.host);
          sampler?.setHost(a.host, true);
          down.findLast((d) => d.host === a.host)!.to = now();
          break;
        case 'interfaceDown':
        case 'interfaceUp':
        case 'removeAddress':
        case 'addAddress':
          await topo.hostNetwork(a.host, a.do);
          break;
      }
      if (step.at > 0) {
        marks.push({ mark: step.mark, t: (t - t0) * 1000 });
        sampler?.sample(a.do === 'crash' ? HOSTS.filter((h) => h !== a.host) : HOSTS, step.mark);
      }
    };

    for (const step of scenario.steps.filter((s) => s.at === 0)) await act(step);
    client.send({ op: 'connect', ip: ADDR.server, port: 80 });
    t0 = (await client.waitFor('connecting', START_TIMEOUT)).t;
    for (const step of scenario.steps) {
      const a = step.action;
      if (step.at > 0 && (a.do === 'unplug' || a.do === 'plugIn'))
        cables.set(step, topo.setCableAt(a.host, a.do === 'plugIn', t0 + step.at / 1000));
    }
    // From t = 0: ss periodically, and at each step and each event an endpoint reports.
    if (sampler) {
      sampler.startPeriodic(t0, this.ssPhaseMs);
      sampler.sample(HOSTS, 'connect');
      for (const h of HOSTS) {
        endpoints[h]!.onEvent = (e) => {
          const request = e.t >= t0 ? sampleFor(h, e) : undefined;
          if (request) sampler.sample(request.hosts, request.why);
        };
      }
    }
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
    const crashed = new Set(
      scenario.steps.filter((s) => s.action.do === 'crash').map((s) => s.action.host),
    );
    for (const h of HOSTS) endpoints[h]!.onEvent = undefined;
    await sampler?.kill();
    // Read at `until` by the driver itself, in every run: the final states come from it.
    // A sample that was already under way as its host crashed is dropped.
    const ss = (sampler?.samples(t0, crashed) ?? []).filter(
      (x) =>
        !down.some(
          (d) =>
            d.host === x.host &&
            x.t + x.span >= (d.from - t0) * 1000 &&
            (d.to === undefined || x.t < (d.to - t0) * 1000),
        ),
    );
    for (const h of HOSTS.filter((x) => !crashed.has(x))) {
      const started = now();
      const text = await run('ss', ['-N', topo.ns[h], ...SS_ARGS]);
      const ms = (s: number) => Math.round(s * 1e4) / 10;
      ss.push({
        t: ms(started - t0),
        span: ms(now() - started),
        host: h,
        why: ['end'],
        sockets: parseSsOutput(text),
      });
    }
    const ends: Record<HostName, [string, string]> = {
      client: [local, `${ADDR.server}:80`],
      server: [`${ADDR.server}:80`, local],
    };
    const final = {} as Trace['final'];
    for (const h of HOSTS) {
      let state = 'CLOSED';
      if (!crashed.has(h)) {
        const end = ss.findLast((x) => x.host === h && x.why.includes('end'))!;
        // Without a connection the server has only its listener, as the engine reports.
        state = local ? stateIn(end.sockets, ...ends[h]) : h === 'server' ? 'LISTEN' : 'CLOSED';
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
      ...(sampler && { ss }),
      ...(syn && ack && { handshakeRttUs: Math.round((ack.t - syn.t) * 1000) }),
    };
  }

  async dispose(): Promise<void> {
    for (const ep of Object.values(this.endpoints)) await ep?.kill();
    await this.sampler?.kill();
    const dump = this.dump;
    if (dump && dump.exitCode === null && dump.signalCode === null) dump.kill('SIGKILL');
    await this.topo.destroy();
    removeDirectory(this.dir);
  }
}

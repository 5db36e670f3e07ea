/** createLab(): the lab readers program against (src/engine/api.ts), over the simulator. */
import type { Connection, HostHandle, Lab, LabOptions, RunOptions } from './api.ts';
import { SocketApp } from './app.ts';
import { labConfig } from './config.ts';
import { parseMicros } from './duration.ts';
import { LabError } from './errors.ts';
import { HostKernel } from './host.ts';
import { publishRun } from './observe.ts';
import { buildResult } from './result.ts';
import { Sim } from './sim.ts';
import type { HostName, RunResult, SocketSnapshot } from './types.ts';
import { socketsAt } from './ss.ts';

/** Without `until`, a run stops when nothing is left to do, or at 24 h. */
const DEFAULT_HORIZON_US = 24 * 3_600_000_000;

function hostHandle(sim: Sim, k: HostKernel): HostHandle {
  const name = k.name;
  return {
    name,
    unplug() {
      if (!sim.cable.carrier[name]) return;
      sim.cable.unplug(name);
      sim.rec.events.hostAction(sim.now, name, 'unplug');
      sim.rec.outageStart(sim.now, name, 'unplugged');
      k.neighbour.carrierDown();
    },
    plugIn() {
      if (sim.cable.carrier[name]) return;
      sim.cable.plugIn(name);
      sim.rec.events.hostAction(sim.now, name, 'plug-in');
      sim.rec.outageEnd(sim.now, name, 'unplugged');
    },
    crash: () => k.crash(),
    boot: () => k.boot(),
    killProcess: () => k.killProcess(),
    hangProcess: () => k.hangProcess(),
    interfaceDown: () => k.interfaceDown(),
    interfaceUp: () => k.interfaceUp(),
    removeAddress: () => k.changeAddress(false),
    addAddress: () => k.changeAddress(true),
    suspend: () => k.suspend(),
    resume: () => k.resume(),
  };
}

export function createLab(options?: LabOptions): Lab {
  const cfg = labConfig(options);
  const sim = new Sim(cfg);
  sim.hosts = {
    client: new HostKernel(sim, 'client', cfg.hosts.client),
    server: new HostKernel(sim, 'server', cfg.hosts.server),
  };
  const client = hostHandle(sim, sim.hosts.client);
  const server = hostHandle(sim, sim.hosts.server);
  const usedPorts = new Set<number>();
  let running = false;

  return {
    client,
    server,
    connect(): Connection {
      const ck = sim.hosts.client;
      if (!ck.up)
        throw new LabError(
          'connect()',
          'connect(): the client host is down; call lab.client.boot() first.',
        );
      if (ck.sleep.asleep)
        throw new LabError(
          'connect()',
          'connect(): the client is suspended; call lab.client.resume() first.',
        );
      if (usedPorts.size > 28000)
        throw new LabError(
          'connect()',
          'connect(): the client ran out of ephemeral ports (32768–60999).',
        );
      let port: number;
      do port = sim.prng.int(32768, 60999);
      while (usedPorts.has(port));
      usedPorts.add(port);
      const index = sim.conns.length;
      const c = new SocketApp(ck, index);
      const s = new SocketApp(sim.hosts.server, index);
      sim.conns.push({ index, clientPort: port, client: c, server: s });
      sim.connByPort.set(port, index);
      sim.hosts.server.pendingAccept.set(port, s);
      ck.connect(c, port, index);
      return { client: c, server: s };
    },
    at(time, action) {
      const t = parseMicros(time, 'at(time)');
      if (typeof action !== 'function')
        throw new LabError(
          'at(action)',
          'at(time, action): action must be a function, e.g. () => lab.client.unplug().',
        );
      if (t < sim.now) {
        throw new LabError(
          'at(time)',
          `at(time): ${String(time)} is in the past; the lab is already at ${sim.now / 1000} ms.`,
        );
      }
      // Planned before the run: sorted into a lane when it starts. From inside the run: the heap.
      if (running) sim.queue.schedule(t, action);
      else sim.queue.plan(t, action);
    },
    now: () => sim.now / 1000,
    sockets(host: HostName): SocketSnapshot[] {
      if (host !== 'client' && host !== 'server')
        throw new LabError('sockets(host)', "sockets(host): host must be 'client' or 'server'.");
      const rows = sim.rec.sockets.rows(sim.rec.sockets.snapshot());
      return socketsAt({ sockets: rows }, sim.now / 1000, host);
    },
    run(runOptions: RunOptions = {}): RunResult {
      if (running) {
        throw new LabError(
          'run()',
          'run(): the lab is already running; call run() once, after setting up, not from inside an at() action or a listener.',
        );
      }
      const until =
        runOptions.until === undefined
          ? undefined
          : parseMicros(runOptions.until, 'run({ until })');
      if (until !== undefined && until < sim.now) {
        throw new LabError(
          'run({ until })',
          `run({ until }): ${String(runOptions.until)} is before the lab's current time (${sim.now / 1000} ms).`,
        );
      }
      const limit = until ?? DEFAULT_HORIZON_US;
      running = true;
      let cut: boolean;
      try {
        cut = sim.runUntil(limit);
      } finally {
        running = false;
      }
      const endUs = until ?? (cut ? limit : sim.now);
      const result = buildResult(sim, endUs);
      publishRun(result);
      return result;
    },
  };
}

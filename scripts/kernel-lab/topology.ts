// Three network namespaces joined like the lesson's hosts: server — veth — a bridge in a
// "switch" namespace — veth — client. Pulling a host's cable takes the switch port facing it
// down, as a real unplugged cable does (kernel-measurements.md, Method). Nothing is created
// outside these namespaces: each veth end is made directly inside its namespace.
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { HostName } from '../../src/engine/types.ts';
import { run, SetupError, start, trackNamespace, untrackNamespace } from './processes.ts';
import { PRIORITY, PYTHON, realtime } from './realtime.ts';

const CABLE = join(import.meta.dirname, 'cable.py');
/** Generous: on a busy machine a process can take seconds to start. */
const START_TIMEOUT = 30_000;

export const PREFIX = 'tul-';
export const ADDR: Record<HostName, string> = { server: '10.200.0.1', client: '10.200.0.2' };
/** The address a host gets when it comes back with a different one. */
const NEW_ADDR: Record<HostName, string> = { server: '10.200.0.11', client: '10.200.0.3' };
const MAC: Record<HostName, string> = { server: '02:00:0a:c8:00:01', client: '02:00:0a:c8:00:02' };
/** The switch port facing each host. */
export const PORT: Record<HostName, string> = { server: 'to-server', client: 'to-client' };

export interface TopologyOptions {
  /** Hosts that keep a permanent ARP entry for the other (a next hop that stays reachable). */
  staticNeighbour: Record<HostName, boolean>;
}

export class Topology {
  readonly ns: Record<HostName | 'switch', string>;
  private cables: ChildProcess | undefined;
  private readonly pulls = new Map<number, (t: number) => void>();
  private pullId = 0;
  private readonly options: TopologyOptions;

  constructor(tag: string, options: TopologyOptions) {
    this.ns = { server: `${tag}-s`, switch: `${tag}-w`, client: `${tag}-c` };
    this.options = options;
  }

  async create(): Promise<void> {
    for (const ns of Object.values(this.ns)) trackNamespace(ns);
    await run(
      'ip',
      ['-batch', '-'],
      Object.values(this.ns)
        .map((ns) => `netns add ${ns}\n`)
        .join(''),
    );
    await run(
      'ip',
      ['-n', this.ns.switch, '-batch', '-'],
      'link add br0 type bridge\nlink set br0 up\nlink set lo up\n',
    );
    await this.attach('server');
    await this.attach('client');
    // cable.py, with its own `ip -batch` shell in the switch namespace, takes port up/down
    // commands for given times and carries them out then, without the cost of starting a
    // process at the moment of the cable pull, and under SCHED_FIFO (realtime.ts).
    const [command, ...args] = [...realtime(PRIORITY.cable), PYTHON];
    const cables = start(command!, [...args, '-u', CABLE, this.ns.switch]);
    this.cables = cables;
    cables.stderr!.resume();
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new SetupError(`cable.py did not start within ${START_TIMEOUT} ms`)),
        START_TIMEOUT,
      );
      createInterface({ input: cables.stdout! }).on('line', (line) => {
        const e = JSON.parse(line) as { ev: string; id?: number; t?: number };
        if (e.ev === 'hello') {
          clearTimeout(timer);
          resolve();
        } else if (e.ev === 'done') {
          this.pulls.get(e.id!)?.(e.t!);
          this.pulls.delete(e.id!);
        }
      });
    });
  }

  /** A host's namespace with its NIC (eth0), cabled to its switch port, which is up. */
  private async attach(host: HostName): Promise<void> {
    const other: HostName = host === 'client' ? 'server' : 'client';
    await run(
      'ip',
      ['-batch', '-'],
      `link add eth0 netns ${this.ns[host]} address ${MAC[host]} type veth peer name ${PORT[host]} netns ${this.ns.switch}\n`,
    );
    await run(
      'ip',
      ['-n', this.ns.switch, '-batch', '-'],
      `link set ${PORT[host]} master br0\nlink set ${PORT[host]} up\n`,
    );
    let hostCommands = `link set lo up\naddr add ${ADDR[host]}/24 dev eth0\nlink set eth0 up\n`;
    if (this.options.staticNeighbour[host])
      hostCommands += `neigh replace ${ADDR[other]} lladdr ${MAC[other]} dev eth0 nud permanent\n`;
    await run('ip', ['-n', this.ns[host], '-batch', '-'], hostCommands);
  }

  /**
   * Take the switch port facing `host` down (unplug) or up (plug in) at time `t` (s since the
   * epoch); resolves with when it was done.
   */
  setCableAt(host: HostName, plugged: boolean, t: number): Promise<number> {
    if (!this.cables?.stdin?.writable) throw new SetupError('cable.py is gone');
    const id = ++this.pullId;
    const done = new Promise<number>((resolve) => this.pulls.set(id, resolve));
    this.cables.stdin.write(
      JSON.stringify({ op: 'at', id, t, port: PORT[host], up: plugged }) + '\n',
    );
    return done;
  }

  /** As setCable, and resolves once the port has changed. */
  async setCableNow(host: HostName, plugged: boolean): Promise<void> {
    await run('ip', ['-n', this.ns.switch, 'link', 'set', PORT[host], plugged ? 'up' : 'down']);
  }

  /**
   * The host's own interface or address, changed inside its namespace (the switch port stays
   * up): `ip link set dev eth0 down|up`, `ip addr del` of its address, `ip addr add` of another.
   */
  async hostNetwork(
    host: HostName,
    change: 'interfaceDown' | 'interfaceUp' | 'removeAddress' | 'addAddress',
  ): Promise<void> {
    const args = {
      interfaceDown: ['link', 'set', 'dev', 'eth0', 'down'],
      interfaceUp: ['link', 'set', 'dev', 'eth0', 'up'],
      removeAddress: ['addr', 'del', `${ADDR[host]}/24`, 'dev', 'eth0'],
      addAddress: ['addr', 'add', `${NEW_ADDR[host]}/24`, 'dev', 'eth0'],
    }[change];
    await run('ip', ['-n', this.ns[host], ...args]);
  }

  /** The host's stack vanishes: its namespace (and so its sockets) is deleted. */
  async crash(host: HostName): Promise<void> {
    // The cable goes with it at once (deleting a namespace frees its devices later, in the
    // background, and the port's name is needed again at boot).
    await run('ip', ['-n', this.ns.switch, 'link', 'del', PORT[host]]);
    await run('ip', ['netns', 'del', this.ns[host]]);
    untrackNamespace(this.ns[host]);
  }

  /** A fresh stack with the same address and MAC, cabled again. */
  async boot(host: HostName): Promise<void> {
    trackNamespace(this.ns[host]);
    await run('ip', ['netns', 'add', this.ns[host]]);
    await this.attach(host);
  }

  async destroy(): Promise<void> {
    this.cables?.stdin?.end();
    for (const ns of Object.values(this.ns)) {
      await run('ip', ['netns', 'del', ns]).catch(() => undefined);
      untrackNamespace(ns);
    }
  }
}

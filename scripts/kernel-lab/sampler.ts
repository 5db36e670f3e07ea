// The TypeScript side of sampler.py: `ss -tanoiOH` of a run's hosts, periodically and on
// request, each sample read into its sockets (src/measurements/ss.ts) and timed from t = 0.
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { HostName } from '../../src/engine/types.ts';
import type { SsSample } from '../../src/measurements/measurement.ts';
import { parseSsOutput } from '../../src/measurements/ss.ts';
import { SetupError, start } from './processes.ts';
import { PRIORITY, PYTHON, realtime } from './realtime.ts';

const SCRIPT = join(import.meta.dirname, 'sampler.py');
/**
 * Periodic samples while a run lasts: once a second on each host. With the samples taken at
 * each step and at each event an endpoint reports, that shows every timer the lesson is about
 * (the RTO doubles from 200 ms; keepalive intervals are seconds) and keeps a scenario's file
 * in the tens of KB.
 */
export const SS_EVERY_MS = 1000;
/**
 * What each sample runs: the scenario's sockets (its connection on port 80, in any state but
 * the server's listener), one line each (-O), no header (-H).
 */
export const SS_ARGS = ['-tanoiOH', 'exclude', 'listening', '( sport = :80 or dport = :80 )'];
/** The same, as the measurement records it. */
export const SS_COMMAND = `ss ${SS_ARGS.map((a) => (a.includes(' ') ? `'${a}'` : a)).join(' ')}`;

interface SamplerEvent {
  ev: string;
  host?: HostName;
  t?: number; // s since the epoch
  span?: number; // s
  why?: string[];
  text?: string;
  error?: string;
}

export class SsSampler {
  private readonly process: ChildProcess;
  private readonly events: SamplerEvent[] = [];
  private waiters: { match: (e: SamplerEvent) => boolean; resolve: () => void }[] = [];
  private stderr = '';

  constructor(namespaces: Record<HostName, string>) {
    // SCHED_FIFO below the endpoints (realtime.ts): on a busy machine an ordinary process waits
    // seconds for a CPU, and the time ss read the kernel would be anywhere in a long span.
    const [command, ...args] = [...realtime(PRIORITY.sampler), PYTHON];
    this.process = start(command!, [
      ...args,
      '-u',
      SCRIPT,
      ...Object.entries(namespaces).map(([host, ns]) => `${host}=${ns}`),
      '--',
      ...SS_ARGS,
    ]);
    createInterface({ input: this.process.stdout! }).on('line', (line) => {
      let event: SamplerEvent;
      try {
        event = JSON.parse(line) as SamplerEvent;
      } catch {
        this.stderr += line;
        return;
      }
      this.events.push(event);
      this.waiters = this.waiters.filter((w) => {
        if (!w.match(event)) return true;
        w.resolve();
        return false;
      });
    });
    this.process.stderr!.on('data', (d: Buffer) => (this.stderr += d));
  }

  private send(command: Record<string, unknown>): void {
    if (this.process.stdin?.writable) this.process.stdin.write(JSON.stringify(command) + '\n');
  }

  private waitFor(match: (e: SamplerEvent) => boolean, timeoutMs: number, what: string) {
    if (this.events.some(match)) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(new SetupError(`ss sampler: no ${what} within ${timeoutMs} ms ${this.stderr}`)),
        timeoutMs,
      );
      this.waiters.push({
        match,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }

  ready(timeoutMs: number): Promise<void> {
    return this.waitFor((e) => e.ev === 'hello', timeoutMs, 'hello');
  }

  /**
   * Periodic samples of every host, every SS_EVERY_MS from `phaseMs` after `t0` (s since the
   * epoch). Runs of a wave start together and their steps fall on whole seconds: each run's own
   * phase keeps their samples from all starting at once, and at a step.
   */
  startPeriodic(t0: number, phaseMs: number): void {
    this.send({ op: 'start', t0, every: SS_EVERY_MS, phase: phaseMs });
  }

  stopPeriodic(): void {
    this.send({ op: 'stop' });
  }

  sample(hosts: HostName[], why: string): void {
    this.send({ op: 'sample', hosts, why });
  }

  /** A crashed host is not sampled until it boots. */
  setHost(host: HostName, up: boolean): void {
    this.send({ op: 'host', host, up });
  }

  async kill(): Promise<void> {
    const p = this.process;
    if (p.exitCode !== null || p.signalCode !== null) return;
    // 'close': after the last line it wrote has been read.
    const closed = new Promise((resolve) => p.once('close', resolve));
    p.kill('SIGKILL');
    await closed;
  }

  /**
   * Every sample, ms after `t0` (s since the epoch), read into sockets. A failed ss is a setup
   * error, except on a host that crashes (its namespace goes away under a running ss).
   */
  samples(t0: number, crashes: ReadonlySet<HostName>): SsSample[] {
    const out: SsSample[] = [];
    for (const e of this.events) {
      if (e.ev === 'failed') {
        if (crashes.has(e.host!)) continue;
        throw new SetupError(`ss in the ${e.host} failed: ${e.error}`);
      }
      if (e.ev !== 'sample') continue;
      const ms = (s: number) => Math.round(s * 1e4) / 10;
      out.push({
        t: ms(e.t! - t0),
        span: ms(e.span!),
        host: e.host!,
        why: e.why!,
        sockets: parseSsOutput(e.text!),
      });
    }
    return out.sort((a, b) => a.t - b.t);
  }
}

// The TypeScript side of endpoint.py: starts it inside a namespace, sends commands, and collects
// its time-stamped events.
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { SetupError, start } from './processes.ts';
import { PRIORITY, PYTHON, realtime } from './realtime.ts';

const SCRIPT = join(import.meta.dirname, 'endpoint.py');
export interface EndpointEvent {
  ev: string;
  t: number; // s since the epoch (CLOCK_REALTIME, as tcpdump stamps)
  [field: string]: unknown;
}

export class Endpoint {
  readonly events: EndpointEvent[] = [];
  readonly process: ChildProcess;
  private waiters: { match: (e: EndpointEvent) => boolean; resolve: (e: EndpointEvent) => void }[] =
    [];
  private stderr = '';
  /** Called with each event as it arrives. */
  onEvent: ((e: EndpointEvent) => void) | undefined;

  constructor(namespace: string) {
    this.process = start('ip', [
      'netns',
      'exec',
      namespace,
      ...realtime(PRIORITY.endpoint),
      PYTHON,
      '-u',
      SCRIPT,
    ]);
    createInterface({ input: this.process.stdout! }).on('line', (line) => {
      let event: EndpointEvent;
      try {
        event = JSON.parse(line) as EndpointEvent;
      } catch {
        this.stderr += line;
        return;
      }
      this.events.push(event);
      this.onEvent?.(event);
      this.waiters = this.waiters.filter((w) => {
        if (!w.match(event)) return true;
        w.resolve(event);
        return false;
      });
    });
    this.process.stderr!.on('data', (d: Buffer) => (this.stderr += d));
    this.process.stdin!.on('error', () => undefined); // a killed endpoint's pipe
  }

  get pid(): number | undefined {
    return this.process.pid;
  }

  send(command: Record<string, unknown>): void {
    if (this.process.stdin?.writable) this.process.stdin.write(JSON.stringify(command) + '\n');
  }

  /** Wait for an event (already seen, or to come); a setup timeout when it does not come. */
  waitFor(ev: string, timeoutMs: number, after = 0): Promise<EndpointEvent> {
    const match = (e: EndpointEvent) => e.ev === ev && e.t >= after;
    const seen = this.events.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(
          new SetupError(
            `endpoint did not report "${ev}" within ${timeoutMs} ms ${this.stderr.trim()}`,
          ),
        );
      }, timeoutMs);
      this.waiters.push({
        match,
        resolve: (e) => {
          clearTimeout(timer);
          resolve(e);
        },
      });
    });
  }

  signal(sig: NodeJS.Signals): void {
    if (this.process.pid !== undefined && this.process.exitCode === null) {
      try {
        process.kill(this.process.pid, sig);
      } catch {
        // already gone
      }
    }
  }

  async kill(): Promise<void> {
    if (this.process.exitCode !== null || this.process.signalCode !== null) return;
    const exited = new Promise((resolve) => this.process.once('exit', resolve));
    this.signal('SIGCONT');
    this.signal('SIGKILL');
    await exited;
  }

  get errorOutput(): string {
    return this.stderr;
  }
}

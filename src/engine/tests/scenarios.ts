/** Random lab scenarios for the property and trace tests: a fast-check generator, a player, and the runner's settings. */
import fc from 'fast-check';
import { createLab } from '../index.ts';
import type { Connection, Lab, LabOptions } from '../api.ts';
import type { HostName, RunResult } from '../types.ts';

export type Action =
  | {
      t: number;
      kind: 'unplug' | 'plugIn' | 'crash' | 'boot' | 'killProcess' | 'hangProcess';
      host: HostName;
    }
  | { t: number; kind: 'send'; host: HostName; bytes: number }
  | { t: number; kind: 'close'; host: HostName }
  | { t: number; kind: 'connect' };

export interface Scenario {
  seed: number;
  rttUs: number;
  hz: 100 | 250 | 300 | 1000;
  loss: number;
  retries2: number;
  keepalive: boolean;
  userTimeoutMs: number;
  actions: Action[];
  untilMs: number;
}

export const host = fc.constantFrom<HostName>('client', 'server');
const time = fc.integer({ min: 0, max: 600_000 });
const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ t: time, kind: fc.constantFrom('unplug' as const, 'plugIn' as const), host }),
  fc.record({
    t: time,
    kind: fc.constantFrom(
      'crash' as const,
      'boot' as const,
      'killProcess' as const,
      'hangProcess' as const,
    ),
    host,
  }),
  fc.record({
    t: time,
    kind: fc.constant('send' as const),
    host,
    bytes: fc.integer({ min: 1, max: 5000 }),
  }),
  fc.record({ t: time, kind: fc.constant('close' as const), host }),
  fc.record({ t: time, kind: fc.constant('connect' as const) }),
);

export const scenario: fc.Arbitrary<Scenario> = fc.record({
  seed: fc.integer({ min: 0, max: 2 ** 31 }),
  rttUs: fc.integer({ min: 2, max: 300_000 }),
  hz: fc.constantFrom(100 as const, 250 as const, 300 as const, 1000 as const),
  loss: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 0.3, noNaN: true })),
  retries2: fc.integer({ min: 1, max: 15 }),
  keepalive: fc.boolean(),
  userTimeoutMs: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 60_000 })),
  actions: fc.array(action, { maxLength: 12 }),
  untilMs: fc.integer({ min: 1, max: 3_600_000 }),
});

/** Play `s`; `options` are added to the lab's (e.g. { timerWheel: false }). */
export function play(s: Scenario, options: LabOptions = {}): RunResult {
  const lab: Lab = createLab({
    ...options,
    seed: s.seed,
    rtt: s.rttUs / 1000,
    hz: s.hz,
    loss: s.loss,
    client: { sysctl: { tcp_retries2: s.retries2 } },
    server: { sysctl: { tcp_keepalive_time: 60, tcp_keepalive_intvl: 5 } },
  });
  const conns: Connection[] = [lab.connect()];
  const first = conns[0]!;
  if (s.keepalive) first.server.setKeepAlive(true);
  if (s.userTimeoutMs) first.client.setUserTimeout(s.userTimeoutMs);
  for (const a of s.actions) {
    lab.at(a.t, () => {
      const conn = conns.at(-1)!;
      switch (a.kind) {
        case 'send':
          conn[a.host].send(a.bytes);
          break;
        case 'close':
          conn[a.host].close();
          break;
        case 'connect':
          if (lab.client.name && conns.length < 4) {
            try {
              conns.push(lab.connect());
            } catch {
              /* the client host is down */
            }
          }
          break;
        default:
          lab[a.host][a.kind]();
      }
    });
  }
  return lab.run({ until: s.untilMs });
}

/**
 * A transfer over a lossy path, made from a number: messages both ways (some of several
 * segments, so that losses leave holes with data after them), then both close. `createLab` is
 * passed in so that the same scenario can run on another build of the engine.
 */
export function lossyTransfer(
  make: (options: LabOptions) => Lab,
  i: number,
  options: LabOptions = {},
): RunResult {
  const lab = make({ ...options, seed: 1000 + i, loss: [0.05, 0.1, 0.2][i % 3] });
  const conn = lab.connect();
  for (let k = 0; k < 6; k++) {
    const from: HostName = (i + k) % 4 === 0 ? 'client' : 'server';
    const bytes = 1 + ((i * 7919 + k * 104729) % 6000);
    lab.at(100 + k * 50 * (i % 3), () => conn[from].send(`${k}:${'x'.repeat(bytes)}`));
  }
  lab.at(120_000, () => conn.client.close());
  conn.server.on('end', () => conn.server.close());
  return lab.run({ until: '1h' });
}

/**
 * fast-check settings for every property: a fixed seed, so `npm test` gives the same cases on
 * every machine and CI cannot fail by chance. To look for new counterexamples, run with
 * FC_EXPLORE=1 (a fresh random seed each run) or FC_SEED=<n> (replay one); fast-check prints the
 * seed and the shrunk case, which then belongs in the property's `examples`.
 */
export function fcParams<T>(numRuns: number, examples: T[] = []): fc.Parameters<T> {
  const explore = process.env.FC_EXPLORE === '1';
  const replay = process.env.FC_SEED;
  const seed = replay ? Number(replay) : explore ? undefined : FIXED_SEED;
  return { numRuns, examples, ...(seed === undefined ? {} : { seed }) };
}

/** The seed `npm test` uses. */
const FIXED_SEED = 20261206;

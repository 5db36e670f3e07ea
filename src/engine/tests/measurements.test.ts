/**
 * kernel-measurements.md rows A–K: a real Linux 6.18 (HZ=250, veth RTT ≈ 30 µs) against the lab,
 * with the timer wheel on, at many timer phases (the real kernels' phases are unknown). At every
 * phase, each simulated event must fall within the measured range widened by packetdrill's
 * tolerance max(4 ms, 12.5 % of the interval since the previous simulated event). And over all
 * phases, the simulated spread must reach the measured range (within 4 ms): the lab can give
 * what the kernel gave.
 *
 * The method: handshake, the client sends HELLO, the server answers WORLD, the cable is pulled
 * 0.3 s later (U), and the 100-byte write happens 0.5 s after that (S).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createLab } from '../index.ts';
import type { Connection, Lab, LabOptions } from '../api.ts';
import type { RunResult } from '../types.ts';

const HELLO_AT = 100; // ms
const U = HELLO_AT + 300; // the cable is pulled
const S = U + 500; // the 100-byte write

/** The phases tried: the default seed's, and 24 spread over the wheel's cycle. */
const PHASES: (number | undefined)[] = [
  undefined,
  ...Array.from({ length: 24 }, (_, i) => (i + 0.37) / 24),
];
let phase: number | undefined;

function measuredLab(options: LabOptions = {}): { lab: Lab; conn: Connection } {
  const lab = createLab({ hz: 250, rtt: '30us', timerPhase: phase, ...options });
  const conn = lab.connect();
  conn.server.on('data', (text) => {
    if (text === 'HELLO') conn.server.send('WORLD');
  });
  lab.at(HELLO_AT, () => conn.client.send('HELLO'));
  return { lab, conn };
}

/** Events the measurement gives only roughly ("after ~2.5 s"): checked per phase, not for reach. */
const APPROXIMATE = new Set(['connect() fails']);

/** Per event: the measured range and the simulated values seen over all phases. */
const spread = new Map<string, { lo: number; hi: number; min: number; max: number }>();

/** Assert `sim` (s) lies in [lo, hi] (s) widened by max(4 ms, 12.5 % of sim − prev). */
function expectWithin(
  label: string,
  sim: number | undefined,
  prev: number,
  lo: number,
  hi = lo,
): void {
  expect(sim, label).toBeDefined();
  const seen = spread.get(label) ?? { lo, hi, min: Infinity, max: -Infinity };
  seen.min = Math.min(seen.min, sim!);
  seen.max = Math.max(seen.max, sim!);
  spread.set(label, seen);
  const tol = Math.max(0.004, 0.125 * (sim! - prev));
  expect(
    sim!,
    `${label}: simulated ${sim} vs measured ${lo}..${hi} (±${tol.toFixed(3)})`,
  ).toBeGreaterThanOrEqual(lo - tol - 1e-9);
  expect(
    sim!,
    `${label}: simulated ${sim} vs measured ${lo}..${hi} (±${tol.toFixed(3)})`,
  ).toBeLessThanOrEqual(hi + tol + 1e-9);
}

/** Check a chain of events against measured ranges, each interval against the previous event. */
function expectChain(
  label: string,
  sims: (number | undefined)[],
  ranges: [number, number][],
  start = 0,
): void {
  expect(sims.length, `${label}: number of events`).toBe(ranges.length);
  let prev = start;
  ranges.forEach(([lo, hi], i) => {
    expectWithin(`${label} #${i + 1}`, sims[i], prev, lo, hi);
    prev = sims[i]!;
  });
}

const since = (t0: number) => (ms: number | undefined) =>
  ms === undefined ? undefined : (ms - t0) / 1000;

function serverSendsWhileUnplugged(extra?: (lab: Lab, conn: Connection) => void): RunResult {
  const { lab, conn } = measuredLab({ server: { sysctl: { tcp_retries2: 5 } } });
  lab.at(U, () => lab.client.unplug());
  lab.at(S, () => conn.server.send(100));
  extra?.(lab, conn);
  return lab.run({ until: '2m' });
}

describe.each(PHASES)(
  'kernel measurements (Linux 6.18, HZ=250, RTT 30 µs), timer phase %s',
  (p) => {
    beforeEach(() => {
      phase = p;
    });

    it('A: server sends while the client is unplugged; tcp_retries2 5 → TLP, 5 RTOs, ETIMEDOUT ≈ 13.3 s, no RST', () => {
      const r = serverSendsWhileUnplugged();
      const s = since(S);
      const tlp = r.segments
        .filter((x) => x.from === 'server' && x.role === 'tlp')
        .map((x) => s(x.t));
      const rtos = r.segments
        .filter((x) => x.from === 'server' && x.role === 'retransmission')
        .map((x) => s(x.t));
      expectChain('TLP', tlp, [[0.206, 0.208]]);
      expectChain(
        'RTO',
        rtos,
        [
          [0.414, 0.416],
          [0.83, 0.843],
          [1.662, 1.671],
          [3.326, 3.335],
          [6.663, 6.818],
        ],
        tlp[0],
      );
      expectWithin('ETIMEDOUT', s(r.server.errorAt), rtos.at(-1)!, 13.32, 13.47);
      expectWithin(
        'ETIMEDOUT after the first RTO',
        s(r.server.errorAt)! - rtos[0]!,
        rtos.at(-1)! - rtos[0]!,
        12.9,
        13.06,
      );
      expect(r.server.error).toBe('ETIMEDOUT');
      expect(r.segments.some((x) => x.role === 'rst')).toBe(false);
      expect(r.client.state).toBe('ESTABLISHED');
      expect(r.client.error).toBeUndefined();
    });

    it('B: replugged 5 s after the unplug: the next scheduled retransmission delivers the data ≈ 2.1 s later', () => {
      const replug = U + 5000;
      const r = serverSendsWhileUnplugged((lab) => lab.at(replug, () => lab.client.plugIn()));
      const delivered = r.segments.find((x) => x.from === 'server' && x.len === 100 && x.delivered);
      expectWithin('delivery after replug', since(replug)(delivered?.arrivedAt), 0, 2.1, 2.3);
      expect(r.segments.filter((x) => x.t === replug)).toEqual([]); // nothing happens at the replug itself
      expect([r.client.state, r.server.state]).toEqual(['ESTABLISHED', 'ESTABLISHED']);
      expect([r.client.error, r.server.error]).toEqual([undefined, undefined]);
      expect(r.outcome.id).toBe('survives-after-replug');
    });

    it('C: after the server gave up, the replugged client sends: RST within one RTT, ECONNRESET, then EPIPE', () => {
      const send = S + 15_000;
      const errors: string[] = [];
      const r = serverSendsWhileUnplugged((lab, conn) => {
        conn.client.on('error', (e) => errors.push(e));
        lab.at(S + 14_000, () => lab.client.plugIn());
        lab.at(send, () => conn.client.send('hi'));
        lab.at(send + 1000, () => conn.client.send('again'));
      });
      const rst = r.segments.find((x) => x.role === 'rst' && x.from === 'server');
      expect(rst?.delivered).toBe(true);
      expect(rst!.arrivedAt! - send).toBeLessThan(0.1);
      expect(errors).toEqual(['ECONNRESET', 'EPIPE']);
      expect(r.client.error).toBe('ECONNRESET');
      expect(r.outcome.id).toBe('peer-reset-after-abort');
    });

    it('D: idle without keepalive, unplugged 30 s: no packets, both ESTABLISHED, traffic works after the replug', () => {
      const { lab, conn } = measuredLab();
      lab.at(U, () => lab.client.unplug());
      lab.at(U + 30_000, () => lab.client.plugIn());
      lab.at(U + 31_000, () => conn.client.send('ping'));
      lab.at(U + 32_000, () => conn.server.send('pong'));
      const r = lab.run({ until: U + 40_000 });
      expect(r.segments.filter((x) => x.t >= U && x.t < U + 30_000)).toEqual([]);
      expect(r.segments.filter((x) => x.t > U + 30_000).every((x) => x.delivered)).toBe(true);
      expect(r.segments.filter((x) => x.t > U + 30_000 && x.len > 0).length).toBe(2);
      expect(r.events.some((e) => e.kind === 'state' && e.t >= U && e.t <= U + 30_000)).toBe(false);
      expect(r.outcome.id).toBe('idle-forever');
    });

    function keepaliveBothEnds(replugAfter?: number): RunResult {
      const { lab, conn } = measuredLab();
      for (const side of [conn.client, conn.server])
        side.setKeepAlive(true, { idle: '5s', interval: '2s', count: 3 });
      lab.at(U, () => lab.client.unplug());
      if (replugAfter !== undefined) lab.at(U + replugAfter, () => lab.client.plugIn());
      return lab.run({ until: U + 30_000 });
    }

    it('E: keepalive 5/2/3 on both ends, unplugged for good: probes ≈ 5.1, 7.1, 9.1; both abort at ≈ 11.1 with RST + ETIMEDOUT', () => {
      const r = keepaliveBothEnds();
      for (const host of ['client', 'server'] as const) {
        const lastRx = r.segments.filter((x) => x.to === host && x.delivered).at(-1)!.arrivedAt!;
        const s = since(lastRx);
        const probes = r.segments
          .filter((x) => x.from === host && x.role === 'keepalive')
          .map((x) => s(x.t));
        expectChain(`${host} probes`, probes, [
          [5.1, 5.24],
          [7.11, 7.25],
          [9.13, 9.27],
        ]);
        expectWithin(`${host} abort`, s(r[host].errorAt), probes[2]!, 11.14, 11.29);
        expect(r[host].error).toBe('ETIMEDOUT');
        expect(r.segments.some((x) => x.from === host && x.role === 'rst')).toBe(true);
      }
      expect(r.outcome.id).toBe('keepalive-detects-dead-peer');
    });

    it('F: as E, replugged 6 s after the unplug: the next probe (≈ 7.1 s) is answered; the connection survives', () => {
      const r = keepaliveBothEnds(6000);
      const lastRx = r.segments
        .filter((x) => x.to === 'server' && x.delivered && x.t < U)
        .at(-1)!.arrivedAt!;
      const answered = r.segments.find(
        (x) => x.to === 'server' && x.role === 'keepalive-ack' && x.delivered,
      );
      expectWithin('answer to the probe', since(lastRx)(answered?.arrivedAt), 5, 7.11, 7.25);
      expect([r.client.state, r.server.state]).toEqual(['ESTABLISHED', 'ESTABLISHED']);
      expect([r.client.error, r.server.error]).toEqual([undefined, undefined]);
      expect(r.outcome.id).toBe('keepalive-answered');
    });

    it('G: TCP_USER_TIMEOUT 3000 ms: RTOs to ≈ 3.3 s, ETIMEDOUT ≈ 3.42 s after the send = 3.0 s after the first RTO', () => {
      const { lab, conn } = measuredLab({ server: { sysctl: { tcp_retries2: 15 } } });
      conn.server.setUserTimeout(3000);
      lab.at(U, () => lab.client.unplug());
      lab.at(S, () => conn.server.send(100));
      const r = lab.run({ until: '1m' });
      const s = since(S);
      const tlp = r.segments
        .filter((x) => x.from === 'server' && x.role === 'tlp')
        .map((x) => s(x.t));
      const rtos = r.segments
        .filter((x) => x.from === 'server' && x.role === 'retransmission')
        .map((x) => s(x.t));
      expectChain('G: TLP', tlp, [[0.21, 0.21]]);
      expectChain(
        'G: RTO',
        rtos,
        [
          [0.41, 0.41],
          [0.83, 0.85],
          [1.66, 1.68],
          [3.32, 3.35],
        ],
        tlp[0],
      );
      expectWithin('G: ETIMEDOUT', s(r.server.errorAt), rtos.at(-1)!, 3.417, 3.421);
      expectWithin(
        'G: ETIMEDOUT after the first RTO',
        s(r.server.errorAt)! - rtos[0]!,
        rtos.at(-1)! - rtos[0]!,
        3.004,
        3.01,
      );
      expect(r.server.cause).toBe('user-timeout');
    });

    it('H: client process killed: FIN at once, server EOF; its first write draws an RST, the second gets EPIPE', () => {
      const { lab, conn } = measuredLab();
      const kill = U;
      const serverSaw: string[] = [];
      conn.server.on('end', () => serverSaw.push('EOF'));
      conn.server.on('error', (e) => serverSaw.push(e));
      lab.at(kill, () => lab.client.killProcess());
      lab.at(kill + 1000, () => conn.server.send('one'));
      lab.at(kill + 2000, () => conn.server.send('two'));
      const r = lab.run({ until: kill + 5000 });
      const fin = r.segments.find((x) => x.from === 'client' && x.flags.includes('F'));
      expectWithin('FIN after the kill', since(kill)(fin?.t), 0, 0.002, 0.009);
      const first = r.segments.find((x) => x.from === 'server' && x.len === 3);
      expect(first?.delivered).toBe(true);
      expect(r.segments.find((x) => x.from === 'client' && x.role === 'rst')?.delivered).toBe(true);
      expect(serverSaw).toEqual(['EOF', 'EPIPE', 'EPIPE']);
      expect(r.server.error).toBe('EPIPE');
      expect(r.outcome.id).toBe('process-crash');
    });

    it('I: client crash and reboot, replugged; the server sends: RST → ECONNRESET within 0.2 ms, then EPIPE', () => {
      const { lab, conn } = measuredLab();
      const errors: string[] = [];
      conn.server.on('error', (e) => errors.push(e));
      lab.at(U, () => lab.client.unplug());
      lab.at(U + 1000, () => lab.client.crash());
      lab.at(U + 2000, () => lab.client.boot());
      lab.at(U + 3000, () => lab.client.plugIn());
      lab.at(U + 4000, () => {
        expect(conn.server.state).toBe('ESTABLISHED');
        conn.server.send('hello?');
      });
      lab.at(U + 5000, () => conn.server.send('again'));
      const r = lab.run({ until: U + 6000 });
      expect(r.server.errorAt! - (U + 4000)).toBeLessThan(0.2);
      expect(errors).toEqual(['ECONNRESET', 'EPIPE']);
      expect(r.outcome.id).toBe('host-reboot-reset');
    });

    it('J: server heartbeat (1 s / 3.5 s), tcp_orphan_retries 3: app closes at ≈ 3.29 s, orphan destroyed silently ≈ 7.5 s', () => {
      const { lab, conn } = measuredLab({ server: { sysctl: { tcp_orphan_retries: 3 } } });
      const u = 2400;
      // Phase the pings as in the measurement: the last pong arrived 0.215 s before the unplug.
      lab.at(u - 1215, () => conn.server.heartbeat({ every: '1s', timeout: '3.5s' }));
      lab.at(u, () => lab.client.unplug());
      lab.at(u + 20_000, () => lab.client.plugIn());
      lab.at(u + 21_000, () => conn.client.send('anyone?'));
      const r = lab.run({ until: u + 25_000 });
      const s = since(u);
      const fired = r.events.find((e) => e.kind === 'timer' && e.timer === 'app-heartbeat');
      expectWithin('heartbeat gives up', s(fired?.t), 0.785, 3.28, 3.29);
      expect(
        r.events.some((e) => e.kind === 'state' && e.host === 'server' && e.to === 'FIN_WAIT1'),
      ).toBe(true);
      expect(r.segments.some((x) => x.from === 'server' && x.flags.includes('F'))).toBe(false);
      const gone = r.events.find(
        (e) => e.kind === 'state' && e.host === 'server' && e.to === 'CLOSED',
      );
      const lastRto = r.segments
        .filter((x) => x.from === 'server' && x.role === 'retransmission')
        .at(-1)!;
      expectWithin('orphan destroyed', s(gone?.t), s(lastRto.t)!, 7.52, 7.6);
      expect(
        r.segments.some((x) => x.from === 'server' && x.role === 'rst' && x.t < u + 20_000),
      ).toBe(false);
      expect(r.client.error).toBe('ECONNRESET');
      expect(r.outcome.id).toBe('app-heartbeat-detects');
    });

    function unpluggedClientSends(staticNeighbour: boolean) {
      const { lab, conn } = measuredLab({
        client: { sysctl: { tcp_retries2: 5 }, staticNeighbour },
      });
      lab.at(U, () => lab.client.unplug());
      lab.at(S, () => conn.client.send(100));
      let second: Connection | undefined;
      lab.at(U + 1000, () => (second = lab.connect()));
      const r = lab.run({ until: '1m' });
      return { r, second: r.connections[1]!, secondConn: second };
    }

    it('K: the unplugged client sends: EHOSTUNREACH at ≈ 15.3 s (ARP fails); a new connect() fails after ≈ 2.5 s', () => {
      const { r, second } = unpluggedClientSends(false);
      expect(r.segments.filter((x) => x.from === 'client' && x.t >= U && x.delivered)).toEqual([]);
      const lastRto = r.segments
        .filter((x) => x.from === 'client' && x.role === 'retransmission')
        .at(-1)!;
      expectWithin('EHOSTUNREACH', since(S)(r.client.errorAt), since(S)(lastRto.t)!, 15.34, 15.37);
      expect(r.client.error).toBe('EHOSTUNREACH');
      expect(r.client.cause).toBe('neighbour');
      expectWithin('connect() fails', since(U + 1000)(second.client.errorAt), 0, 2.5, 2.5);
      expect(second.client.error).toBe('EHOSTUNREACH');
      expect(r.outcome.id).toBe('unplugged-side-unreachable');
    });

    it('K (static ARP entry): the same send ends in ETIMEDOUT at ≈ 13.36 s', () => {
      const { r } = unpluggedClientSends(true);
      const rtos = r.segments.filter((x) => x.from === 'client' && x.role === 'retransmission');
      expectWithin(
        'ETIMEDOUT',
        since(S)(r.client.errorAt),
        since(S)(rtos.at(-1)!.t)!,
        13.36,
        13.36,
      );
      expect(r.client.error).toBe('ETIMEDOUT');
    });

    it('A on one LAN (dynamic ARP on the server, its ARP timers shortened): EHOSTUNREACH; with the default timers, ETIMEDOUT', () => {
      // No kernel run of this timeline was recorded. The kernel lab measured the same settings on
      // chapter 2's timeline (content/measurements/lan-sender-aborts.json), and
      // src/measurements/conformance.test.ts holds the engine to that record. With
      // base_reachable_time 1 s and delay_first_probe_time 1 s the entry fails before the 12.6 s
      // budget runs out; with Linux's defaults (≥ 15 s REACHABLE, 5 s DELAY, 3 probes) it cannot,
      // and the server ends in ETIMEDOUT exactly as in row A.
      const { lab, conn } = measuredLab({
        topology: 'lan',
        server: {
          sysctl: { tcp_retries2: 5 },
          neigh: { base_reachable_time_ms: 1000, delay_first_probe_time: 1 },
        },
      });
      lab.at(U, () => lab.client.unplug());
      lab.at(S, () => conn.server.send(100));
      const r = lab.run({ until: '2m' });
      const rtos = r.segments.filter((x) => x.from === 'server' && x.role === 'retransmission');
      expect(rtos.some((x) => x.lostBecause === 'no-neighbour')).toBe(true);
      expect(r.server.error).toBe('EHOSTUNREACH');

      const { lab: lab2, conn: conn2 } = measuredLab({
        topology: 'lan',
        server: { sysctl: { tcp_retries2: 5 } },
      });
      lab2.at(U, () => lab2.client.unplug());
      lab2.at(S, () => conn2.server.send(100));
      const defaults = lab2.run({ until: '2m' });
      expect(defaults.server.error).toBe('ETIMEDOUT');
    });
  },
);

describe('kernel measurements over all timer phases', () => {
  it('the simulated spread of every timed event reaches the measured range (within 4 ms)', () => {
    expect(spread.size).toBeGreaterThan(20);
    const misses = [...spread]
      .filter(([k]) => !APPROXIMATE.has(k))
      .filter(([, v]) => v.min > v.hi + 0.004 + 1e-9 || v.max < v.lo - 0.004 - 1e-9)
      .map(([k, v]) => `${k}: simulated ${v.min}..${v.max}, measured ${v.lo}..${v.hi}`);
    expect(misses).toEqual([]);
  });
});

/**
 * Flow control and the persist timer: a receiver that stops reading closes its window, and the
 * sender probes it (linux-tcp-timing.md §8, §9; net/ipv4/tcp_timer.c tcp_probe_timer()).
 */
import { describe, expect, it } from 'vitest';
import { createLab } from '../index.ts';
import type { LabOptions } from '../api.ts';
import type { RunResult } from '../types.ts';
import { round } from './helpers.ts';

const probeTimes = (r: RunResult): number[] =>
  r.segments.filter((s) => s.role === 'window-probe').map((s) => s.t);

/** The server writes 200 kB at 1 s to a client whose process hung at 0.5 s. */
function writerToHungPeer(
  options: LabOptions = {},
  setUp?: (
    lab: ReturnType<typeof createLab>,
    conn: ReturnType<ReturnType<typeof createLab>['connect']>,
  ) => void,
) {
  // The textbook timing (no timer-wheel rounding): these tests check exact kernel arithmetic.
  const lab = createLab({ timerWheel: false, ...options });
  const conn = lab.connect();
  lab.at('500ms', () => lab.client.hangProcess());
  lab.at('1s', () => conn.server.send(200_000));
  setUp?.(lab, conn);
  return { lab, conn };
}

describe('receive window', () => {
  it('a hung reader holds 45 segments (65160 bytes) unread; then its window is 0 and the rest waits in the sender', () => {
    const { lab } = writerToHungPeer();
    const r = lab.run({ until: '10s' });
    const last = (host: 'client' | 'server') => r.sockets.filter((s) => s.host === host).at(-1)!;
    expect(last('client').recvQ).toBe(65160);
    expect(last('server').sendQ).toBe(200_000 - 65160); // written, not yet acknowledged
    expect(r.segments.filter((s) => s.role === 'data' && s.delivered)).toHaveLength(45);
    expect(r.server.windowProbes).toBeGreaterThan(0);
  });

  it('SO_RCVBUF (setReceiveBuffer) sets how much a hung reader holds, in whole segments; bad sizes are refused', () => {
    const { lab, conn } = writerToHungPeer({}, (_lab, c) => c.client.setReceiveBuffer(5000));
    const r = lab.run({ until: '10s' });
    expect(r.sockets.filter((s) => s.host === 'client').at(-1)!.recvQ).toBe(3 * 1448);
    expect(r.segments.filter((s) => s.role === 'data' && s.delivered)).toHaveLength(3);
    expect(() => conn.client.setReceiveBuffer(100)).toThrow(/setReceiveBuffer\(bytes\)/);
    expect(() => conn.client.setReceiveBuffer(1e9)).toThrow(/212992/);
  });

  it('a reader that pauses and resumes reopens the window with an update; the probes stop and all data arrives', () => {
    const lab = createLab();
    const conn = lab.connect();
    let got = 0;
    conn.client.on('data', (_text, bytes) => (got += bytes));
    conn.client.pauseReading();
    lab.at('1s', () => conn.server.send(100_000));
    lab.at('5s', () => conn.client.resumeReading());
    const r = lab.run({ until: '1m' });
    expect(got).toBe(100_000);
    expect(r.outcome.id).toBe('still-established');
    const probes = probeTimes(r);
    expect(probes.length).toBeGreaterThan(0);
    expect(Math.max(...probes)).toBeLessThan(5000);
  });
});

describe('zero-window probes (tcp_probe_timer)', () => {
  it('a hung peer answers the probes: the sender probes forever, backing off to one probe per 120 s', () => {
    const { lab } = writerToHungPeer();
    const r = lab.run({ until: '1h' });
    expect(r.outcome.id).toBe('peer-process-hung');
    expect(r.server.state).toBe('ESTABLISHED');
    expect(r.client.state).toBe('ESTABLISHED');
    const probes = probeTimes(r);
    const gaps = probes.slice(1).map((t, i) => round(t - probes[i]!, 3));
    expect(gaps.at(-1)).toBe(120_020); // the 120 s cap, re-armed when each answer arrives (one RTT)
    const answers = r.segments.filter((s) => s.role === 'window-probe-ack' && s.delivered);
    expect(answers.length).toBeGreaterThanOrEqual(probes.length - 1);
  });

  it('an unanswered peer: probes at RTO × 2^k capped at 120 s, abort after tcp_retries2 = 15 probes (§9: 0.201 … 805.623 s, abort 925.623 s)', () => {
    const { lab } = writerToHungPeer({ rtt: '1ms' }, (lab) =>
      lab.at('1100ms', () => lab.client.unplug()),
    );
    const r = lab.run();
    const probes = probeTimes(r);
    expect(probes).toHaveLength(15);
    // The window closed with the last ACK; the first probe comes one RTO (201 ms) later.
    const closed = probes[0]! - 201;
    expect(probes.map((t) => round((t - closed) / 1000, 3))).toEqual([
      0.201, 0.603, 1.407, 3.015, 6.231, 12.663, 25.527, 51.255, 102.711, 205.623, 325.623, 445.623,
      565.623, 685.623, 805.623,
    ]);
    expect(round((r.server.errorAt! - closed) / 1000, 3)).toBe(925.623);
    expect(r.server.error).toBe('ETIMEDOUT');
    expect(r.outcome.id).toBe('sender-aborts');
  });

  it('TCP_USER_TIMEOUT ends the probing at the first probe + the timeout, though the probes are answered', () => {
    const { lab } = writerToHungPeer({}, (_lab, conn) => conn.server.setUserTimeout('30s'));
    const r = lab.run({ until: '10m' });
    const probes = probeTimes(r);
    expect(r.server.errorAt! - probes[0]!).toBe(30_000);
    expect(r.server.error).toBe('ETIMEDOUT');
    expect(r.server.cause).toBe('user-timeout');
    expect(r.outcome.id).toBe('user-timeout');
    expect(r.client.state).toBe('ESTABLISHED');
    const answered = r.segments.filter((s) => s.role === 'window-probe-ack' && s.delivered);
    expect(answered.length).toBeGreaterThanOrEqual(probes.length - 1);
  });

  it('with a user timeout longer than the probing lasts, tcp_retries2 still caps unanswered probes', () => {
    const { lab } = writerToHungPeer({ rtt: '1ms' }, (lab, conn) => {
      conn.server.setUserTimeout('2h');
      lab.at('1100ms', () => lab.client.unplug());
    });
    const r = lab.run();
    expect(probeTimes(r)).toHaveLength(15);
    expect(r.server.cause).toBe('retransmission');
  });
});

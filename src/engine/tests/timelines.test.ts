/**
 * linux-tcp-timing.md §11: every computed timeline, exactly, at the stated HZ and RTT
 * (LAN RTT 1 ms, peer silently dropping everything from t0).
 */
import { describe, expect, it } from 'vitest';
import { createLab } from '../index.ts';
import type { LabOptions } from '../api.ts';
import { rel, sentTimes } from './helpers.ts';

const T0 = 1000; // ms: the handshake is long finished

/** Server sends one segment at T0 with the client unplugged for good. */
function oneSegment(
  options: LabOptions = {},
  setup?: (c: ReturnType<ReturnType<typeof createLab>['connect']>) => void,
) {
  const lab = createLab({ rtt: '1ms', timerWheel: false, ...options });
  const conn = lab.connect();
  setup?.(conn);
  lab.at(T0, () => lab.client.unplug());
  lab.at(T0, () => conn.server.send('x'));
  return lab.run({ until: '2h' });
}

const RTOS_1000 = [
  0.402, 0.804, 1.608, 3.216, 6.432, 12.864, 25.728, 51.456, 102.912, 205.824, 325.824, 445.824,
  565.824, 685.824, 805.824,
];

describe('§11 (a) one segment in flight, client unplugged forever, tcp_retries2 = 15', () => {
  it('HZ=1000: original, TLP at 0.201, RTOs doubling to the 120 s cap, abort at 925.824 s without RST', () => {
    const r = oneSegment();
    expect(sentTimes(r, 'server', T0, ['data'])).toEqual([0]);
    expect(sentTimes(r, 'server', T0, ['tlp'])).toEqual([0.201]);
    expect(sentTimes(r, 'server', T0, ['retransmission'])).toEqual(RTOS_1000);
    expect(r.server.error).toBe('ETIMEDOUT');
    expect(r.server.cause).toBe('retransmission');
    expect(rel(r.server.errorAt, T0)).toBe(925.824);
    expect(r.server.state).toBe('CLOSED');
    expect(r.segments.filter((s) => s.flags.startsWith('R'))).toEqual([]);
    expect(r.client.state).toBe('ESTABLISHED');
    expect(r.outcome.id).toBe('sender-aborts');
  });

  it('HZ=250: TLP at 0.204, RTOs 0.408·2^k then +120 s, abort at 928.896 s', () => {
    const r = oneSegment({ hz: 250 });
    expect(sentTimes(r, 'server', T0, ['tlp'])).toEqual([0.204]);
    const rtos = sentTimes(r, 'server', T0, ['retransmission']);
    expect(rtos.slice(0, 10)).toEqual([
      0.408, 0.816, 1.632, 3.264, 6.528, 13.056, 26.112, 52.224, 104.448, 208.896,
    ]);
    expect(rtos[10]).toBe(328.896);
    expect(rel(r.server.errorAt, T0)).toBe(928.896);
  });

  it('without TLP (tcp_early_retrans 0): RTOs at 0.201, 0.603 … 805.623, abort at 925.623 s', () => {
    const r = oneSegment({ server: { sysctl: { tcp_early_retrans: 0 } } });
    expect(sentTimes(r, 'server', T0, ['tlp'])).toEqual([]);
    expect(sentTimes(r, 'server', T0, ['retransmission'])).toEqual([
      0.201, 0.603, 1.407, 3.015, 6.231, 12.663, 25.527, 51.255, 102.711, 205.623, 325.623, 445.623,
      565.623, 685.623, 805.623,
    ]);
    expect(rel(r.server.errorAt, T0)).toBe(925.623);
  });

  it('re-plugged before the abort: the next scheduled retransmission gets through, both stay ESTABLISHED', () => {
    const lab = createLab({ rtt: '1ms', timerWheel: false });
    const conn = lab.connect();
    lab.at(T0, () => lab.client.unplug());
    lab.at(T0, () => conn.server.send('x'));
    lab.at(T0 + 5000, () => lab.client.plugIn());
    const r = lab.run({ until: '1h' });
    const delivered = r.segments.find(
      (s) => s.from === 'server' && s.role === 'retransmission' && s.delivered,
    );
    expect(rel(delivered?.t, T0)).toBe(6.432);
    expect(r.server.state).toBe('ESTABLISHED');
    expect(r.client.state).toBe('ESTABLISHED');
    expect(r.outcome.id).toBe('survives-after-replug');
  });
});

describe('§11 (b) tcp_retries2 is a time budget counted from the first RTO retransmission', () => {
  const aborts: Record<number, number> = {
    1: 1.608,
    2: 3.216,
    3: 6.432,
    4: 12.864,
    5: 25.728,
    6: 51.456,
    7: 51.456,
    8: 102.912,
    9: 205.824,
    10: 325.824,
    11: 445.824,
    12: 565.824,
    13: 685.824,
    14: 805.824,
    15: 925.824,
  };
  for (const [n, t] of Object.entries(aborts)) {
    it(`tcp_retries2 = ${n} aborts at ${t} s`, () => {
      const r = oneSegment({ server: { sysctl: { tcp_retries2: Number(n) } } });
      expect(rel(r.server.errorAt, T0)).toBe(t);
      expect(r.server.error).toBe('ETIMEDOUT');
    });
  }

  it('tcp_retries2 = 3: four RTO retransmissions, abort at 6.432', () => {
    const r = oneSegment({ server: { sysctl: { tcp_retries2: 3 } } });
    expect(sentTimes(r, 'server', T0, ['retransmission'])).toEqual([0.402, 0.804, 1.608, 3.216]);
  });

  it('an orphan (closed with data unacked, tcp_orphan_retries 0 → 8) aborts at 102.912 s, silently', () => {
    const lab = createLab({ rtt: '1ms', timerWheel: false });
    const conn = lab.connect();
    lab.at(T0, () => lab.client.unplug());
    lab.at(T0, () => conn.server.send('x'));
    lab.at(T0 + 500, () => conn.server.close());
    const r = lab.run({ until: '1h' });
    const closed = r.events.filter(
      (e) => e.kind === 'state' && e.host === 'server' && e.to === 'CLOSED',
    );
    expect(closed.map((e) => rel(e.t, T0))).toEqual([102.912]);
    expect(r.segments.filter((s) => s.from === 'server' && s.flags.startsWith('R'))).toEqual([]);
  });
});

describe('§11 (c) idle connection, SO_KEEPALIVE with defaults 7200/75/9', () => {
  it('probes at 7200, 7275 … 7800 s after the last segment received; RST + ETIMEDOUT at 7875 s', () => {
    const lab = createLab({ rtt: '1ms', timerWheel: false });
    const conn = lab.connect();
    conn.server.setKeepAlive(true);
    lab.at(T0, () => lab.client.unplug());
    const r = lab.run({ until: '3h' });
    const lastRx = r.segments.filter((s) => s.to === 'server' && s.delivered).at(-1)!.arrivedAt!;
    const probes = sentTimes(r, 'server', lastRx, ['keepalive']);
    expect(probes).toEqual([7200, 7275, 7350, 7425, 7500, 7575, 7650, 7725, 7800]);
    const rst = r.segments.filter((s) => s.from === 'server' && s.role === 'rst');
    expect(rst.map((s) => rel(s.t, lastRx))).toEqual([7875]);
    expect(rel(r.server.errorAt, lastRx)).toBe(7875);
    expect(r.server.error).toBe('ETIMEDOUT');
    expect(r.outcome.id).toBe('keepalive-detects-dead-peer');
  });

  it('probes carry seq = snd_una − 1 and no data', () => {
    const lab = createLab({ rtt: '1ms', timerWheel: false });
    const conn = lab.connect();
    conn.server.setKeepAlive(true, { idle: '10s', interval: '5s', count: 3 });
    lab.at(T0, () => lab.client.unplug());
    const r = lab.run({ until: '1m' });
    const probes = r.segments.filter((s) => s.role === 'keepalive');
    expect(probes.map((p) => p.probe)).toEqual([1, 2, 3]);
    for (const p of probes) {
      expect(p.len).toBe(0);
      expect(p.relSeq).toBe(0); // snd_una − 1 relative to the ISN: the SYN's own number
    }
  });

  it('without SO_KEEPALIVE and nothing to send: never detected', () => {
    const lab = createLab({ rtt: '1ms', timerWheel: false });
    lab.connect();
    lab.at(T0, () => lab.client.unplug());
    const r = lab.run({ until: '24h' });
    expect(r.client.state).toBe('ESTABLISHED');
    expect(r.server.state).toBe('ESTABLISHED');
    expect(r.outcome.id).toBe('idle-forever');
  });
});

describe('§11 (d) TCP_KEEPIDLE / KEEPINTVL / KEEPCNT and TCP_USER_TIMEOUT', () => {
  function keepalive(idle: string, interval: string, count: number, userTimeout?: string) {
    const lab = createLab({ rtt: '1ms', timerWheel: false });
    const conn = lab.connect();
    conn.server.setKeepAlive(true, { idle, interval, count });
    if (userTimeout) conn.server.setUserTimeout(userTimeout);
    lab.at(T0, () => lab.client.unplug());
    const r = lab.run({ until: '1h' });
    const lastRx = r.segments.filter((s) => s.to === 'server' && s.delivered).at(-1)!.arrivedAt!;
    return {
      r,
      probes: sentTimes(r, 'server', lastRx, ['keepalive']),
      rst: sentTimes(r, 'server', lastRx, ['rst']),
      abort: rel(r.server.errorAt, lastRx),
    };
  }

  it('10/5/3: probes 10, 15, 20; RST + ETIMEDOUT at 25', () => {
    const { probes, rst, abort, r } = keepalive('10s', '5s', 3);
    expect(probes).toEqual([10, 15, 20]);
    expect(rst).toEqual([25]);
    expect(abort).toBe(25);
    expect(r.server.error).toBe('ETIMEDOUT');
  });

  it('packetdrill 3/2/4: probes 3, 5, 7, 9; RST at 11', () => {
    const { probes, rst } = keepalive('3s', '2s', 4);
    expect(probes).toEqual([3, 5, 7, 9]);
    expect(rst).toEqual([11]);
  });

  it('TCP_USER_TIMEOUT 12000: one probe at 10, abort at 15', () => {
    const { probes, abort, r } = keepalive('10s', '5s', 3, '12000ms');
    expect(probes).toEqual([10]);
    expect(abort).toBe(15);
    expect(r.outcome.id).toBe('user-timeout');
  });

  it('TCP_USER_TIMEOUT 30000: probes 10, 15, 20, 25 (count ignored), abort at 30', () => {
    const { probes, abort } = keepalive('10s', '5s', 3, '30s');
    expect(probes).toEqual([10, 15, 20, 25]);
    expect(abort).toBe(30);
  });
});

describe('§11 (e) TCP_USER_TIMEOUT = 10000 ms with one segment in flight', () => {
  it('HZ=1000: RTOs 0.402 … 6.432, last RTO clamped, abort at 10.402 s', () => {
    const r = oneSegment({}, (c) => c.server.setUserTimeout(10000));
    expect(sentTimes(r, 'server', T0, ['tlp'])).toEqual([0.201]);
    expect(sentTimes(r, 'server', T0, ['retransmission'])).toEqual([
      0.402, 0.804, 1.608, 3.216, 6.432,
    ]);
    expect(rel(r.server.errorAt, T0)).toBe(10.402);
    expect(r.server.error).toBe('ETIMEDOUT');
    expect(r.server.cause).toBe('user-timeout');
    expect(r.outcome.id).toBe('user-timeout');
  });

  it('HZ=250: abort at 10.408 s', () => {
    const r = oneSegment({ hz: 250 }, (c) => c.server.setUserTimeout('10s'));
    expect(rel(r.server.errorAt, T0)).toBe(10.408);
  });
});

describe('§11 (f) connect() to an unplugged host', () => {
  function connectToUnplugged(options: LabOptions = {}, userTimeout?: string) {
    const lab = createLab({ rtt: '1ms', timerWheel: false, ...options });
    lab.server.unplug();
    const conn = lab.connect();
    if (userTimeout) conn.client.setUserTimeout(userTimeout);
    const r = lab.run({ until: '10m' });
    return {
      r,
      syns: sentTimes(r, 'client', 0, ['syn', 'syn-retransmission']),
      fail: rel(r.client.errorAt, 0),
    };
  }

  it('v6.5+ defaults (tcp_syn_linear_timeouts 4): SYNs at 0, 1, 2, 3, 4, 5, 7, 11, 19, 35, 67; ETIMEDOUT at 131 s', () => {
    const { r, syns, fail } = connectToUnplugged();
    expect(syns).toEqual([0, 1, 2, 3, 4, 5, 7, 11, 19, 35, 67]);
    expect(fail).toBe(131);
    expect(r.client.error).toBe('ETIMEDOUT');
    expect(r.client.cause).toBe('syn-retries');
    expect(r.outcome.id).toBe('connect-timeout');
  });

  it('linear timeouts 0 (≤ v6.4): SYNs at 0, 1, 3, 7, 15, 31, 63; ETIMEDOUT at 127 s', () => {
    const { syns, fail } = connectToUnplugged({
      client: { sysctl: { tcp_syn_linear_timeouts: 0 } },
    });
    expect(syns).toEqual([0, 1, 3, 7, 15, 31, 63]);
    expect(fail).toBe(127);
  });

  it('TCP_USER_TIMEOUT 10000: SYNs at 0 … 7, fails at 10 s', () => {
    const { syns, fail } = connectToUnplugged({}, '10s');
    expect(syns).toEqual([0, 1, 2, 3, 4, 5, 7]);
    expect(fail).toBe(10);
  });

  it('tcp_syn_retries 1: SYNs at 0, 1, 2; fails at 3 s', () => {
    const { syns, fail } = connectToUnplugged({ client: { sysctl: { tcp_syn_retries: 1 } } });
    expect(syns).toEqual([0, 1, 2]);
    expect(fail).toBe(3);
  });

  it('passive side: SYN-ACKs at 0, 1, 3, 7, 15, 31; the request is dropped at 63 s', () => {
    const lab = createLab({ rtt: '1ms', timerWheel: false });
    lab.connect();
    lab.at(0.7, () => lab.client.unplug()); // after the SYN arrived (0.5 ms), before the SYN-ACK does
    const r = lab.run({ until: '10m' });
    const synRcvd = r.segments.find((s) => s.role === 'syn')!.arrivedAt!;
    expect(sentTimes(r, 'server', synRcvd, ['syn-ack'])).toEqual([0, 1, 3, 7, 15, 31]);
    const dropped = r.events.find(
      (e) => e.kind === 'state' && e.host === 'server' && e.to === 'CLOSED',
    );
    expect(rel(dropped?.t, synRcvd)).toBe(63);
  });
});

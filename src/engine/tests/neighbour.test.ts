/**
 * Topology and the neighbour state machine (net/core/neighbour.c, net/ipv4/arp.c;
 * linux-tcp-timing.md §10.2). 'routed' is what every lesson number assumes; 'lan' puts both
 * hosts on one switch, each the other's next hop.
 */
import { describe, expect, it } from 'vitest';
import { createLab, LabError } from '../index.ts';
import type { LabOptions } from '../api.ts';

/** With the wheel off: the exact 1 s ARP timers. */
function connectToUnpluggedServer(options: LabOptions) {
  const lab = createLab({ timerWheel: false, ...options });
  lab.server.unplug();
  lab.connect();
  return lab.run({ until: '5m' });
}

describe('topology', () => {
  it("defaults to 'routed' and rejects anything else with a clear error", () => {
    expect(connectToUnpluggedServer({}).client.errorAt).toBe(131_000);
    expect(() => createLab({ topology: 'star' as never })).toThrow(LabError);
    expect(() => createLab({ topology: 'star' as never })).toThrow(/'routed'.*'lan'/);
    expect(() => createLab({ client: { neigh: { gc_stale_time: 1 } as never } })).toThrow(
      /client\.neigh\.gc_stale_time/,
    );
  });

  it('lan: a fresh lab resolves the peer first, so the SYN leaves one round trip late', () => {
    const lab = createLab({ topology: 'lan' });
    lab.connect();
    const r = lab.run({ until: '1s' });
    // Written at 0, the SYN waits in the ARP queue for the reply (20 ms) and then crosses (10 ms).
    expect(r.segments.map((s) => [s.role, s.t, s.arrivedAt])).toEqual([
      ['syn', 0, 30],
      ['syn-ack', 30, 40],
      ['ack', 40, 50],
    ]);
  });
});

describe('neighbour state machine on one LAN', () => {
  it('connect() to an unplugged server: three ARP requests 1 s apart, EHOSTUNREACH at 3 s (routed: ETIMEDOUT at 131 s)', () => {
    const r = connectToUnpluggedServer({ topology: 'lan' });
    expect(r.client.error).toBe('EHOSTUNREACH');
    expect(r.client.errorAt).toBe(3000);
    expect(r.segments).toHaveLength(1); // the SYN never left the host
    expect(r.segments[0]!.lostBecause).toBe('no-neighbour');
    expect(r.outcome.id).toBe('connect-timeout');
  });

  it('retrans_time and mcast_solicit set the connect() failure time', () => {
    const r = connectToUnpluggedServer({
      topology: 'lan',
      client: { neigh: { retrans_time_ms: 500, mcast_solicit: 6 } },
    });
    expect(r.client.errorAt).toBe(3000);
    const r2 = connectToUnpluggedServer({
      topology: 'lan',
      client: { neigh: { mcast_solicit: 1 } },
    });
    expect(r2.client.errorAt).toBe(1000);
  });

  it('a server sending to an unplugged client: the entry stays REACHABLE, then STALE, DELAY, PROBE, FAILED; later retransmissions wait for ARP and the abort reports EHOSTUNREACH', () => {
    const lab = createLab({ topology: 'lan' });
    const conn = lab.connect();
    lab.at('1s', () => lab.client.unplug());
    lab.at('2s', () => conn.server.send('hello'));
    const r = lab.run();
    const rtx = r.segments.filter((s) => s.from === 'server' && s.role === 'retransmission');
    const firstArp = rtx.findIndex((s) => s.lostBecause === 'no-neighbour');
    // At least reachable_time (≥ 15 s) + delay (5 s) + 3 probes pass before ARP can fail.
    expect(firstArp).toBeGreaterThan(0);
    expect(rtx[firstArp]!.t).toBeGreaterThanOrEqual(2000 + 15_000 + 5000 + 3000);
    expect(rtx.slice(firstArp).every((s) => s.lostBecause === 'no-neighbour')).toBe(true);
    expect(rtx.slice(0, firstArp).every((s) => s.lostBecause === 'unplugged')).toBe(true);
    // Each failure reverts one backoff step (tcp_ld_RTO_revert()): the interval stops growing.
    const gaps = rtx
      .slice(firstArp)
      .map((s, i, a) => (i ? s.t - a[i - 1]!.t : 0))
      .slice(2);
    expect(new Set(gaps).size).toBe(1);
    expect(gaps[0]).toBeLessThan(120_000);
    expect(r.server.error).toBe('EHOSTUNREACH');
    expect(r.server.errorAt! - rtx[0]!.t).toBeGreaterThanOrEqual(924_600);
    expect(r.outcome.id).toBe('sender-aborts');
  });

  it('the same run on the default routed topology still ends in ETIMEDOUT, the routed next hop never fails', () => {
    const lab = createLab();
    const conn = lab.connect();
    lab.at('1s', () => lab.client.unplug());
    lab.at('2s', () => conn.server.send('hello'));
    const r = lab.run();
    expect(r.server.error).toBe('ETIMEDOUT');
    expect(r.segments.some((s) => s.lostBecause === 'no-neighbour')).toBe(false);
  });

  it('TCP traffic keeps the entry confirmed: an hour of pings over a LAN never waits for ARP', () => {
    const lab = createLab({ topology: 'lan' });
    const conn = lab.connect();
    conn.server.heartbeat({ every: '10s', timeout: '35s' });
    const r = lab.run({ until: '1h' });
    expect(r.outcome.id).toBe('still-established');
    const late = r.segments.filter((s) => s.t > 1000);
    expect(late.length).toBeGreaterThan(700);
    // Every segment goes out when it is sent: none waits in an ARP queue.
    expect(late.every((s) => s.delivered && s.arrivedAt! - s.t === 10)).toBe(true);
  });

  it('a peer replugged while its entry is FAILED is resolved again by the next retransmission', () => {
    const lab = createLab({ topology: 'lan' });
    const conn = lab.connect();
    let got = '';
    conn.client.on('data', (text) => (got = text));
    lab.at('1s', () => lab.client.unplug());
    lab.at('2s', () => conn.server.send('hello'));
    lab.at('3m', () => lab.client.plugIn());
    const r = lab.run({ until: '10m' });
    expect(got).toBe('hello');
    expect(r.outcome.id).toBe('survives-after-replug');
  });
});

describe('the queue of an unresolved entry (unres_qlen_bytes)', () => {
  /**
   * `n` connections; the client's cable is pulled at 1 s, which flushes its entry, and at 2 s each
   * connection sends `text`: every segment waits for an ARP reply that cannot come.
   */
  function queueBehindArp(n: number, text: string, options: LabOptions = {}) {
    const lab = createLab(options);
    const conns = Array.from({ length: n }, () => lab.connect());
    lab.at('1s', () => lab.client.unplug());
    lab.at('2s', () => conns.forEach((c) => c.client.send(text)));
    return lab.run({ until: '2.1s' });
  }
  const sentAt2s = (r: ReturnType<typeof queueBehindArp>) =>
    r.segments.filter((s) => s.from === 'client' && s.role === 'data');

  it('keeps what fits in 212992 bytes of truesize, as Linux 6.18 did: 254 of 600 four-byte segments, the oldest dropped', () => {
    const data = sentAt2s(queueBehindArp(600, 'ping'));
    expect(data).toHaveLength(600);
    const dropped = data.filter((s) => s.lostBecause === 'neighbour-queue-full');
    // kernel-lab arp-queue.py on Linux 6.18: 346 of 600 discarded, 254 (of 836 bytes each) kept.
    expect(dropped).toHaveLength(346);
    expect(dropped.map((s) => s.id)).toEqual(data.slice(0, 346).map((s) => s.id));
    expect(data.slice(346).every((s) => !s.lostBecause && s.arrivedAt === undefined)).toBe(true);
  });

  it('counts a segment at 832 bytes plus its payload, against the limit the host sets', () => {
    const fits = Math.floor(8360 / (832 + 100));
    const data = sentAt2s(
      queueBehindArp(20, 'x'.repeat(100), { client: { neigh: { unres_qlen_bytes: 8360 } } }),
    );
    expect(data.filter((s) => s.lostBecause === 'neighbour-queue-full')).toHaveLength(20 - fits);
  });

  it('frees a dropped segment, so its socket sends it again at its next timer instead of waiting for the copy', () => {
    // Room for one four-byte segment: connections 0 and 1 push each other's out.
    const lab = createLab({ timerWheel: false, client: { neigh: { unres_qlen_bytes: 836 } } });
    const [a, b] = [lab.connect(), lab.connect()];
    lab.at('1s', () => lab.client.unplug());
    lab.at('2s', () => a.client.send('ping'));
    lab.at('2.001s', () => b.client.send('pong'));
    const r = lab.run({ until: '2.3s' });
    const sent = r.segments
      .filter((s) => s.from === 'client' && s.len > 0)
      .map((s) => [s.conn, s.role, s.t, s.lostBecause]);
    expect(sent).toEqual([
      [0, 'data', 2000, 'neighbour-queue-full'],
      [1, 'data', 2001, 'neighbour-queue-full'],
      [0, 'tlp', 2220, 'neighbour-queue-full'],
      [1, 'tlp', 2221, undefined], // still queued at the end
    ]);
    const waiting = r.events.filter(
      (e) => e.kind === 'app' && e.notice === 'log' && /still waiting for ARP/.test(e.detail ?? ''),
    );
    expect(waiting).toEqual([]);
  });

  it('rejects a negative limit with an error that names the setting', () => {
    expect(() => createLab({ client: { neigh: { unres_qlen_bytes: -1 } } })).toThrow(
      /client\.neigh\.unres_qlen_bytes/,
    );
  });
});

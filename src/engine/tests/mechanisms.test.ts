/** Mechanisms one by one, grouped by what a reader does to the lab. Exact timing (timerWheel: false): the wheel's rounding is tested in timer.test.ts and measurements.test.ts. */
import { describe, expect, it } from 'vitest';
import { createLab } from '../index.ts';

// ——— Handshake and data ———
describe('handshake and data', () => {
  it('three-way handshake at t = 0 with the default 20 ms RTT; ports and ISNs from the seed', () => {
    const lab = createLab({ seed: 7, timerWheel: false });
    lab.connect();
    const r = lab.run({ until: '1s' });
    expect(r.segments.map((s) => [s.t, s.from, s.flags, s.role])).toEqual([
      [0, 'client', 'S', 'syn'],
      [10, 'server', 'S.', 'syn-ack'],
      [20, 'client', '.', 'ack'],
    ]);
    expect(r.segments[1]!.ack).toBe((r.segments[0]!.seq + 1) % 2 ** 32);
    expect(r.client.state).toBe('ESTABLISHED');
    expect(r.server.state).toBe('ESTABLISHED');
    expect(r.outcome.id).toBe('still-established');
    const row = r.sockets.find((s) => s.host === 'client')!;
    const port = Number(row.local.split(':')[1]);
    expect(port).toBeGreaterThanOrEqual(32768);
    expect(port).toBeLessThanOrEqual(60999);
  });

  it('delivers text in order and acknowledges each segment; a write before connect waits for it', () => {
    const lab = createLab({ timerWheel: false });
    const conn = lab.connect();
    const got: string[] = [];
    conn.server.on('data', (text) => got.push(text));
    conn.client.send('early');
    lab.at('1s', () => conn.client.send('hello'));
    lab.at('1s', () => conn.client.send('world'));
    const r = lab.run({ until: '2s' });
    expect(got).toEqual(['early', 'hello', 'world']);
    const data = r.segments.filter((s) => s.role === 'data');
    expect(data.map((s) => s.relSeq)).toEqual([1, 6, 11]);
    expect(
      r.segments.filter((s) => s.from === 'server' && s.role === 'ack').map((s) => s.relAck),
    ).toEqual([6, 11, 16]);
  });

  it('a byte-count write is split into MSS-sized segments', () => {
    const lab = createLab({ timerWheel: false });
    const conn = lab.connect();
    lab.at('1s', () => conn.server.send(5000));
    const r = lab.run({ until: '2s' });
    expect(r.segments.filter((s) => s.role === 'data').map((s) => s.len)).toEqual([
      1448, 1448, 1448, 656,
    ]);
  });

  it('the RTO follows the measured RTT: 20 ms path → 220 ms (TLP at 220, RTO at 440)', () => {
    const lab = createLab({ timerWheel: false });
    const conn = lab.connect();
    lab.at('1s', () => lab.client.unplug());
    lab.at('1s', () => conn.server.send('x'));
    const r = lab.run({ until: '3s' });
    expect(
      r.segments.filter((s) => s.from === 'server' && s.t >= 1000).map((s) => [s.t - 1000, s.role]),
    ).toEqual([
      [0, 'data'],
      [220, 'tlp'],
      [440, 'retransmission'],
      [880, 'retransmission'],
      [1760, 'retransmission'],
    ]);
  });
});

// ——— Closing ———
describe('close, FIN and TIME_WAIT', () => {
  it('both close: FIN exchange, TIME_WAIT for 60 s on the side that closed first', () => {
    const lab = createLab({ timerWheel: false });
    const conn = lab.connect();
    conn.server.on('end', () => conn.server.close());
    lab.at('1s', () => conn.client.close());
    const r = lab.run({ until: '2m' });
    const states = r.events
      .filter((e) => e.kind === 'state' && e.t >= 1000)
      .map((e) => e.kind === 'state' && `${e.host}:${e.to}@${e.t}`);
    expect(states).toEqual([
      'client:FIN_WAIT1@1000',
      'server:CLOSE_WAIT@1010',
      'server:LAST_ACK@1010',
      'client:FIN_WAIT2@1020',
      'client:TIME_WAIT@1020',
      'server:CLOSED@1030',
      'client:CLOSED@61020',
    ]);
    expect(r.outcome.id).toBe('closed-normally');
  });

  it('close() with unread data sends an RST; the peer sees ECONNRESET', () => {
    const lab = createLab({ timerWheel: false });
    const conn = lab.connect();
    conn.server.pauseReading();
    lab.at('1s', () => conn.client.send('unread'));
    lab.at('2s', () => conn.server.close());
    const r = lab.run({ until: '3s' });
    expect(r.segments.find((s) => s.from === 'server' && s.role === 'rst')?.flags).toBe('R.');
    expect(r.client.error).toBe('ECONNRESET');
  });

  it('an RST that lands in CLOSE_WAIT reports EPIPE', () => {
    const lab = createLab({ timerWheel: false });
    const conn = lab.connect();
    lab.at('1s', () => conn.client.close()); // server → CLOSE_WAIT
    lab.at('1s', () => lab.client.crash());
    lab.at('2s', () => lab.client.boot());
    lab.at('3s', () => conn.server.send('anyone?'));
    const r = lab.run({ until: '4s' });
    expect(r.server.error).toBe('EPIPE');
  });
});

// ——— RST ———
describe('RST for segments no socket owns', () => {
  it('connect() to a server whose process died: RST → ECONNREFUSED', () => {
    const lab = createLab({ timerWheel: false });
    lab.server.killProcess();
    lab.connect();
    const r = lab.run({ until: '1s' });
    const rst = r.segments.find((s) => s.role === 'rst')!;
    expect(rst.flags).toBe('R.');
    expect(rst.relAck).toBe(1);
    expect(r.client.error).toBe('ECONNREFUSED');
  });

  it('an RST carries seq = the offending segment’s ack, so it is always accepted', () => {
    const lab = createLab({ timerWheel: false });
    const conn = lab.connect();
    lab.at('1s', () => lab.server.crash());
    lab.at('2s', () => lab.server.boot());
    lab.at('3s', () => conn.client.send('hi'));
    const r = lab.run({ until: '4s' });
    const data = r.segments.find((s) => s.role === 'data')!;
    const rst = r.segments.find((s) => s.role === 'rst')!;
    expect(rst.flags).toBe('R');
    expect(rst.seq).toBe(data.ack);
    expect(r.client.error).toBe('ECONNRESET');
    expect(r.outcome.id).toBe('host-reboot-reset');
  });
});

// ——— Crashes ———
describe('host crash and hung process', () => {
  it('a crashed host sends nothing; the idle peer never notices', () => {
    const lab = createLab({ timerWheel: false });
    lab.connect();
    lab.at('1s', () => lab.server.crash());
    const r = lab.run({ until: '1h' });
    expect(r.segments.filter((s) => s.t >= 1000)).toEqual([]);
    expect(r.server.state).toBe('CLOSED');
    expect(r.server.cause).toBe('host-crash');
    expect(r.client.state).toBe('ESTABLISHED');
    expect(r.outcome.id).toBe('host-crash');
    expect(r.outages).toEqual([{ host: 'server', kind: 'host-down', from: 1000 }]);
  });

  it('data to a crashed host is lost as host-down and ends in ETIMEDOUT', () => {
    const lab = createLab({ timerWheel: false, client: { sysctl: { tcp_retries2: 3 } } });
    const conn = lab.connect();
    lab.at('1s', () => lab.server.crash());
    lab.at('2s', () => conn.client.send('x'));
    const r = lab.run({ until: '1m' });
    expect(r.segments.filter((s) => s.t >= 2000).every((s) => s.lostBecause === 'host-down')).toBe(
      true,
    );
    expect(r.client.error).toBe('ETIMEDOUT');
  });

  it('a hung process stops reading, but its kernel still ACKs and Recv-Q grows', () => {
    const lab = createLab({ timerWheel: false });
    const conn = lab.connect();
    lab.at('1s', () => lab.server.hangProcess());
    lab.at('2s', () => conn.client.send(1000));
    const r = lab.run({ until: '3s' });
    expect(r.segments.find((s) => s.from === 'server' && s.t > 2000)?.role).toBe('ack');
    expect(r.sockets.filter((s) => s.host === 'server').at(-1)?.recvQ).toBe(1000);
    expect(r.client.state).toBe('ESTABLISHED');
  });
});

// ——— Application helpers ———
describe('application helpers', () => {
  it('closeWhenIdle closes after the idle period without received data', () => {
    const lab = createLab({ timerWheel: false });
    const conn = lab.connect();
    conn.server.closeWhenIdle('60s');
    lab.at('30s', () => conn.client.send('keep me'));
    const r = lab.run({ until: '3m' });
    const fired = r.events.find((e) => e.kind === 'timer' && e.timer === 'app-idle');
    expect(fired?.t).toBe(90_010);
    expect(r.server.cause).toBe('app-idle');
    expect(r.outcome.id).toBe('app-idle-close');
  });

  it('heartbeat: pings are answered by the peer application; no close while it answers', () => {
    const lab = createLab({ timerWheel: false });
    const conn = lab.connect();
    conn.client.heartbeat({ every: '1s', timeout: '3s' });
    const r = lab.run({ until: '10s' });
    const pings = r.segments.filter((s) => s.from === 'client' && s.role === 'data').length;
    const pongs = r.segments.filter((s) => s.from === 'server' && s.role === 'data').length;
    expect(pings).toBe(9);
    expect(pongs).toBe(9);
    expect(r.client.state).toBe('ESTABLISHED');
  });

  it('heartbeat detects a hung peer process (its kernel still ACKs)', () => {
    const lab = createLab({ timerWheel: false });
    const conn = lab.connect();
    conn.client.heartbeat({ every: '1s', timeout: '3s' });
    lab.at('5s', () => lab.server.hangProcess());
    const r = lab.run({ until: '20s' });
    expect(r.client.cause).toBe('app-heartbeat');
    expect(r.outcome.id).toBe('app-heartbeat-detects');
  });
});

// ——— Keepalive on a healthy path ———
describe('keepalive on a live connection', () => {
  it('each probe is answered with a duplicate ACK and the idle period restarts', () => {
    const lab = createLab({ timerWheel: false });
    const conn = lab.connect();
    conn.client.setKeepAlive(true, { idle: '10s', interval: '5s', count: 3 });
    const r = lab.run({ until: '35s' });
    const probes = r.segments.filter((s) => s.role === 'keepalive').map((s) => s.t);
    expect(probes).toEqual([10_020, 20_040, 30_060]);
    expect(r.segments.filter((s) => s.role === 'keepalive-ack').length).toBe(3);
    expect(r.outcome.id).toBe('still-established');
  });

  it('no probes while data is in flight: the retransmission timer decides', () => {
    const lab = createLab({ timerWheel: false, server: { sysctl: { tcp_retries2: 8 } } });
    const conn = lab.connect();
    conn.server.setKeepAlive(true, { idle: '10s', interval: '5s', count: 3 });
    lab.at('1s', () => lab.client.unplug());
    lab.at('1s', () => conn.server.send('x'));
    const r = lab.run({ until: '10m' });
    expect(r.segments.filter((s) => s.role === 'keepalive')).toEqual([]);
    expect(r.server.cause).toBe('retransmission');
  });
});

// ——— Random loss ———
describe('random loss (loss option)', () => {
  it('a lost SYN is retransmitted after 1 s and the handshake still completes', () => {
    // Find a seed whose first frame is dropped, so the test does not depend on one PRNG value.
    for (let seed = 1; seed < 200; seed++) {
      const lab = createLab({ seed, loss: 0.5, timerWheel: false });
      lab.connect();
      const r = lab.run({ until: '10s' });
      if (r.segments[0]!.lostBecause !== 'loss') continue;
      const syns = r.segments.filter((s) => s.role === 'syn' || s.role === 'syn-retransmission');
      expect(syns[1]?.t).toBe(1000);
      expect(syns[1]?.retransmission).toBe(1);
      return;
    }
    throw new Error('no seed dropped the first SYN');
  });

  it('every byte written arrives exactly once and in order despite 20 % loss', () => {
    const lab = createLab({ seed: 3, loss: 0.2, timerWheel: false });
    const conn = lab.connect();
    const got: string[] = [];
    conn.server.on('data', (text) => got.push(text));
    const sent = Array.from({ length: 30 }, (_, i) => `message ${i}`);
    sent.forEach((m, i) => lab.at(1000 + i * 50, () => conn.client.send(m)));
    const r = lab.run({ until: '10m' });
    expect(got).toEqual(sent);
    expect(r.segments.some((s) => s.lostBecause === 'loss')).toBe(true);
    expect(r.client.error).toBeUndefined();
  });
});

// ——— Out-of-order data and SACK ———
describe('out-of-order data (tcp_data_queue_ofo) and SACK', () => {
  /** A seed whose first of three data segments is lost while the two after it arrive. */
  function holeAtTheFront() {
    for (let seed = 1; seed < 2000; seed++) {
      const lab = createLab({ seed, loss: 0.3, timerWheel: false });
      const conn = lab.connect();
      const got: string[] = [];
      conn.client.on('data', (text) => got.push(text));
      lab.at(1000, () =>
        ['a', 'b', 'c'].forEach((m) => conn.server.send(`${m}${'.'.repeat(1447)}`)),
      );
      const r = lab.run({ until: '1m' });
      if (r.segments.some((s) => s.t < 1000 && s.lostBecause)) continue;
      const data = r.segments.filter((s) => s.role === 'data');
      if (data.length !== 3 || data.map((s) => s.delivered).join() !== 'false,true,true') continue;
      return { r, got, data };
    }
    throw new Error('no seed lost just the first data segment');
  }

  it('holds the segments after a hole, delivers everything once and in order when it is filled', () => {
    const { got } = holeAtTheFront();
    expect(got.map((m) => m[0])).toEqual(['a', 'b', 'c']);
  });

  it('the sender does not retransmit what the receiver SACKed, and no TLP re-sends the SACKed tail', () => {
    const { r, data } = holeAtTheFront();
    const resent = r.segments.filter(
      (s) => s.from === 'server' && (s.role === 'retransmission' || s.role === 'tlp'),
    );
    expect(resent.length).toBeGreaterThan(0);
    expect(resent.every((s) => s.relSeq === data[0]!.relSeq)).toBe(true);
    expect(resent[0]!.role).toBe('retransmission');
  });
});

/**
 * What a run shows as `ss -tno` and `nstat` would: the timer column of the socket rows
 * (inet_sk_diag_fill(), iproute2's print_ms_timer()) and the kernel counters, checked against
 * the run's own segments in the lesson's scenarios. Textbook timing (timerWheel: false) where
 * exact times are compared.
 */
import { describe, expect, it } from 'vitest';
import { createLab, formatSsTimer, printMsTimer, socketsAt } from '../index.ts';
import type { LabOptions } from '../api.ts';
import type { HostName, RunResult, SocketSnapshot } from '../types.ts';

const EXACT: LabOptions = { timerWheel: false };

/** The host's row as `ss` shows it at time t (ms). */
function rowAt(r: RunResult, host: HostName, t: number): SocketSnapshot {
  const rows = socketsAt(r, t, host);
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

/** The server writes at 2 s into a client whose cable was pulled at 1 s. */
function serverSendsIntoPulledCable(options: LabOptions = {}) {
  const lab = createLab({ ...EXACT, ...options });
  const c = lab.connect();
  lab.at('1s', () => lab.client.unplug());
  lab.at('2s', () => c.server.send('hello'));
  return lab.run();
}

describe('print_ms_timer(): how ss writes a timer', () => {
  it.each([
    [200, '200ms'],
    [1200, '1.200ms'],
    [9501, '9.501ms'],
    [10_500, '10sec'],
    [13_000, '13sec'],
    [60_000, '1min'],
    [75_000, '1min15sec'],
    [599_000, '9min59sec'],
    [7_200_000, '120min'],
  ])('%i ms → %s', (ms, text) => {
    expect(printMsTimer(ms)).toBe(text);
  });

  it('a timer already due prints as nothing left (jiffies_delta_to_msecs() never goes below 0)', () => {
    expect(printMsTimer(-5)).toBe('');
    expect(formatSsTimer({ name: 'on', expiresAt: 100, retrans: 3 }, 150)).toBe('timer:(on,,3)');
  });
});

describe('the timer column (ss -tno)', () => {
  it('a retransmitting sender shows "on" with icsk_retransmits, counting down to its next retransmission', () => {
    const r = serverSendsIntoPulledCable({ server: { sysctl: { tcp_retries2: 5 } } });
    const retx = r.segments.filter((s) => s.from === 'server' && s.role === 'retransmission');
    expect(retx.length).toBe(r.server.retransmissions);
    expect(retx.length).toBeGreaterThanOrEqual(4);
    // After retransmission #n the timer says n, and is due when #n+1 goes out.
    for (let n = 1; n < retx.length; n++) {
      const row = rowAt(r, 'server', retx[n - 1]!.t);
      expect(row.timer).toEqual({ name: 'on', expiresAt: retx[n]!.t, retrans: n });
    }
    // Half-way between two retransmissions ss prints the time left.
    const mid = (retx[1]!.t + retx[2]!.t) / 2;
    const left = retx[2]!.t - mid;
    expect(formatSsTimer(rowAt(r, 'server', mid).timer!, mid)).toBe(
      `timer:(on,${printMsTimer(left)},2)`,
    );
    // The silent client has nothing pending: no timer field at all.
    expect(rowAt(r, 'client', mid).timer).toBeUndefined();
    // Before the first RTO the pending timer is the tail loss probe: still "on", count 0.
    const data = r.segments.find((s) => s.from === 'server' && s.role === 'data')!;
    const tlp = r.segments.find((s) => s.role === 'tlp')!;
    expect(rowAt(r, 'server', data.t).timer).toEqual({
      name: 'on',
      expiresAt: tlp.t,
      retrans: 0,
    });
  });

  it('a SYN that goes unanswered shows "on" with the SYN retransmission count', () => {
    const lab = createLab(EXACT);
    lab.server.unplug();
    lab.connect();
    const r = lab.run();
    const syns = r.segments.filter((s) => s.role === 'syn-retransmission');
    expect(syns).toHaveLength(10); // tcp_syn_retries 6 + tcp_syn_linear_timeouts 4
    const row = rowAt(r, 'client', syns[2]!.t);
    expect(row.state).toBe('SYN_SENT');
    expect(row.timer).toEqual({ name: 'on', expiresAt: syns[3]!.t, retrans: 3 });
  });

  it('an idle socket with SO_KEEPALIVE shows "keepalive", then icsk_probes_out once probes go unanswered', () => {
    const lab = createLab(EXACT);
    const c = lab.connect();
    c.client.setKeepAlive(true, { idle: '10s', interval: '2s', count: 3 });
    lab.at('1s', () => lab.server.unplug());
    const r = lab.run();
    const established = r.sockets.find((s) => s.host === 'client' && s.state === 'ESTABLISHED')!;
    const idle = rowAt(r, 'client', 5000);
    expect(idle.timer).toEqual({
      name: 'keepalive',
      expiresAt: established.t + 10_000,
      retrans: 0,
    });
    expect(formatSsTimer(idle.timer!, 5000)).toBe(
      `timer:(keepalive,${printMsTimer(established.t + 10_000 - 5000)},0)`,
    );
    const probes = r.segments.filter((s) => s.from === 'client' && s.role === 'keepalive');
    expect(probes).toHaveLength(3);
    expect(rowAt(r, 'client', probes[1]!.t).timer).toEqual({
      name: 'keepalive',
      expiresAt: probes[2]!.t,
      retrans: 2,
    });
  });

  it('the default keepalive timer, two hours off, is shown exactly (a row keeps such a timer aside)', () => {
    const lab = createLab(EXACT);
    const c = lab.connect();
    c.client.setKeepAlive(true);
    const r = lab.run({ until: '3h' });
    const established = r.sockets.find((s) => s.host === 'client' && s.state === 'ESTABLISHED')!;
    expect(rowAt(r, 'client', 1000).timer).toEqual({
      name: 'keepalive',
      expiresAt: established.t + 7_200_000,
      retrans: 0,
    });
    const probe = r.segments.find((s) => s.from === 'client' && s.role === 'keepalive')!;
    expect(probe.t).toBe(established.t + 7_200_000);
    // Answered: at the check one interval (75 s) later the timer is set two hours after the
    // answer arrived, again far enough off to be kept aside.
    const answer = r.segments.find((s) => s.from === 'server' && s.role === 'keepalive-ack')!;
    expect(rowAt(r, 'client', probe.t + 75_000 + 100).timer?.expiresAt).toBe(
      answer.arrivedAt! + 7_200_000,
    );
  });

  it('an answered keepalive probe sets the count back to 0 (tcp_ack() clears icsk_probes_out)', () => {
    // As ss showed it on Linux 6.18 (content/measurements/keepalive-answered.json): the probe
    // sent after the cable came back is answered, and the count is 0 until the next probe.
    const lab = createLab(EXACT);
    const c = lab.connect();
    c.server.setKeepAlive(true, { idle: '10s', interval: '5s', count: 3 });
    lab.at('1s', () => lab.client.unplug());
    lab.at('13s', () => lab.client.plugIn());
    const r = lab.run({ until: '20s' });
    const probes = r.segments.filter((s) => s.from === 'server' && s.role === 'keepalive');
    expect(probes.map((p) => p.t)).toEqual([probes[0]!.t, probes[0]!.t + 5000]);
    expect(rowAt(r, 'server', probes[0]!.t + 1000).timer?.retrans).toBe(1);
    const answer = r.segments.find((s) => s.from === 'client' && s.t > probes[1]!.t)!;
    expect(rowAt(r, 'server', answer.arrivedAt! + 1).timer).toEqual({
      name: 'keepalive',
      expiresAt: probes[1]!.t + 5000,
      retrans: 0,
    });
  });

  it('a socket without SO_KEEPALIVE and nothing in flight has no timer', () => {
    const lab = createLab(EXACT);
    lab.connect();
    const r = lab.run({ until: '10s' });
    expect(rowAt(r, 'client', 5000).timer).toBeUndefined();
    expect(rowAt(r, 'server', 5000).timer).toBeUndefined();
  });

  it('a sender facing a zero window shows "persist" with the probes sent', () => {
    const lab = createLab(EXACT);
    const c = lab.connect();
    lab.at('500ms', () => lab.client.hangProcess());
    lab.at('1s', () => c.server.send(200_000));
    const r = lab.run({ until: '60s' });
    const probes = r.segments.filter((s) => s.role === 'window-probe');
    const acks = r.segments.filter((s) => s.role === 'window-probe-ack');
    expect(probes.length).toBeGreaterThanOrEqual(4);
    // As a probe leaves, icsk_probes_out counts it and every probe since the last answer (the
    // receiver rate-limits answers to out-of-window probes to one per 500 ms).
    const lastAnswer = acks.filter((a) => a.arrivedAt! < probes[2]!.t).at(-1)!.arrivedAt!;
    const unanswered = probes.filter((p) => p.t > lastAnswer && p.t <= probes[2]!.t).length;
    expect(unanswered).toBe(2);
    expect(rowAt(r, 'server', probes[2]!.t).timer).toMatchObject({
      name: 'persist',
      retrans: unanswered,
    });
    // Its answer (an ACK with window 0) resets the count (tcp_ack()) and re-arms the timer
    // (tcp_ack_probe()), which is then due when the next probe goes.
    const answer = acks.find((a) => a.t > probes[2]!.t)!;
    expect(answer.arrivedAt).toBeLessThan(probes[3]!.t);
    expect(rowAt(r, 'server', answer.arrivedAt!).timer).toEqual({
      name: 'persist',
      expiresAt: probes[3]!.t,
      retrans: 0,
    });
  });

  it('the side that closes first shows "timewait" for 60 s', () => {
    const lab = createLab(EXACT);
    const c = lab.connect();
    lab.at('1s', () => c.client.close());
    lab.at('2s', () => c.server.close());
    const r = lab.run();
    const tw = r.sockets.find((s) => s.host === 'client' && s.state === 'TIME_WAIT')!;
    expect(tw.timer).toEqual({ name: 'timewait', expiresAt: tw.t + 60_000, retrans: 0 });
    expect(formatSsTimer(tw.timer!, tw.t)).toBe('timer:(timewait,1min,0)');
    expect(formatSsTimer(tw.timer!, tw.t + 30_000)).toBe('timer:(timewait,30sec,0)');
  });

  it('lab.sockets() during the run shows the timer as it stands then', () => {
    const lab = createLab(EXACT);
    const c = lab.connect();
    lab.at('1s', () => lab.client.unplug());
    lab.at('2s', () => c.server.send('hello'));
    let seen: SocketSnapshot[] = [];
    lab.at('5s', () => (seen = lab.sockets('server')));
    lab.run({ until: '6s' });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.timer?.name).toBe('on');
    expect(seen[0]!.timer!.retrans).toBeGreaterThan(0);
    expect(seen[0]!.timer!.expiresAt).toBeGreaterThan(5000);
  });

  it('with the timer wheel on, ss counts down to the expiry asked for; the timer runs a little later', () => {
    const r = serverSendsIntoPulledCable({
      timerWheel: true,
      server: { sysctl: { tcp_retries2: 5 } },
    });
    const retx = r.segments.filter((s) => s.from === 'server' && s.role === 'retransmission');
    const row = rowAt(r, 'server', retx[1]!.t);
    expect(row.timer!.name).toBe('on');
    expect(row.timer!.expiresAt).toBeLessThanOrEqual(retx[2]!.t);
    expect(retx[2]!.t - row.timer!.expiresAt).toBeLessThan(0.125 * (retx[2]!.t - retx[1]!.t) + 1);
  });
});

describe('the kernel counters (nstat)', () => {
  it('a sender that aborts: TcpRetransSegs counts the TLP and every RTO retransmission; TCPTimeouts every RTO expiry, the last included', () => {
    const r = serverSendsIntoPulledCable();
    const s = r.counters.server;
    expect(r.outcome.id).toBe('sender-aborts');
    expect(r.server.tlps).toBe(1);
    expect(r.server.retransmissions).toBe(15);
    expect(s.TcpExtTCPLossProbes).toBe(1);
    expect(s.TcpRetransSegs).toBe(16); // tcp_send_loss_probe() and tcp_retransmit_timer() both go through __tcp_retransmit_skb()
    expect(s.TcpExtTCPTimeouts).toBe(16); // counted before tcp_write_timeout() decides to abort
    expect(s.TcpExtTCPAbortOnTimeout).toBe(1);
    expect(s.TcpEstabResets).toBe(1); // ESTABLISHED → CLOSE in tcp_set_state()
    expect(s.TcpOutRsts).toBe(0); // tcp_write_err() sends nothing
    expect(s.TcpPassiveOpens).toBe(1);
    expect(r.counters.client).toMatchObject({
      TcpActiveOpens: 1,
      TcpRetransSegs: 0,
      TcpEstabResets: 0,
    });
  });

  it('the peer that speaks after an abort gets an RST: TcpOutRsts on the side that forgot, TcpEstabResets on the other', () => {
    const lab = createLab(EXACT);
    const c = lab.connect();
    lab.at('1s', () => lab.client.unplug());
    lab.at('2s', () => c.server.send('hello'));
    lab.at('20m', () => lab.client.plugIn());
    lab.at('21m', () => c.client.send('still there?'));
    const r = lab.run();
    expect(r.outcome.id).toBe('peer-reset-after-abort');
    expect(r.counters.server.TcpOutRsts).toBe(1); // tcp_v4_send_reset()
    expect(r.counters.client.TcpEstabResets).toBe(1);
    expect(r.client.error).toBe('ECONNRESET');
  });

  it('keepalive: TCPKeepAlive per probe; the abort sends an RST (tcp_send_active_reset) and counts TCPAbortOnTimeout', () => {
    const lab = createLab(EXACT);
    const c = lab.connect();
    c.client.setKeepAlive(true, { idle: '10s', interval: '2s', count: 3 });
    lab.at('1s', () => lab.server.unplug());
    const r = lab.run();
    expect(r.outcome.id).toBe('keepalive-detects-dead-peer');
    expect(r.counters.client).toMatchObject({
      TcpExtTCPKeepAlive: 3,
      TcpOutRsts: 1,
      TcpExtTCPAbortOnTimeout: 1,
      TcpEstabResets: 1,
      TcpRetransSegs: 0,
    });
  });

  it('connect() that gives up: TCPSynRetrans and TcpRetransSegs per SYN retransmission, TcpAttemptFails once', () => {
    const lab = createLab(EXACT);
    lab.server.unplug();
    lab.connect();
    const r = lab.run();
    expect(r.outcome.id).toBe('connect-timeout');
    expect(r.counters.client).toMatchObject({
      TcpActiveOpens: 1,
      TcpExtTCPSynRetrans: 10,
      TcpRetransSegs: 10,
      TcpExtTCPTimeouts: 11,
      TcpExtTCPAbortOnTimeout: 1,
      TcpAttemptFails: 1,
      TcpEstabResets: 0,
    });
  });

  it('a SYN-ACK that goes unanswered: tcp_rtx_synack() counts each resend, tcp_syn_ack_timeout() each expiry', () => {
    const lab = createLab(EXACT);
    lab.connect();
    lab.at('15ms', () => lab.client.unplug()); // the SYN got through; the SYN-ACK is on its way
    const r = lab.run();
    const resent = r.segments.filter((s) => s.from === 'server' && s.role === 'syn-ack').length - 1;
    expect(resent).toBe(5);
    expect(r.counters.server).toMatchObject({
      TcpExtTCPSynRetrans: 5,
      TcpRetransSegs: 5,
      TcpExtTCPTimeouts: 6,
      TcpPassiveOpens: 0,
    });
  });

  it('close() with unread data: TCPAbortOnClose and an RST', () => {
    const lab = createLab(EXACT);
    const c = lab.connect();
    lab.at('1s', () => c.client.send(5000));
    lab.at('500ms', () => c.server.pauseReading());
    lab.at('2s', () => c.server.close());
    const r = lab.run();
    expect(r.counters.server).toMatchObject({ TcpExtTCPAbortOnClose: 1, TcpOutRsts: 1 });
    expect(r.counters.client.TcpEstabResets).toBe(1);
  });

  it('a normal close: the side that closes first enters TIME_WAIT (TcpExtTW); nothing is reset', () => {
    const lab = createLab(EXACT);
    const c = lab.connect();
    lab.at('1s', () => c.client.close());
    lab.at('2s', () => c.server.close());
    const r = lab.run();
    expect(r.outcome.id).toBe('closed-normally');
    expect(r.counters.client).toMatchObject({ TcpExtTW: 1, TcpEstabResets: 0, TcpOutRsts: 0 });
    expect(r.counters.server).toMatchObject({ TcpExtTW: 0, TcpEstabResets: 0 });
  });

  it('zero-window probes: TCPWinProbe per probe (tcp_send_probe0)', () => {
    const lab = createLab(EXACT);
    const c = lab.connect();
    lab.at('500ms', () => lab.client.hangProcess());
    lab.at('1s', () => c.server.send(200_000));
    const r = lab.run({ until: '60s' });
    expect(r.server.windowProbes).toBeGreaterThan(0);
    expect(r.counters.server.TcpExtTCPWinProbe).toBe(r.server.windowProbes);
    expect(r.counters.server.TcpRetransSegs).toBe(0);
  });

  it('a host that crashes keeps what it counted; one that boots again counts from zero', () => {
    const lab = createLab(EXACT);
    const c = lab.connect();
    lab.at('1s', () => lab.server.crash());
    const crashed = lab.run({ until: '2s' });
    expect(crashed.counters.server).toMatchObject({ TcpPassiveOpens: 1, TcpEstabResets: 0 });

    const lab2 = createLab(EXACT);
    const c2 = lab2.connect();
    lab2.at('1s', () => lab2.server.crash());
    lab2.at('2s', () => lab2.server.boot());
    lab2.at('3s', () => c2.client.send('hello'));
    const r = lab2.run();
    expect(r.outcome.id).toBe('host-reboot-reset');
    expect(r.counters.server).toMatchObject({ TcpPassiveOpens: 0, TcpOutRsts: 1 });
    void c;
  });
});

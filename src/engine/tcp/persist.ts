/**
 * The persist timer: probing a peer whose receive window is 0 (net/ipv4/tcp_timer.c
 * tcp_probe_timer(), tcp_output.c tcp_send_probe0(), include/net/tcp.h tcp_probe0_base(),
 * tcp_probe0_when(), tcp_check_probe_timer(); tcp_input.c tcp_ack_probe()).
 *
 * A live receiver answers every probe, and each answer clears the unanswered-probe count, so by
 * default the sender probes forever (RFC 1122 4.2.2.17). Two limits remain: `tcp_retries2`
 * unanswered probes in a row, and TCP_USER_TIMEOUT, which counts from the first probe of the
 * episode whether or not the probes are answered.
 */
import { ACK } from '../frame.ts';
import { emit, tcpProbe0Base, tcpResetXmitTimer, tcpWriteXmit } from './output.ts';
import type { TcpSock } from './sock.ts';
import { tcpOrphanRetries, tcpWriteErr } from './timers.ts';
import { tcpSndWndTest } from './window.ts';

/** TCP_TIMEOUT_MIN: 2 jiffies. */
const TIMEOUT_MIN_J = 2;

/** tcp_probe0_when(): base << backoff, the backoff counted up to ilog2(RTO_MAX / RTO_MIN) + 1; at most `maxWhen`. */
export function tcpProbe0When(sk: TcpSock, maxWhen: number): number {
  const j = sk.k.sim.jiffies;
  const maxShift = Math.floor(Math.log2(j.rtoMax / j.rtoMin)) + 1;
  return Math.min(tcpProbe0Base(sk) * 2 ** Math.min(sk.backoff, maxShift), maxWhen);
}

/** tcp_clamp_probe0_to_user_timeout(): the next probe no later than the user timeout (≥ 2 jiffies). */
export function tcpClampProbe0ToUserTimeout(sk: TcpSock, whenJ: number): number {
  if (!sk.userTimeoutMs || sk.probesTstampUs < 0) return whenJ;
  const j = sk.k.sim.jiffies;
  const elapsed = Math.max(0, j.at(sk.now) - j.at(sk.probesTstampUs));
  const remaining = Math.max(j.fromMs(sk.userTimeoutMs) - elapsed, TIMEOUT_MIN_J);
  return Math.min(remaining, whenJ);
}

/** tcp_ack_probe(): an ACK came while probing. Stop if the window now admits the next segment, else probe again later. */
export function tcpAckProbe(sk: TcpSock): void {
  const head = sk.skbs[sk.sendHead];
  if (!head) return;
  if (tcpSndWndTest(sk, head)) {
    sk.backoff = 0;
    sk.probesTstampUs = -1;
    if (sk.pending === 'probe0') {
      sk.pending = 'none';
      sk.xmitTimer.del();
    }
    return;
  }
  const j = sk.k.sim.jiffies;
  tcpResetXmitTimer(sk, 'probe0', tcpClampProbe0ToUserTimeout(sk, tcpProbe0When(sk, j.rtoMax)));
}

/** tcp_probe_timer(): the persist timer fired. Give up, or send another probe. */
export function tcpProbeTimer(sk: TcpSock): void {
  if (sk.packetsOut > 0 || !sk.writeQueued) {
    sk.probesOut = 0;
    sk.probesTstampUs = -1;
    return;
  }
  const j = sk.k.sim.jiffies;
  const events = sk.k.sim.rec.events;
  let userTimeoutSpent = false;
  if (sk.probesTstampUs < 0) {
    sk.probesTstampUs = sk.now;
  } else if (
    sk.userTimeoutMs &&
    j.at(sk.now) - j.at(sk.probesTstampUs) >= j.fromMs(sk.userTimeoutMs)
  ) {
    userTimeoutSpent = true;
  }
  let maxProbes = sk.k.cfg.sysctl.tcp_retries2;
  let orphanSpent = false;
  if (!userTimeoutSpent && sk.dead) {
    const alive = Math.min(sk.rto * 2 ** sk.backoff, j.rtoMax) < j.rtoMax;
    maxProbes = tcpOrphanRetries(sk, alive);
    orphanSpent = !alive && sk.backoff >= maxProbes;
  }
  if (userTimeoutSpent || orphanSpent || sk.probesOut >= maxProbes) {
    events.timer(
      sk.now,
      sk.k.name,
      sk.conn,
      'persist',
      userTimeoutSpent
        ? 'abort: TCP_USER_TIMEOUT spent while the window stayed 0 (tcp_probe_timer)'
        : `abort: ${sk.probesOut} zero-window probes unanswered (tcp_probe_timer)`,
    );
    tcpWriteErr(sk, userTimeoutSpent ? 'user-timeout' : sk.dead ? 'orphan' : 'retransmission');
    return;
  }
  tcpSendProbe0(sk);
}

/** tcp_send_probe0(): one probe (tcp_write_wakeup()), then back off and re-arm. */
export function tcpSendProbe0(sk: TcpSock): void {
  tcpWriteWakeup(sk);
  if (sk.packetsOut > 0 || !sk.writeQueued) {
    sk.probesOut = 0;
    sk.backoff = 0;
    sk.probesTstampUs = -1;
    return;
  }
  sk.probesOut += 1;
  if (sk.backoff < sk.k.cfg.sysctl.tcp_retries2) sk.backoff += 1;
  const j = sk.k.sim.jiffies;
  tcpResetXmitTimer(sk, 'probe0', tcpClampProbe0ToUserTimeout(sk, tcpProbe0When(sk, j.rtoMax)));
}

/**
 * tcp_write_wakeup(): send the next segment if the window admits it, else a zero-length probe
 * with seq = snd_una − 1, which the receiver must answer with an ACK carrying its window
 * (tcp_xmit_probe_skb()). Simplified: Linux would also send the part of a segment that fits
 * a window smaller than it; here such a segment waits, and a zero-length probe goes instead.
 */
function tcpWriteWakeup(sk: TcpSock): void {
  const head = sk.skbs[sk.sendHead];
  if (head && tcpSndWndTest(sk, head)) {
    tcpWriteXmit(sk);
    return;
  }
  sk.windowProbes += 1;
  const n = sk.windowProbes;
  sk.k.sim.rec.events.timer(sk.now, sk.k.name, sk.conn, 'persist', `zero-window probe #${n}`);
  emit(sk, sk.sndUna - 1, ACK, 0, undefined, false, 'window-probe', undefined, n, undefined);
}

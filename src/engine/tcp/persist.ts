/**
 * Probing a peer whose receive window is 0: sending the probe and spacing the next one
 * (net/ipv4/tcp_output.c tcp_send_probe0(), tcp_write_wakeup(); include/net/tcp.h
 * tcp_probe0_when(); tcp_timer.c tcp_clamp_probe0_to_user_timeout(); tcp_input.c
 * tcp_ack_probe()). The timer that calls it, and decides when to give up, is tcpProbeTimer in
 * timers.ts (tcp_probe_timer()).
 *
 * A live receiver answers every probe, and each answer clears the unanswered-probe count, so by
 * default the sender probes forever (RFC 1122 4.2.2.17). Two limits remain: `tcp_retries2`
 * unanswered probes in a row, and TCP_USER_TIMEOUT, which counts from the first probe of the
 * episode whether or not the probes are answered.
 */
import { ACK } from '../frame.ts';
import { emit, tcpProbe0Base, tcpResetXmitTimer, tcpSndWndTest, tcpWriteXmit } from './output.ts';
import type { TcpSock } from './sock.ts';

/** TCP_TIMEOUT_MIN: 2 jiffies. */
const TIMEOUT_MIN_J = 2;

/** tcp_probe0_when(): base << backoff, the backoff counted up to ilog2(RTO_MAX / RTO_MIN) + 1; at most `maxWhen`. */
export function tcpProbe0When(sk: TcpSock, maxWhen: number): number {
  const j = sk.k.jiffies;
  const maxShift = Math.floor(Math.log2(j.rtoMax / j.rtoMin)) + 1;
  return Math.min(tcpProbe0Base(sk) * 2 ** Math.min(sk.backoff, maxShift), maxWhen);
}

/** tcp_clamp_probe0_to_user_timeout(): the next probe no later than the user timeout (≥ 2 jiffies). */
export function tcpClampProbe0ToUserTimeout(sk: TcpSock, whenJ: number): number {
  if (!sk.userTimeoutMs || sk.probesTstampUs < 0) return whenJ;
  const j = sk.k.jiffies;
  const elapsed = Math.max(0, j.at(sk.now) - j.at(sk.probesTstampUs));
  const remaining = Math.max(j.fromMs(sk.userTimeoutMs) - elapsed, TIMEOUT_MIN_J);
  return Math.min(remaining, whenJ);
}

/** tcp_ack_probe(): an ACK came while probing. Stop if the window now admits the next segment, else probe again later. */
export function tcpAckProbe(sk: TcpSock): void {
  const head = sk.skbs.at(sk.sendHead);
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
  tcpResetXmitTimer(
    sk,
    'probe0',
    tcpClampProbe0ToUserTimeout(sk, tcpProbe0When(sk, sk.k.jiffies.rtoMax)),
  );
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
  if (sk.backoff < sk.k.sysctl.tcp_retries2) sk.backoff += 1;
  tcpResetXmitTimer(
    sk,
    'probe0',
    tcpClampProbe0ToUserTimeout(sk, tcpProbe0When(sk, sk.k.jiffies.rtoMax)),
  );
}

/**
 * tcp_write_wakeup(): send the next segment if the window admits it, else a zero-length probe
 * with seq = snd_una − 1, which the receiver must answer with an ACK carrying its window
 * (tcp_xmit_probe_skb()). Simplified: Linux would also send the part of a segment that fits
 * a window smaller than it; here such a segment waits, and a zero-length probe goes instead.
 */
function tcpWriteWakeup(sk: TcpSock): void {
  const head = sk.skbs.at(sk.sendHead);
  if (head && tcpSndWndTest(sk, head)) {
    tcpWriteXmit(sk);
    return;
  }
  sk.windowProbes += 1;
  sk.k.mib.inc('TcpExtTCPWinProbe'); // tcp_write_wakeup(sk, LINUX_MIB_TCPWINPROBE)
  const n = sk.windowProbes;
  sk.k.record.events.timer(sk.now, sk.k.name, sk.conn, 'persist', `zero-window probe #${n}`);
  emit(sk, { seq: sk.sndUna - 1, flags: ACK, role: 'window-probe', probe: n });
}

/** TCP timers (net/ipv4/tcp_timer.c, inet_connection_sock.c). */
import { ACK, SYN } from '../frame.ts';
import type { Jiffies } from '../jiffies.ts';
import { KernelTimer } from '../timer.ts';
import type { Cause } from '../types.ts';
import { tcpDone, tcpDoneWithError } from './done.ts';
import {
  emit,
  tcpRearmRto,
  tcpResetXmitTimer,
  tcpRetransmitSkb,
  tcpSendActiveReset,
  tcpXmitProbeSkb,
} from './output.ts';
import type { TcpSock } from './sock.ts';
import { tcpSendProbe0 } from './persist.ts';

function isSynState(sk: TcpSock): boolean {
  return sk.state === 'SYN_SENT' || sk.state === 'SYN_RECV';
}

/** tcp_model_timeout(): the retries → time budget, exponential up to TCP_RTO_MAX then linear. Result in ms. */
export function tcpModelTimeout(sk: TcpSock, boundary: number, rtoBaseJ: number): number {
  const j = sk.k.jiffies;
  const key = boundary * 1_000_003 + rtoBaseJ;
  const cached = j.modelTimeouts.get(key);
  if (cached !== undefined) return cached;
  const ms = computeModelTimeout(j, boundary, rtoBaseJ);
  j.modelTimeouts.set(key, ms);
  return ms;
}

function computeModelTimeout(j: Jiffies, boundary: number, rtoBaseJ: number): number {
  const thresh = Math.floor(Math.log2(Math.floor(j.rtoMax / rtoBaseJ)));
  const timeout =
    boundary <= thresh
      ? (2 ** (boundary + 1) - 1) * rtoBaseJ
      : (2 ** (thresh + 1) - 1) * rtoBaseJ + (boundary - thresh) * j.rtoMax;
  return j.toMs(timeout);
}

/** retransmits_timed_out(): has the budget (or TCP_USER_TIMEOUT) elapsed since retrans_stamp? */
export function retransmitsTimedOut(sk: TcpSock, boundary: number, timeoutMs: number): boolean {
  if (sk.retransmits === 0) return false;
  let limit = timeoutMs;
  if (limit === 0) {
    const j = sk.k.jiffies;
    const base = isSynState(sk) ? j.timeoutInit : j.rtoMin;
    limit = tcpModelTimeout(sk, boundary, base);
  }
  return sk.now - sk.retransStampUs >= limit * 1000;
}

/** tcp_orphan_retries(): 0 means 8 while the socket is "alive" (RTO below the cap). */
export function tcpOrphanRetries(sk: TcpSock, alive: boolean): number {
  let retries = sk.k.sysctl.tcp_orphan_retries;
  if (sk.errSoft && !alive) retries = 0;
  if (retries === 0 && alive) retries = 8;
  return retries;
}

/** tcp_write_err(): give up with the soft error if one was recorded (EHOSTUNREACH), else ETIMEDOUT. No RST. */
export function tcpWriteErr(sk: TcpSock, cause?: Cause): void {
  sk.k.mib.inc('TcpExtTCPAbortOnTimeout');
  const errno = sk.errSoft ?? 'ETIMEDOUT';
  let why: Cause;
  if (cause) why = cause;
  else if (sk.errSoft === 'EHOSTUNREACH') why = 'neighbour';
  else if (sk.userTimeoutMs) why = 'user-timeout';
  else if (sk.dead) why = 'orphan';
  else if (sk.state === 'SYN_SENT') why = 'syn-retries';
  else why = 'retransmission';
  if (sk.dead) {
    tcpDone(sk, why);
    return;
  }
  tcpDoneWithError(sk, errno, why);
}

/** tcp_write_timeout(): the abort check that runs at each RTO expiry, before retransmitting. */
export function tcpWriteTimeout(sk: TcpSock): boolean {
  const sysctl = sk.k.sysctl;
  let expired = false;
  let retryUntil: number;
  if (isSynState(sk)) {
    retryUntil = sysctl.tcp_syn_retries;
    const maxRetransmits =
      retryUntil + (sk.state === 'SYN_SENT' ? sysctl.tcp_syn_linear_timeouts : 0);
    expired = sk.retransmits >= maxRetransmits;
  } else {
    retryUntil = sysctl.tcp_retries2;
    if (sk.dead) {
      const alive = sk.rto < sk.k.jiffies.rtoMax;
      retryUntil = tcpOrphanRetries(sk, alive);
    }
  }
  if (!expired) expired = retransmitsTimedOut(sk, retryUntil, sk.userTimeoutMs);
  if (expired) {
    sk.k.record.events.timer(
      sk.now,
      sk.k.name,
      sk.conn,
      sk.state === 'SYN_SENT' ? 'syn' : 'rto',
      'abort: retransmission budget spent (tcp_write_timeout)',
    );
    tcpWriteErr(sk);
    return true;
  }
  return false;
}

/** tcp_clamp_rto_to_user_timeout(): shorten the next RTO so an expiry lands on the user timeout. */
export function tcpClampRtoToUserTimeout(sk: TcpSock): number {
  if (!sk.userTimeoutMs || sk.retransStampUs < 0) return sk.rto;
  const elapsedMs = Math.floor((sk.now - sk.retransStampUs) / 1000);
  const remaining = sk.userTimeoutMs - elapsedMs;
  if (remaining <= 0) return 1;
  return Math.min(sk.rto, sk.k.jiffies.fromMs(remaining));
}

/** tcp_enter_loss(): every outstanding segment is presumed lost; cwnd drops to one. */
export function tcpEnterLoss(sk: TcpSock): void {
  sk.caState = 'loss';
  sk.highSeq = sk.sndNxt;
  sk.tlpHighSeq = -1;
  // SACKed segments are not lost: the receiver holds them.
  for (let i = 0; i < sk.sendHead; i++) {
    const skb = sk.skbs.at(i)!;
    if (!skb.sacked) skb.lost = true;
  }
}

/** tcp_retransmit_timer(): the RTO fired. Check the budget, retransmit the head, back off. */
export function tcpRetransmitTimer(sk: TcpSock): void {
  if (sk.packetsOut === 0) return;
  const head = sk.skbs.at(0)!;
  const syn = sk.state === 'SYN_SENT';
  sk.k.mib.inc('TcpExtTCPTimeouts'); // counted before the abort check, as in the kernel
  if (tcpWriteTimeout(sk)) return;
  tcpEnterLoss(sk);
  sk.retransmits += 1;
  sk.totalRto += 1;
  const n = sk.retransmits;
  sk.k.record.events.timer(sk.now, sk.k.name, sk.conn, syn ? 'syn' : 'rto', retransmissionLabel(n));
  if (tcpRetransmitSkb(sk, head, syn ? 'syn-retransmission' : 'retransmission', n)) {
    head.lost = false;
    sk.rtoRetransmissions += 1;
  }
  // "Save stamp of the first (attempted) retransmit" (tcp_retransmit_skb()).
  if (sk.retransStampUs < 0) sk.retransStampUs = head.lastXmitUs;
  sk.backoff += 1;
  const j = sk.k.jiffies;
  if (!syn || sk.totalRto > sk.k.sysctl.tcp_syn_linear_timeouts) {
    sk.rto = Math.min(sk.rto * 2, j.rtoMax);
  }
  tcpResetXmitTimer(sk, 'rto', tcpClampRtoToUserTimeout(sk));
}

/** 'retransmission #n', built once per n (every RTO expiry logs one). */
const retransmissionLabels: string[] = [];
function retransmissionLabel(n: number): string {
  return (retransmissionLabels[n] ??= `retransmission #${n}`);
}

/** tcp_send_loss_probe(): re-send the last segment once; restart the RTO from now. */
export function tcpSendLossProbe(sk: TcpSock): void {
  sk.k.record.events.timer(sk.now, sk.k.name, sk.conn, 'tlp');
  if (sk.tlpHighSeq < 0 && sk.packetsOut > 0) {
    const last = sk.skbs.at(sk.sendHead - 1)!;
    if (tcpRetransmitSkb(sk, last, 'tlp')) {
      sk.k.mib.inc('TcpExtTCPLossProbes');
      sk.tlps += 1;
      sk.tlpHighSeq = sk.sndNxt;
      sk.pending = 'none';
    }
  }
  tcpRearmRto(sk);
}

/** reqsk_timer_handler(): SYN-ACK retransmissions of a half-open request (1, 2, 4 … s); dropped silently at the end. */
export function reqskTimerHandler(sk: TcpSock): void {
  const max = sk.k.sysctl.tcp_synack_retries;
  sk.k.mib.inc('TcpExtTCPTimeouts'); // tcp_syn_ack_timeout()
  sk.k.record.events.timer(
    sk.now,
    sk.k.name,
    sk.conn,
    'synack',
    sk.numTimeout >= max ? 'request dropped' : `SYN-ACK retransmission #${sk.numTimeout + 1}`,
  );
  if (sk.numTimeout >= max) {
    tcpDone(sk, undefined);
    return;
  }
  // tcp_rtx_synack()
  sk.k.mib.inc('TcpRetransSegs');
  sk.k.mib.inc('TcpExtTCPSynRetrans');
  emit(sk, { seq: sk.iss, flags: SYN | ACK, role: 'syn-ack', retransmission: sk.numTimeout + 1 });
  sk.numTimeout += 1;
  const j = sk.k.jiffies;
  tcpResetXmitTimer(sk, 'synack', Math.min(j.timeoutInit * 2 ** sk.numTimeout, j.rtoMax));
}

/** keepalive_time_when() / keepalive_intvl_when() / keepalive_probes(): per-socket value or sysctl. */
export function keepaliveTimeWhen(sk: TcpSock): number {
  return sk.k.jiffies.fromSeconds(sk.keepIdleS || sk.k.sysctl.tcp_keepalive_time);
}
function keepaliveIntvlWhen(sk: TcpSock): number {
  return sk.k.jiffies.fromSeconds(sk.keepIntvlS || sk.k.sysctl.tcp_keepalive_intvl);
}
function keepaliveProbes(sk: TcpSock): number {
  return sk.keepCnt || sk.k.sysctl.tcp_keepalive_probes;
}

/** keepalive_time_elapsed(): jiffies since the last data or ACK received (own sends do not count). */
export function keepaliveTimeElapsed(sk: TcpSock): number {
  const j = sk.k.jiffies;
  const now = j.at(sk.now);
  return Math.min(now - j.at(sk.lrcvtimeUs), now - j.at(sk.rcvTstampUs));
}

/** inet_csk_reset_keepalive_timer(). */
export function resetKeepaliveTimer(sk: TcpSock, whenJ: number): void {
  sk.keepaliveTimer.mod(whenJ);
}

/** tcp_keepalive_timer(): probe an idle peer; abort one interval after the last unanswered probe. */
export function tcpKeepaliveTimer(sk: TcpSock): void {
  if (!sk.keepaliveOn || sk.state === 'CLOSED' || sk.state === 'SYN_SENT' || sk.state === 'LISTEN')
    return;
  if (sk.state === 'SYN_RECV' || sk.state === 'TIME_WAIT') return;
  const whenJ = keepaliveTimeWhen(sk);
  // "It is alive without keepalive 8)": data in flight is the retransmission timer's business.
  if (sk.packetsOut > 0 || sk.writeQueued) {
    resetKeepaliveTimer(sk, whenJ);
    return;
  }
  const elapsed = keepaliveTimeElapsed(sk);
  if (elapsed < whenJ) {
    resetKeepaliveTimer(sk, whenJ - elapsed);
    return;
  }
  const ut = sk.userTimeoutMs;
  const j = sk.k.jiffies;
  if (
    (ut !== 0 && elapsed >= j.fromMs(ut) && sk.probesOut > 0) ||
    (ut === 0 && sk.probesOut >= keepaliveProbes(sk))
  ) {
    sk.k.record.events.timer(
      sk.now,
      sk.k.name,
      sk.conn,
      'keepalive',
      `abort after ${sk.probesOut} unanswered probe${sk.probesOut === 1 ? '' : 's'}`,
    );
    tcpSendActiveReset(sk);
    tcpWriteErr(sk, ut !== 0 ? 'user-timeout' : 'keepalive');
    return;
  }
  sk.k.record.events.timer(sk.now, sk.k.name, sk.conn, 'keepalive', probeLabel(sk.probesOut + 1));
  // tcp_write_wakeup(sk, LINUX_MIB_TCPKEEPALIVE) → tcp_xmit_probe_skb()
  sk.k.mib.inc('TcpExtTCPKeepAlive');
  tcpXmitProbeSkb(sk, sk.probesOut + 1);
  sk.probesOut += 1;
  sk.keepaliveProbes += 1;
  resetKeepaliveTimer(sk, keepaliveIntvlWhen(sk));
}

/** One string per probe number, shared by every event that shows it (as retransmissionLabel). */
const probeLabels: string[] = [];
function probeLabel(n: number): string {
  return (probeLabels[n] ??= `probe #${n}`);
}

/** tcp_init_xmit_timers(): the socket's timers, on its host's timer base. */
export function tcpInitXmitTimers(sk: TcpSock): void {
  const timers = sk.k.timers;
  sk.xmitTimer = new KernelTimer(timers, sk, tcpWriteTimerHandler, ssRowChanged);
  sk.keepaliveTimer = new KernelTimer(timers, sk, tcpKeepaliveTimer, ssRowChanged);
  sk.twTimer = new KernelTimer(timers, sk, twTimerHandler, ssRowChanged);
}

/** Every change of a timer can change the socket's `ss -o` row. */
function ssRowChanged(sk: TcpSock): void {
  if (sk.k.owns(sk)) sk.k.snapshot(sk);
}

/** tcp_write_timer_handler(): dispatch on icsk_pending. */
export function tcpWriteTimerHandler(sk: TcpSock): void {
  const pending = sk.pending;
  sk.pending = 'none';
  if (pending === 'rto') tcpRetransmitTimer(sk);
  else if (pending === 'tlp') {
    sk.pending = 'tlp';
    tcpSendLossProbe(sk);
  } else if (pending === 'synack') reqskTimerHandler(sk);
  else if (pending === 'probe0') tcpProbeTimer(sk);
}

/** tcp_probe_timer(): the persist timer fired (tcp/persist.ts). Give up, or send another probe. */
export function tcpProbeTimer(sk: TcpSock): void {
  if (sk.packetsOut > 0 || !sk.writeQueued) {
    sk.probesOut = 0;
    sk.probesTstampUs = -1;
    return;
  }
  const j = sk.k.jiffies;
  let userTimeoutSpent = false;
  if (sk.probesTstampUs < 0) {
    sk.probesTstampUs = sk.now;
  } else if (
    sk.userTimeoutMs &&
    j.at(sk.now) - j.at(sk.probesTstampUs) >= j.fromMs(sk.userTimeoutMs)
  ) {
    userTimeoutSpent = true;
  }
  let maxProbes = sk.k.sysctl.tcp_retries2;
  let orphanSpent = false;
  if (!userTimeoutSpent && sk.dead) {
    const alive = Math.min(sk.rto * 2 ** sk.backoff, j.rtoMax) < j.rtoMax;
    maxProbes = tcpOrphanRetries(sk, alive);
    orphanSpent = !alive && sk.backoff >= maxProbes;
  }
  if (userTimeoutSpent || orphanSpent || sk.probesOut >= maxProbes) {
    sk.k.record.events.timer(
      sk.now,
      sk.k.name,
      sk.conn,
      'persist',
      userTimeoutSpent
        ? 'abort: TCP_USER_TIMEOUT spent while the window stayed 0 (tcp_probe_timer)'
        : sk.sndWnd > 0
          ? `abort: ${sk.probesOut} persist probes unanswered (tcp_probe_timer)`
          : `abort: ${sk.probesOut} zero-window probes unanswered (tcp_probe_timer)`,
    );
    tcpWriteErr(sk, userTimeoutSpent ? 'user-timeout' : sk.dead ? 'orphan' : 'retransmission');
    return;
  }
  tcpSendProbe0(sk);
}

/** tw_timer_handler(): TIME_WAIT is over, or an orphan's FIN_WAIT2 lasted tcp_fin_timeout. */
export function twTimerHandler(sk: TcpSock): void {
  sk.k.record.events.timer(
    sk.now,
    sk.k.name,
    sk.conn,
    sk.state === 'TIME_WAIT' ? 'time-wait' : 'fin-wait2',
  );
  tcpDone(sk, sk.cause ?? 'close');
}

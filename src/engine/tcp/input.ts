/** Receiving segments (net/ipv4/tcp_input.c, tcp_ipv4.c, tcp_minisocks.c). */
import type { Frame, Skb } from '../frame.ts';
import { tcpDone, tcpDoneWithError, tcpReset } from './done.ts';
import {
  tcpClearXmitTimer,
  tcpResetXmitTimer,
  tcpRetransmitSkb,
  tcpSendAck,
  tcpSendSynAck,
  tcpSetXmitTimer,
  tcpWriteXmit,
} from './output.ts';
import { tcpAckProbe } from './persist.ts';
import { tcpAckUpdateRtt, tcpSetRto } from './rtt.ts';
import { tcpDataQueueOfo, tcpOfoQueue, tcpSacktagWriteQueue } from './sack.ts';
import type { TcpSock } from './sock.ts';
import { MSS } from './window.ts';
import { keepaliveTimeWhen, resetKeepaliveTimer, tcpRetransmitTimer } from './timers.ts';

/** TCP_TIMEWAIT_LEN: 60 s. */
const TIMEWAIT_S = 60;
/** sysctl_tcp_invalid_ratelimit: 500 ms between out-of-window duplicate ACKs. */
const OOW_RATELIMIT_US = 500_000;

/** tcp_finish_connect() / tcp_create_openreq_child(): ESTABLISHED; keepalive armed if already on. */
function tcpEstablished(sk: TcpSock): void {
  if (sk.state === 'SYN_RECV') sk.k.mib.inc('TcpPassiveOpens'); // tcp_create_openreq_child()
  sk.setState('ESTABLISHED');
  sk.retransmits = 0;
  sk.backoff = 0;
  sk.totalRto = 0;
  sk.retransStampUs = -1;
  sk.lrcvtimeUs = sk.now;
  sk.rcvTstampUs = sk.now;
  if (sk.keepaliveOn) resetKeepaliveTimer(sk, keepaliveTimeWhen(sk));
  sk.app?.kernelConnected();
  tcpWriteXmit(sk);
}

/** tcp_rcv_synsent_state_process(): our SYN was answered. */
function tcpRcvSynsentStateProcess(sk: TcpSock, f: Frame): void {
  if (f.ackFlag && f.ack !== sk.iss + 1) {
    if (!f.rst) sk.k.sendReset(f);
    return;
  }
  if (f.rst) {
    if (f.ackFlag) tcpReset(sk);
    return;
  }
  if (!f.syn || !f.ackFlag) return;
  const syn = sk.skbs.at(0);
  sk.irs = f.seq;
  sk.rcvNxt = f.seq + 1;
  sk.sndUna = f.ack;
  sk.sndWnd = f.win;
  sk.dstPendingConfirm = true; // tcp_ack() on the SYN-ACK: forward progress
  sk.skbs.shift();
  sk.sendHead = 0;
  tcpClearXmitTimer(sk);
  // With timestamps every handshake yields an RTT sample (tcp_ack_update_rtt() via TSecr).
  if (syn) tcpAckUpdateRtt(sk, sk.now - syn.lastXmitUs);
  else tcpSetRto(sk);
  tcpSendAck(sk);
  tcpEstablished(sk);
}

/** tcp_check_req() for a request socket (SYN_RECV). */
function tcpCheckReq(sk: TcpSock, f: Frame): boolean {
  if (f.rst) {
    tcpDone(sk, 'reset');
    return false;
  }
  if (f.syn && !f.ackFlag) {
    // A retransmitted SYN: answer with the SYN-ACK again (inet_rtx_syn_ack()).
    tcpSendSynAck(sk);
    return false;
  }
  if (!f.ackFlag) return false;
  if (f.ack !== sk.iss + 1) {
    sk.k.sendReset(f);
    return false;
  }
  sk.sndUna = f.ack;
  sk.sndWnd = f.win;
  sk.dstPendingConfirm = true; // tcp_ack() on the handshake's ACK: forward progress
  sk.skbs.clear();
  sk.sendHead = 0;
  tcpClearXmitTimer(sk);
  // tcp_synack_rtt_meas(): the SYN-ACK's round trip.
  tcpAckUpdateRtt(sk, sk.now - sk.synackSentUs);
  tcpEstablished(sk);
  return true;
}

/** tcp_ack(): process the acknowledgement field. */
function tcpAck(sk: TcpSock, f: Frame): void {
  if (f.ack > sk.sndNxt) return; // acks something not yet sent
  if (f.ack < sk.sndUna) return; // old ack: tcp_ack() "goto old_ack", no timestamps updated
  // Something worked: forget soft errors, reset the keepalive probe count (tcp_ack()).
  sk.errSoft = undefined;
  sk.probesOut = 0;
  sk.rcvTstampUs = sk.now;
  if (f.sack) tcpSacktagWriteQueue(sk, f.sack);
  // tcp_ack_update_window(), simplified: the cable never reorders, so the latest ACK's window is current.
  sk.sndWnd = f.win;
  // sk_dst_confirm() on forward progress or a pure duplicate ACK: the peer is reachable.
  if (f.ack > sk.sndUna || (f.len === 0 && !f.fin)) sk.dstPendingConfirm = true;
  if (f.ack === sk.sndUna) {
    // An ACK while a probe is pending re-arms the timer (FLAG_SET_XMIT_TIMER); with data
    // SACKed the connection is no longer in CA_Open, so that arms the RTO instead.
    if (sk.pending === 'tlp' && sk.sackedOut > 0) tcpSetXmitTimer(sk);
    // Nothing in flight: the no_queue path. A probe's answer re-arms the persist timer, or an
    // opened window lets the queued data go (tcp_ack_probe(), tcp_data_snd_check()).
    if (sk.packetsOut === 0 && sk.writeQueued) {
      tcpAckProbe(sk);
      tcpWriteXmit(sk);
    }
    // The row ss shows: a keepalive probe's answer set icsk_probes_out back to 0.
    sk.k.snapshot(sk);
    return;
  }
  sk.retransmits = 0;
  // tcp_clean_rtx_queue(): drop what is acknowledged, sample the RTT from the newest of it.
  let lastAcked: Skb | undefined;
  let finAcked = false;
  while (sk.skbs.length > 0 && sk.sendHead > 0 && sk.skbs.at(0)!.endSeq <= f.ack) {
    const skb = sk.skbs.shift()!;
    sk.sendHead -= 1;
    sk.sendQ -= skb.len;
    if (skb.sacked) sk.sackedOut -= 1;
    lastAcked = skb;
    if (skb.fin) finAcked = true;
  }
  sk.sndUna = f.ack;
  if (lastAcked && lastAcked.lastXmitUs >= 0) tcpAckUpdateRtt(sk, sk.now - lastAcked.lastXmitUs);
  if (sk.tlpHighSeq >= 0 && sk.sndUna >= sk.tlpHighSeq) sk.tlpHighSeq = -1;
  if (sk.caState === 'loss') {
    if (sk.sndUna >= sk.highSeq) {
      sk.caState = 'open';
    } else {
      // Loss recovery: re-send what the RTO marked lost, now that the path answers.
      for (let i = 0; i < sk.sendHead; i++) {
        const skb = sk.skbs.at(i)!;
        if (skb.lost && tcpRetransmitSkb(sk, skb, 'retransmission')) skb.lost = false;
      }
    }
  }
  if (sk.packetsOut === 0 || sk.caState === 'open') sk.retransStampUs = -1;
  if (sk.packetsOut > 0) tcpSetXmitTimer(sk);
  else tcpClearXmitTimer(sk);
  if (finAcked) tcpOurFinAcked(sk);
  // tcp_data_snd_check(): the ACK may have opened the window for queued data.
  if (sk.state !== 'CLOSED' && sk.state !== 'TIME_WAIT') tcpWriteXmit(sk);
  sk.k.snapshot(sk);
}

/** State changes when our FIN is acknowledged (tcp_rcv_state_process()). */
function tcpOurFinAcked(sk: TcpSock): void {
  switch (sk.state) {
    case 'FIN_WAIT1':
      sk.setState('FIN_WAIT2');
      if (sk.dead) sk.twTimer.mod(sk.k.jiffies.fromSeconds(sk.k.sysctl.tcp_fin_timeout));
      break;
    case 'CLOSING':
      tcpTimeWait(sk);
      break;
    case 'LAST_ACK':
      tcpDone(sk, sk.cause ?? 'close');
      break;
    default:
  }
}

/** tcp_time_wait(): linger 60 s to absorb a retransmitted FIN. */
function tcpTimeWait(sk: TcpSock): void {
  sk.xmitTimer.del();
  sk.keepaliveTimer.del();
  sk.setState('TIME_WAIT');
  sk.k.mib.inc('TcpExtTW'); // __inet_twsk_schedule(): LINUX_MIB_TIMEWAITED
  sk.twTimer.mod(sk.k.jiffies.fromSeconds(TIMEWAIT_S));
}

/** tcp_fin(): the peer closed its direction. */
function tcpFin(sk: TcpSock): void {
  switch (sk.state) {
    case 'SYN_RECV':
    case 'ESTABLISHED':
      sk.setState('CLOSE_WAIT');
      sk.app?.kernelEof();
      break;
    case 'FIN_WAIT1':
      sk.setState('CLOSING');
      break;
    case 'FIN_WAIT2':
      tcpTimeWait(sk);
      break;
    default:
  }
}

/** tcp_timewait_state_process(): re-ACK a retransmitted FIN; an RST ends TIME_WAIT. */
function tcpTimewaitStateProcess(sk: TcpSock, f: Frame): void {
  if (f.rst) {
    tcpDone(sk, sk.cause);
    return;
  }
  if (f.fin) tcpSendAck(sk);
}

/**
 * tcp_cleanup_rbuf(): after the application read, announce a window that has at least doubled
 * (and was at most half open) at once, rather than waiting for the next segment to ACK.
 */
export function tcpCleanupRbuf(sk: TcpSock): void {
  if (sk.state !== 'ESTABLISHED' && sk.state !== 'FIN_WAIT1' && sk.state !== 'FIN_WAIT2') return;
  const now = Math.max(0, sk.rcvWndEnd - sk.rcvNxt);
  if (2 * now > sk.rcvSpace) return;
  const free = Math.max(0, sk.rcvSpace - sk.rcvQueue);
  const next = free - (free % MSS);
  if (next > 0 && next >= 2 * now) tcpSendAck(sk);
}

/** How the record labels the duplicate ACK that answers an out-of-window segment. */
function probeAnswerRole(role: Frame['role']): 'keepalive-ack' | 'window-probe-ack' | 'ack' {
  if (role === 'keepalive') return 'keepalive-ack';
  if (role === 'window-probe') return 'window-probe-ack';
  return 'ack';
}

/** tcp_rcv_state_process() / tcp_rcv_established(): one segment for an existing socket. */
export function tcpRcvStateProcess(sk: TcpSock, f: Frame): void {
  if (sk.state === 'SYN_SENT') {
    tcpRcvSynsentStateProcess(sk, f);
    return;
  }
  if (sk.state === 'SYN_RECV') {
    if (!tcpCheckReq(sk, f)) return;
    if (f.len === 0 && !f.fin) return;
  }
  if (sk.state === 'TIME_WAIT') {
    tcpTimewaitStateProcess(sk, f);
    return;
  }
  const endSeq = f.seq + f.len + (f.fin ? 1 : 0);
  // tcp_validate_incoming() → tcp_sequence(): reject segments entirely before the window.
  if (endSeq < sk.rcvNxt) {
    if (!f.rst) {
      // tcp_send_dupack(), rate limited for pure ACKs (tcp_oow_rate_limited()).
      const pure = f.len === 0 && !f.fin;
      if (!pure || sk.now - sk.lastOowAckUs >= OOW_RATELIMIT_US) {
        if (pure) sk.lastOowAckUs = sk.now;
        // The label is the recorder's: the kernel answers any out-of-window segment alike.
        tcpSendAck(sk, probeAnswerRole(f.role));
      }
    }
    return;
  }
  if (f.rst) {
    // RFC 5961: only an exact match resets; anything else in the window draws a challenge ACK.
    if (f.seq === sk.rcvNxt) tcpReset(sk);
    else tcpSendAck(sk);
    return;
  }
  if (f.syn) {
    tcpSendAck(sk); // tcp_send_challenge_ack()
    return;
  }
  if (f.ackFlag) tcpAck(sk, f);
  if (sk.state === 'CLOSED') return;
  tcpDataQueue(sk, f);
}

/**
 * tcp_data_queue() and tcp_fin(): deliver in-order data, then whatever held out-of-order data it
 * completes; keep data beyond a hole; ACK at once (no delayed ACK in this model), with SACK
 * blocks while data is held.
 */
function tcpDataQueue(sk: TcpSock, f: Frame): void {
  if (f.len === 0 && !f.fin) return;
  const newBytes = f.seq + f.len - sk.rcvNxt;
  // Data for a socket whose application has closed it: "RFC 1122 says we MUST send a reset".
  if (
    newBytes > 0 &&
    f.len > 0 &&
    sk.dead &&
    (sk.state === 'FIN_WAIT1' ||
      sk.state === 'FIN_WAIT2' ||
      sk.state === 'CLOSING' ||
      sk.state === 'LAST_ACK')
  ) {
    sk.k.sendReset(f);
    tcpDone(sk, sk.cause ?? 'close');
    return;
  }
  if (f.seq > sk.rcvNxt) {
    tcpDataQueueOfo(sk, f);
    tcpSendAck(sk); // a duplicate ACK, with the SACK blocks
    return;
  }
  if (
    tcpQueueRcv(
      sk,
      newBytes,
      f.text,
      f.partial,
      f.fin && f.seq + f.len === sk.rcvNxt + Math.max(newBytes, 0),
    )
  )
    return;
  let finished = false;
  tcpOfoQueue(sk, (seg, bytes) => {
    if (!finished) finished = tcpQueueRcv(sk, bytes, seg.text, seg.partial, seg.fin);
  });
  if (!finished) tcpSendAck(sk);
}

/**
 * Take `newBytes` of in-order data (and the FIN after them, if `fin`). Returns true when the
 * FIN ended the receive side (it has sent its ACK), or the socket closed.
 */
function tcpQueueRcv(
  sk: TcpSock,
  newBytes: number,
  text: string | undefined,
  partial: boolean,
  fin: boolean,
): boolean {
  if (newBytes > 0) {
    sk.rcvNxt += newBytes;
    sk.lrcvtimeUs = sk.now;
    sk.rcvQueue += newBytes;
    sk.k.snapshot(sk);
    sk.app?.kernelData(text, newBytes, partial);
    if (sk.state === 'CLOSED') return true;
  }
  if (fin) {
    sk.rcvNxt += 1;
    sk.lrcvtimeUs = sk.now;
    sk.ofo = [];
    tcpSendAck(sk);
    tcpFin(sk);
    return true;
  }
  return false;
}

/**
 * tcp_v4_err(): a local ICMP host-unreachable for one of our segments (the next hop could not
 * be resolved). Fatal during the handshake; otherwise a soft error, plus RFC 6069 backoff revert.
 */
export function tcpV4Err(sk: TcpSock, f: Frame): void {
  if (sk.state === 'SYN_SENT' || sk.state === 'SYN_RECV') {
    if (sk.state === 'SYN_RECV') {
      tcpDone(sk, 'neighbour');
      return;
    }
    sk.k.record.events.note(
      sk.now,
      sk.k.name,
      sk.conn,
      'ICMP host unreachable (ARP failed) during connect()',
    );
    tcpDoneWithError(sk, 'EHOSTUNREACH', 'neighbour');
    return;
  }
  // Keepalive and zero-window probes (seq = snd_una − 1) fail this check and are ignored.
  if (f.seq < sk.sndUna || f.seq > sk.sndNxt) return;
  tcpLdRtoRevert(sk, f.seq);
  if (sk.state !== 'CLOSED') sk.errSoft = 'EHOSTUNREACH';
}

/** tcp_ld_RTO_revert(): undo one backoff step per ICMP; retransmit at once if that RTO has passed. */
function tcpLdRtoRevert(sk: TcpSock, seq: number): void {
  if (seq !== sk.sndUna || sk.retransmits === 0 || sk.backoff === 0) return;
  const head = sk.skbs.at(0);
  if (!head) return;
  const j = sk.k.jiffies;
  sk.backoff -= 1;
  tcpSetRto(sk);
  sk.rto = Math.min(sk.rto * 2 ** sk.backoff, j.rtoMax);
  const remaining = sk.rto - j.fromUs(sk.now - head.lastXmitUs);
  if (remaining > 0) {
    tcpResetXmitTimer(sk, 'rto', remaining);
  } else {
    tcpRetransmitTimer(sk);
  }
}

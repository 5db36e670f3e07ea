/** Sending segments and arming the retransmission timer (net/ipv4/tcp_output.c, tcp_input.c). */
import type { Skb } from '../frame.ts';
import { ACK, FIN, RST, SYN } from '../frame.ts';
import { Frame } from '../frame.ts';
import type { SegmentRole } from '../types.ts';
import { RTO_MIN_US } from './rtt.ts';
import { tcpSackBlocks } from './sack.ts';
import type { TcpSock } from './sock.ts';
import { MSS } from './window.ts';

/** A sequence number as it appears on the wire: modulo 2^32 (ToUint32). */
const mod32 = (n: number): number => n >>> 0;

/** TCP_TIMEOUT_MIN_US: 2 ms. */
const TIMEOUT_MIN_US = 2000;

/** A segment a socket sends: its flags and sequence number, and what the record says it is. */
export interface Emit {
  seq: number;
  /** SYN | FIN | RST | ACK (frame.ts); the caller sets ACK (every segment but the first SYN has it). */
  flags: number;
  role: SegmentRole;
  len?: number;
  text?: string;
  partial?: boolean;
  /** The n-th retransmission, or the n-th keepalive probe. */
  retransmission?: number;
  probe?: number;
  /** The queued segment this is a copy of. */
  skb?: Skb;
}

/** Build the frame for `seg` from `sk`, record it, and hand it to the host's IP layer. */
export function emit(sk: TcpSock, seg: Emit): Frame {
  const k = sk.k;
  // sock_confirm_neigh(): an ACK since the last send showed the peer is there.
  if (sk.dstPendingConfirm) {
    sk.dstPendingConfirm = false;
    k.confirmNeighbour();
  }
  const ackFlag = (seg.flags & ACK) !== 0;
  const ack = ackFlag ? sk.rcvNxt : 0;
  const len = seg.len ?? 0;
  const frame = new Frame({
    conn: sk.conn,
    from: k.name,
    to: sk.peer,
    sport: sk.lport,
    dport: sk.rport,
    seq: seg.seq,
    ack,
    flags: seg.flags,
    len,
    text: seg.text,
    partial: seg.partial,
    sack: ackFlag ? tcpSackBlocks(sk) : undefined,
    win: tcpSelectWindow(sk),
    role: seg.role,
    relSeq: mod32(seg.seq - sk.iss),
    relAck: ackFlag ? mod32(ack - sk.irs) : 0,
    retransmission: seg.retransmission,
    probe: seg.probe,
    skb: seg.skb,
  });
  k.record.segments.add(k.now, frame);
  k.transmit(frame);
  return frame;
}

/** __tcp_transmit_skb() of a queued segment (first send or retransmission). */
export function tcpTransmitSkb(
  sk: TcpSock,
  skb: Skb,
  role: SegmentRole,
  retransmission?: number,
): void {
  skb.lastXmitUs = sk.now;
  const flags =
    (skb.syn ? SYN : 0) | (skb.fin ? FIN : 0) | (skb.syn && sk.state === 'SYN_SENT' ? 0 : ACK);
  emit(sk, {
    seq: skb.seq,
    flags,
    len: skb.len,
    text: skb.text,
    partial: skb.partial,
    role,
    retransmission,
    skb,
  });
}

/**
 * __tcp_retransmit_skb(): re-send a segment unless a copy is still waiting in the host
 * (skb_still_in_host_queue() → -EBUSY). Returns whether it went out.
 */
export function tcpRetransmitSkb(
  sk: TcpSock,
  skb: Skb,
  role: SegmentRole,
  retransmission?: number,
): boolean {
  if (!sk.k.hasRoute(sk)) {
    // inet_sk_rebuild_header(): the route lookup fails before anything is built; its error
    // becomes the soft error (ENETUNREACH) the abort will report. Not counted as a retransmission.
    sk.errSoft = 'ENETUNREACH';
    sk.k.record.events.note(
      sk.now,
      sk.k.name,
      sk.conn,
      'retransmission not sent: no route (inet_sk_rebuild_header: ENETUNREACH)',
    );
    return false;
  }
  if (skb.inHostQueue) {
    sk.k.record.events.note(
      sk.now,
      sk.k.name,
      sk.conn,
      'retransmission not sent: the previous copy is still waiting for ARP (skb_still_in_host_queue)',
    );
    return false;
  }
  sk.k.mib.inc('TcpRetransSegs');
  if (skb.syn) sk.k.mib.inc('TcpExtTCPSynRetrans');
  tcpTransmitSkb(sk, skb, role, retransmission);
  return true;
}

/** tcp_v4_send_synack() (and inet_rtx_syn_ack()): the SYN-ACK of a request socket. */
export function tcpSendSynAck(sk: TcpSock): void {
  sk.synackSentUs = sk.now;
  emit(sk, { seq: sk.iss, flags: SYN | ACK, role: 'syn-ack' });
}

/** tcp_send_ack(): a pure ACK for what we have received. */
export function tcpSendAck(sk: TcpSock, role: SegmentRole = 'ack'): void {
  emit(sk, { seq: sk.sndNxt, flags: ACK, role });
}

/** tcp_send_active_reset(): RST|ACK from a socket that gives up (keepalive, close with unread data). */
export function tcpSendActiveReset(sk: TcpSock): void {
  sk.k.mib.inc('TcpOutRsts');
  emit(sk, { seq: sk.sndNxt, flags: RST | ACK, role: 'rst' });
}

/** tcp_xmit_probe_skb(): zero-length ACK with seq = snd_una − 1 ("should cause the other end to send an ack"). */
export function tcpXmitProbeSkb(sk: TcpSock, probe: number): void {
  emit(sk, { seq: sk.sndUna - 1, flags: ACK, role: 'keepalive', probe });
}

/** tcp_rto_delta_us(): time left until the RTO would fire for the head segment. */
export function tcpRtoDeltaUs(sk: TcpSock): number {
  const head = sk.skbs.at(0);
  if (!head) return 0;
  return head.lastXmitUs + sk.k.jiffies.toUs(sk.rto) - sk.now;
}

/** inet_csk_reset_xmit_timer(): arm the retransmission timer `when` jiffies from now (≤ TCP_RTO_MAX). */
export function tcpResetXmitTimer(
  sk: TcpSock,
  pending: 'rto' | 'tlp' | 'synack' | 'probe0',
  whenJ: number,
): void {
  const j = sk.k.jiffies;
  sk.pending = pending;
  sk.xmitTimer.mod(Math.min(whenJ, j.rtoMax));
}

export function tcpClearXmitTimer(sk: TcpSock): void {
  sk.pending = 'none';
  sk.xmitTimer.del();
}

/** tcp_rearm_rto(): restart the RTO, offset by the time already elapsed when a TLP was pending. */
export function tcpRearmRto(sk: TcpSock): void {
  if (sk.packetsOut === 0) {
    if (sk.pending === 'rto' || sk.pending === 'tlp') tcpClearXmitTimer(sk);
    return;
  }
  let rto = sk.rto;
  if (sk.pending === 'tlp') {
    rto = sk.k.jiffies.fromUs(Math.max(tcpRtoDeltaUs(sk), 1));
  }
  tcpResetXmitTimer(sk, 'rto', rto);
}

/**
 * tcp_schedule_loss_probe(): arm the tail loss probe, PTO = 2·srtt + rto_min with one segment
 * out (2·srtt + 2 ms with more), never later than the RTO. Returns false if TLP does not apply.
 */
export function tcpScheduleLossProbe(sk: TcpSock, advanced: boolean): boolean {
  const early = sk.k.sysctl.tcp_early_retrans;
  if ((early !== 3 && early !== 4) || sk.packetsOut === 0 || sk.caState !== 'open') return false;
  if (sk.state === 'SYN_SENT' || sk.state === 'SYN_RECV') return false;
  // SACKed data in flight: the kernel has left CA_Open (CA_Disorder), and probes only in Open.
  if (sk.sackedOut > 0) return false;
  let timeout: number;
  if (sk.srtt8) {
    timeout = (sk.srtt8 >> 2) + (sk.packetsOut === 1 ? RTO_MIN_US : TIMEOUT_MIN_US);
  } else {
    timeout = 1_000_000; // TCP_TIMEOUT_INIT
  }
  const j = sk.k.jiffies;
  const rtoDelta = advanced ? j.toUs(sk.rto) : tcpRtoDeltaUs(sk);
  if (rtoDelta > 0) timeout = Math.min(timeout, rtoDelta);
  tcpResetXmitTimer(sk, 'tlp', j.fromUs(timeout));
  return true;
}

/** tcp_set_xmit_timer(): after an ACK, a TLP if possible, else the RTO. */
export function tcpSetXmitTimer(sk: TcpSock): void {
  if (!tcpScheduleLossProbe(sk, true)) tcpRearmRto(sk);
}

/** tcp_probe0_base(): the current RTO, at least TCP_RTO_MIN. Jiffies. */
export function tcpProbe0Base(sk: TcpSock): number {
  return Math.max(sk.rto, sk.k.jiffies.rtoMin);
}

/** tcp_check_probe_timer(): nothing in flight, data waiting for window: start the persist timer (tcp/persist.ts). */
function tcpCheckProbeTimer(sk: TcpSock): void {
  if (sk.packetsOut === 0 && sk.pending === 'none') {
    tcpResetXmitTimer(sk, 'probe0', tcpProbe0Base(sk));
  }
}

/**
 * tcp_write_xmit(): send queued segments the peer's window admits. In the Loss state the
 * congestion window is one segment, so nothing new goes out until the loss is repaired.
 */
export function tcpWriteXmit(sk: TcpSock): void {
  if (sk.state === 'SYN_SENT' || sk.state === 'SYN_RECV' || sk.state === 'CLOSED') return;
  if (sk.caState === 'loss' && sk.packetsOut > 0) return;
  const priorPackets = sk.packetsOut;
  let sent = 0;
  while (sk.sendHead < sk.skbs.length) {
    const skb = sk.skbs.at(sk.sendHead)!;
    if (!tcpSndWndTest(sk, skb)) {
      if (sent === 0) tcpCheckProbeTimer(sk);
      break;
    }
    if (!sk.k.hasRoute(sk)) {
      // ip_queue_xmit() found no route (IpOutNoRoutes, -EHOSTUNREACH): the segment stays
      // unsent; with nothing in flight, tcp_push_pending_frames() starts the persist timer.
      sk.k.mib.inc('IpOutNoRoutes');
      sk.k.record.events.note(
        sk.now,
        sk.k.name,
        sk.conn,
        'send failed inside the stack: no route (IpOutNoRoutes)',
      );
      if (sent === 0) tcpCheckProbeTimer(sk);
      break;
    }
    sk.sendHead += 1;
    sk.sndNxt = skb.endSeq;
    tcpTransmitSkb(sk, skb, skb.fin && skb.len === 0 ? 'fin' : 'data');
    sent += 1;
  }
  if (sent === 0) return;
  // tcp_event_new_data_sent() re-arms the RTO, then tcp_schedule_loss_probe() re-arms the same
  // timer for a probe when one applies: arming the probe alone leaves the timer as both would.
  if (!tcpScheduleLossProbe(sk, false) && (priorPackets === 0 || sk.pending === 'tlp'))
    tcpRearmRto(sk);
  sk.k.snapshot(sk);
}

/** Queue application bytes as segments of at most one MSS. */
export function tcpQueueData(sk: TcpSock, bytes: number, text: string | undefined): void {
  let left = bytes;
  while (left > 0) {
    const len = Math.min(MSS, left);
    left -= len;
    const skb: Skb = {
      seq: sk.writeSeq,
      len,
      syn: false,
      fin: false,
      endSeq: sk.writeSeq + len,
      text: left === 0 ? text : undefined,
      partial: left > 0 && text !== undefined,
      lastXmitUs: -1,
      inHostQueue: false,
      lost: false,
      sacked: false,
    };
    sk.writeSeq += len;
    sk.sendQ += len;
    sk.skbs.push(skb);
  }
}

/** tcp_send_fin(): queue a FIN behind any unsent data. */
export function tcpQueueFin(sk: TcpSock): void {
  sk.skbs.push({
    seq: sk.writeSeq,
    len: 0,
    syn: false,
    fin: true,
    endSeq: sk.writeSeq + 1,
    text: undefined,
    partial: false,
    lastXmitUs: -1,
    inHostQueue: false,
    lost: false,
    sacked: false,
  });
  sk.writeSeq += 1;
}

/**
 * tcp_select_window(): the window to put in an outgoing segment. Free space rounded down to
 * whole segments (less than one MSS advertises 0), but never less than what was already
 * offered: the right edge does not move left.
 */
export function tcpSelectWindow(sk: TcpSock): number {
  const free = Math.max(0, sk.rcvSpace - sk.rcvQueue);
  const offered = Math.max(0, sk.rcvWndEnd - sk.rcvNxt);
  const win = Math.max(free - (free % MSS), offered);
  sk.rcvWndEnd = sk.rcvNxt + win;
  return win;
}

/** tcp_wnd_end(): the first sequence number the peer's window does not admit. */
export function tcpWndEnd(sk: TcpSock): number {
  return sk.sndUna + sk.sndWnd;
}

/** tcp_snd_wnd_test(): does the whole segment fit in the peer's window? */
export function tcpSndWndTest(sk: TcpSock, skb: Skb): boolean {
  return skb.endSeq <= tcpWndEnd(sk);
}

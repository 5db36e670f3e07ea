/**
 * Out-of-order data and SACK (net/ipv4/tcp_input.c). The receiver keeps segments that arrive
 * beyond a hole (tcp_data_queue_ofo()), reports them in SACK blocks on its ACKs
 * (tcp_sack_new_ofo_skb(), tcp_build_sack()), and delivers them once the hole is filled
 * (tcp_ofo_queue()). The sender marks what the blocks cover (tcp_sacktag_write_queue()) and
 * never retransmits it.
 */
import type { Frame } from '../frame.ts';
import type { OfoSegment, TcpSock } from './sock.ts';

/** SACK blocks fitting beside the timestamp option (TCP_NUM_SACKS is 4; the option space leaves 3). */
const MAX_SACK_BLOCKS = 3;

/** tcp_data_queue_ofo(): keep a segment that arrived beyond rcv_nxt (a duplicate is dropped). */
export function tcpDataQueueOfo(sk: TcpSock, f: Frame): void {
  const endSeq = f.seq + f.len + (f.fin ? 1 : 0);
  const q = sk.ofo;
  let i = q.length;
  while (i > 0 && q[i - 1]!.seq > f.seq) i -= 1;
  const before = q[i - 1];
  if (before && before.seq <= f.seq && before.endSeq >= endSeq) {
    before.arrival = ++sk.ofoArrivals; // already held: still the newest news for the SACK
    return;
  }
  q.splice(i, 0, {
    seq: f.seq,
    endSeq,
    len: f.len,
    fin: f.fin,
    text: f.text,
    partial: f.partial,
    arrival: ++sk.ofoArrivals,
  });
}

/**
 * tcp_ofo_queue(): take the held segments that now follow rcv_nxt, in order; `deliver` is
 * called for each with its new bytes (a segment partly delivered already gives only the rest).
 */
export function tcpOfoQueue(
  sk: TcpSock,
  deliver: (seg: OfoSegment, newBytes: number) => void,
): void {
  const q = sk.ofo;
  while (q.length > 0 && q[0]!.seq <= sk.rcvNxt) {
    const seg = q.shift()!;
    if (seg.endSeq <= sk.rcvNxt) continue;
    deliver(seg, seg.seq + seg.len - sk.rcvNxt);
  }
}

/** tcp_build_sack(): the blocks of held data, the newest first, at most three. */
export function tcpSackBlocks(sk: TcpSock): number[] | undefined {
  const q = sk.ofo;
  if (q.length === 0) return undefined;
  const blocks: { start: number; end: number; newest: number }[] = [];
  for (const seg of q) {
    const last = blocks.at(-1);
    if (last && seg.seq <= last.end) {
      last.end = Math.max(last.end, seg.endSeq);
      last.newest = Math.max(last.newest, seg.arrival);
    } else {
      blocks.push({ start: seg.seq, end: seg.endSeq, newest: seg.arrival });
    }
  }
  blocks.sort((a, b) => b.newest - a.newest);
  return blocks.slice(0, MAX_SACK_BLOCKS).flatMap((b) => [b.start, b.end]);
}

/** tcp_sacktag_write_queue(): mark the segments the peer's SACK blocks cover; ignore blocks outside (snd_una, snd_nxt]. */
export function tcpSacktagWriteQueue(sk: TcpSock, sack: readonly number[]): void {
  for (let b = 0; b < sack.length; b += 2) {
    const start = sack[b]!;
    const end = sack[b + 1]!;
    if (end <= sk.sndUna || end > sk.sndNxt || start >= end) continue; // D-SACK or bogus
    for (let i = 0; i < sk.sendHead; i++) {
      const skb = sk.skbs.at(i)!;
      if (skb.seq >= end) break;
      if (skb.seq >= start && skb.endSeq <= end && !skb.sacked) {
        skb.sacked = true;
        skb.lost = false;
        sk.sackedOut += 1;
      }
    }
  }
}

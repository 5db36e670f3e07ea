/** A TCP segment on its way through a host's IP layer and the cable. */
import type { HostName, SegmentRole } from './types.ts';

export interface Skb {
  /** First sequence number (unwrapped: ISN + offset, never reduced mod 2^32 internally). */
  seq: number;
  /** Payload bytes. */
  len: number;
  syn: boolean;
  fin: boolean;
  /** seq + len + SYN + FIN. */
  endSeq: number;
  /** The application message that ends in this segment, if any (read when it arrives in order). */
  text: string | undefined;
  /** A non-final piece of a text message: its bytes are read with the piece that ends it. */
  partial: boolean;
  /** Last (re)transmission attempt, µs; -1 before the first. */
  lastXmitUs: number;
  /** A copy still waits in the neighbour (ARP) queue: the kernel will not clone it again. */
  inHostQueue: boolean;
  /** Marked lost when the retransmission timer fired (tcp_enter_loss). */
  lost: boolean;
  /** The receiver has it, out of order (TCPCB_SACKED_ACKED): never retransmitted. */
  sacked: boolean;
}

/** TCP flag bits, as the record keeps them. */
export const SYN = 1;
export const FIN = 2;
export const RST = 4;
export const ACK = 8;

/**
 * What a host puts on the wire: a segment's header fields, its payload, and what its record
 * says of it beyond them (RunResult.segments records a segment from its frame).
 */
export interface FrameFields {
  /** The lab connection it belongs to (-1: none, e.g. a reset for an unknown tuple). */
  conn: number;
  from: HostName;
  to: HostName;
  sport: number;
  dport: number;
  seq: number;
  ack: number;
  /** SYN | FIN | RST | ACK bits. */
  flags: number;
  len: number;
  text?: string;
  partial?: boolean;
  /** SACK blocks: [start, end) pairs of the peer's sequence numbers, most recent first. */
  sack?: readonly number[];
  /** Its role in the record (a probe's answer is labelled after it). */
  role: SegmentRole;
  /** Sequence and acknowledgement numbers relative to the ISNs, as the record shows them. */
  relSeq: number;
  relAck: number;
  /** The n-th retransmission, or the n-th keepalive or window probe (not both). */
  retransmission?: number;
  probe?: number;
  /** The sending socket's segment, when the frame carries one (for the ARP queue and ICMP). */
  skb?: Skb;
  /** The receive window the sender advertises, bytes (tcp_select_window()); 0 for an RST. */
  win?: number;
}

/** A segment on the wire. */
export class Frame {
  declare readonly conn: number;
  declare readonly from: HostName;
  declare readonly to: HostName;
  declare readonly sport: number;
  declare readonly dport: number;
  declare readonly seq: number;
  declare readonly ack: number;
  /** SYN | FIN | RST | ACK bits, and each bit on its own. */
  declare readonly flags: number;
  declare readonly syn: boolean;
  declare readonly ackFlag: boolean;
  declare readonly fin: boolean;
  declare readonly rst: boolean;
  declare readonly len: number;
  declare readonly text: string | undefined;
  declare readonly partial: boolean;
  declare readonly sack: readonly number[] | undefined;
  /** Its id in the record, given when it is recorded (SegmentTable.add). */
  segment = -1;
  declare readonly role: SegmentRole;
  declare readonly relSeq: number;
  declare readonly relAck: number;
  declare readonly retransmission: number | undefined;
  declare readonly probe: number | undefined;
  declare readonly skb: Skb | undefined;
  declare readonly win: number;
  /** The cable's cut counter when the frame went on the wire. */
  epoch = 0;

  constructor(f: FrameFields) {
    this.conn = f.conn;
    this.from = f.from;
    this.to = f.to;
    this.sport = f.sport;
    this.dport = f.dport;
    this.seq = f.seq;
    this.ack = f.ack;
    this.flags = f.flags;
    this.syn = (f.flags & SYN) !== 0;
    this.ackFlag = (f.flags & ACK) !== 0;
    this.fin = (f.flags & FIN) !== 0;
    this.rst = (f.flags & RST) !== 0;
    this.len = f.len;
    this.text = f.text;
    this.partial = f.partial ?? false;
    this.sack = f.sack;
    this.role = f.role;
    this.relSeq = f.relSeq;
    this.relAck = f.relAck;
    this.retransmission = f.retransmission;
    this.probe = f.probe;
    this.skb = f.skb;
    this.win = f.win ?? 0;
  }
}

/** tcpdump's flag column for every combination of flags (index: flag bits, +16 with payload). */
const FLAG_NAMES: string[] = [];
for (let i = 0; i < 32; i++) {
  const ackFlag = (i & ACK) !== 0;
  let name: string;
  if (i & RST) name = ackFlag ? 'R.' : 'R';
  else if (i & SYN) name = ackFlag ? 'S.' : 'S';
  else name = (i & FIN ? 'F' : '') + (i & 16 ? 'P' : '') + (ackFlag ? '.' : '');
  FLAG_NAMES.push(name);
}

/** The flags as tcpdump prints them ('S', 'S.', 'P.', 'F.', 'R' …); a shared string, not built. */
export function frameFlags(flags: number, len: number): string {
  return FLAG_NAMES[(flags & 15) | (len > 0 ? 16 : 0)]!;
}

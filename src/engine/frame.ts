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
}

/** TCP flag bits, for building frames without an options object per segment. */
export const SYN = 1;
export const FIN = 2;
export const RST = 4;
export const ACK = 8;

/**
 * A segment on the wire. A class, so that every frame has the same shape (one hidden class
 * for the code that reads thousands of them).
 */
export class Frame {
  readonly from: HostName;
  readonly to: HostName;
  readonly sport: number;
  readonly dport: number;
  readonly seq: number;
  readonly ack: number;
  readonly syn: boolean;
  readonly ackFlag: boolean;
  readonly fin: boolean;
  readonly rst: boolean;
  readonly len: number;
  readonly text: string | undefined;
  readonly partial: boolean;
  /** Its id in the record (RunResult.segments). */
  readonly segment: number;
  /** Its role in the record (a probe's answer is labelled after it). */
  readonly role: SegmentRole;
  /** The sending socket's segment, when the frame carries one (for the ARP queue and ICMP). */
  readonly skb: Skb | undefined;
  /** The cable's cut counter when the frame went on the wire. */
  epoch = 0;

  constructor(
    from: HostName,
    to: HostName,
    sport: number,
    dport: number,
    seq: number,
    ack: number,
    flags: number,
    len: number,
    text: string | undefined,
    partial: boolean,
    segment: number,
    role: SegmentRole,
    skb: Skb | undefined,
  ) {
    this.from = from;
    this.to = to;
    this.sport = sport;
    this.dport = dport;
    this.seq = seq;
    this.ack = ack;
    this.syn = (flags & SYN) !== 0;
    this.ackFlag = (flags & ACK) !== 0;
    this.fin = (flags & FIN) !== 0;
    this.rst = (flags & RST) !== 0;
    this.len = len;
    this.text = text;
    this.partial = partial;
    this.segment = segment;
    this.role = role;
    this.skb = skb;
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

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
 * for the code that reads thousands of them). Frames are reused (see FramePool): code that
 * handles one must not keep it once the frame has arrived or been lost.
 */
export class Frame {
  from: HostName = 'client';
  to: HostName = 'server';
  sport = 0;
  dport = 0;
  seq = 0;
  ack = 0;
  syn = false;
  ackFlag = false;
  fin = false;
  rst = false;
  len = 0;
  text: string | undefined = undefined;
  partial = false;
  /** Its id in the record (RunResult.segments). */
  segment = 0;
  /** Its role in the record (a probe's answer is labelled after it). */
  role: SegmentRole = 'ack';
  /** The sending socket's segment, when the frame carries one (for the ARP queue and ICMP). */
  skb: Skb | undefined = undefined;
  /** The cable's cut counter when the frame went on the wire. */
  epoch = 0;
  /** The receive window the sender advertises, bytes (tcp_select_window()). */
  win = 0;
}

/**
 * Frames for a run's segments. A frame lives for one trip (from the sending socket, through
 * the ARP queue and the cable, to the receiving socket) and is then given back here to carry
 * a later segment. A busy run sends a hundred thousand segments: made afresh, their frames
 * would be most of what the run allocates, and the more a run allocates, the more often the
 * garbage collector runs and the more long-lived objects it has to move.
 */
export class FramePool {
  private readonly free: Frame[] = [];

  take(
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
  ): Frame {
    const f = this.free.pop() ?? new Frame();
    f.from = from;
    f.to = to;
    f.sport = sport;
    f.dport = dport;
    f.seq = seq;
    f.ack = ack;
    f.syn = (flags & SYN) !== 0;
    f.ackFlag = (flags & ACK) !== 0;
    f.fin = (flags & FIN) !== 0;
    f.rst = (flags & RST) !== 0;
    f.len = len;
    f.text = text;
    f.partial = partial;
    f.segment = segment;
    f.role = role;
    f.skb = skb;
    f.epoch = 0;
    f.win = 0;
    return f;
  }

  /** The frame's trip is over (arrived and handled, or lost). */
  give(f: Frame): void {
    f.text = undefined;
    f.skb = undefined;
    this.free.push(f);
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

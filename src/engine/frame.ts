/** A TCP segment on its way through a host's IP layer and the cable. */
import type { HostName, SegmentRecord } from './types.ts';

export interface Skb {
  /** First sequence number (unwrapped: ISN + offset, never reduced mod 2^32 internally). */
  seq: number;
  /** Payload bytes. */
  len: number;
  syn: boolean;
  fin: boolean;
  /** seq + len + SYN + FIN. */
  endSeq: number;
  /** Application messages that end inside this segment (delivered when it is received in order). */
  texts: string[];
  /** A non-final piece of a text message: its bytes are read with the piece that ends it. */
  partial: boolean;
  /** Last (re)transmission attempt, µs; -1 before the first. */
  lastXmitUs: number;
  /** A copy still waits in the neighbour (ARP) queue: the kernel will not clone it again. */
  inHostQueue: boolean;
  /** Marked lost when the retransmission timer fired (tcp_enter_loss). */
  lost: boolean;
}

export interface Frame {
  from: HostName;
  to: HostName;
  sport: number;
  dport: number;
  seq: number;
  ack: number;
  syn: boolean;
  ackFlag: boolean;
  fin: boolean;
  rst: boolean;
  len: number;
  texts: string[];
  partial: boolean;
  rec: SegmentRecord;
  /** The sending socket's segment, when the frame carries one (for the ARP queue and ICMP). */
  skb?: Skb;
  /** The cable's cut counter when the frame went on the wire. */
  epoch?: number;
}

/** Shared empty message list (never mutated). */
export const NO_TEXTS: string[] = [];

export function frameFlags(f: {
  syn: boolean;
  ackFlag: boolean;
  fin: boolean;
  rst: boolean;
  len: number;
}): string {
  if (f.rst) return f.ackFlag ? 'R.' : 'R';
  if (f.syn) return f.ackFlag ? 'S.' : 'S';
  let flags = '';
  if (f.fin) flags += 'F';
  if (f.len > 0) flags += 'P';
  return flags + (f.ackFlag ? '.' : '');
}

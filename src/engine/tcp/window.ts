/**
 * Flow control, just enough for a receiver that stops reading: the window it advertises shrinks
 * as unread bytes pile up, reaches 0, and the sender stops and starts probing (tcp/persist.ts).
 * Simplified: a fixed receive space (no autotuning, no window scaling), handed out in whole
 * segments, never shrunk (net/ipv4/tcp_output.c tcp_select_window(), __tcp_select_window()).
 */
import type { Skb } from '../frame.ts';
import type { TcpSock } from './sock.ts';

/** The lab's MSS: 1500-byte MTU − 20 (IP) − 20 (TCP) − 12 (timestamps option). */
export const MSS = 1448;

/**
 * Payload bytes a socket can hold unread before its window closes, by default: tcp_rmem[1] is
 * 131072 bytes of buffer, of which tcp_win_from_space() offers about half as window; 45 whole
 * segments.
 */
export const RCV_SPACE = 45 * MSS;

/** SO_RCVBUF as the lab takes it: net.core.rmem_max (212992) is the most a socket may ask for. */
export const RCVBUF_MAX = 212_992;

/**
 * SO_RCVBUF: the kernel doubles the value for its own bookkeeping (sock_setsockopt()) and
 * offers about half of that as window, so a socket holds about `bytes` unread; in whole
 * segments here, at least one.
 */
export function rcvSpaceForBuffer(bytes: number): number {
  return Math.max(MSS, bytes - (bytes % MSS));
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

/**
 * Flow control's sizes, just enough for a receiver that stops reading: the window it advertises
 * (tcpSelectWindow in output.ts) shrinks as unread bytes pile up, reaches 0, and the sender
 * stops and starts probing (tcp/persist.ts). Simplified: a fixed receive space (no autotuning,
 * no window scaling), handed out in whole segments, never shrunk.
 */
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

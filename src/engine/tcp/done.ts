/** Ending a socket (net/ipv4/tcp.c tcp_done(), tcp_input.c tcp_done_with_error(), tcp_reset()). */
import type { Cause, Errno } from '../types.ts';
import type { TcpSock } from './sock.ts';

/** tcp_done(): CLOSE, timers stopped, the socket leaves the host's table. */
export function tcpDone(sk: TcpSock, cause: Cause | undefined): void {
  if (sk.state === 'CLOSED' && !sk.k.owns(sk)) return;
  sk.cause ??= cause;
  if (sk.state === 'SYN_SENT') sk.k.mib.inc('TcpAttemptFails');
  sk.xmitTimer.del();
  sk.pending = 'none';
  sk.keepaliveTimer.del();
  sk.twTimer.del();
  sk.skbs.clear();
  sk.sendHead = 0;
  sk.sendQ = 0;
  sk.sackedOut = 0;
  sk.ofo = [];
  sk.setState('CLOSED');
  sk.k.unhash(sk);
  sk.k.snapshot(sk);
}

/** tcp_done_with_error(): record the errno, close, and wake the application. */
export function tcpDoneWithError(sk: TcpSock, errno: Errno, cause: Cause): void {
  sk.err = errno;
  sk.cause ??= cause;
  tcpDone(sk, cause);
  sk.app?.kernelError(errno, cause);
}

/** tcp_reset(): an acceptable RST arrived. */
export function tcpReset(sk: TcpSock): void {
  let errno: Errno;
  switch (sk.state) {
    case 'SYN_SENT':
      errno = 'ECONNREFUSED';
      break;
    case 'CLOSE_WAIT':
      errno = 'EPIPE';
      break;
    case 'CLOSED':
      return;
    default:
      errno = 'ECONNRESET';
  }
  if (sk.dead) {
    tcpDone(sk, 'reset');
    return;
  }
  tcpDoneWithError(sk, errno, 'reset');
}

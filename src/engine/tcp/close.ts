/** Closing a socket from the application (net/ipv4/tcp.c). */
import type { Cause } from '../types.ts';
import { tcpDone } from './done.ts';
import { tcpQueueFin, tcpSendActiveReset, tcpWriteXmit } from './output.ts';
import type { TcpSock } from './sock.ts';

/**
 * tcp_close() → __tcp_close(): the socket becomes an orphan (SOCK_DEAD). Unread data means an
 * RST instead of a FIN (RFC 2525 §2.17); otherwise a FIN is queued behind any unsent data.
 */
export function tcpClose(sk: TcpSock, cause: Cause): void {
  sk.dead = true;
  sk.cause ??= cause;
  // Data the kernel holds but the program never read counts as unread.
  if (sk.rcvQueue > 0 && sk.state !== 'CLOSED') {
    sk.k.record.events.note(
      sk.now,
      sk.k.name,
      sk.conn,
      `close() with ${sk.rcvQueue} unread bytes: RST instead of FIN`,
    );
    sk.k.mib.inc('TcpExtTCPAbortOnClose');
    tcpSendActiveReset(sk);
    tcpDone(sk, cause);
    return;
  }
  switch (sk.state) {
    case 'SYN_SENT':
    case 'SYN_RECV':
      tcpDone(sk, cause);
      break;
    case 'ESTABLISHED':
      sk.setState('FIN_WAIT1');
      tcpQueueFin(sk);
      tcpWriteXmit(sk);
      break;
    case 'CLOSE_WAIT':
      sk.setState('LAST_ACK');
      tcpQueueFin(sk);
      tcpWriteXmit(sk);
      break;
    default:
  }
}

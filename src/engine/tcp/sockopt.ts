/** Socket options that touch timers (net/ipv4/tcp.c, tcp_timer.c). */
import type { TcpSock } from './sock.ts';
import { keepaliveTimeElapsed, keepaliveTimeWhen, resetKeepaliveTimer } from './timers.ts';

export interface KeepaliveSettings {
  on: boolean;
  /** TCP_KEEPIDLE / TCP_KEEPINTVL seconds, TCP_KEEPCNT; 0 = the sysctl. */
  idleS: number;
  intvlS: number;
  cnt: number;
}

/**
 * SO_KEEPALIVE + TCP_KEEPIDLE/KEEPINTVL/KEEPCNT. Turning keepalive on arms the timer a full
 * idle period from now (tcp_set_keepalive()); changing TCP_KEEPIDLE while on re-arms it for
 * what is left of the new idle period (tcp_sock_set_keepidle_locked()); off deletes it.
 */
export function tcpSetKeepaliveOptions(sk: TcpSock, ka: KeepaliveSettings): void {
  const idleChanged = ka.idleS !== sk.keepIdleS;
  sk.keepIdleS = ka.idleS;
  sk.keepIntvlS = ka.intvlS;
  sk.keepCnt = ka.cnt;
  const live = sk.state !== 'CLOSED' && sk.state !== 'LISTEN';
  if (!ka.on) {
    sk.keepaliveOn = false;
    sk.keepaliveTimer.del();
    return;
  }
  if (!sk.keepaliveOn) {
    sk.keepaliveOn = true;
    if (live) resetKeepaliveTimer(sk, keepaliveTimeWhen(sk));
  } else if (idleChanged && live && sk.state !== 'SYN_SENT' && sk.state !== 'SYN_RECV') {
    const left = keepaliveTimeWhen(sk) - keepaliveTimeElapsed(sk);
    resetKeepaliveTimer(sk, Math.max(left, 0));
  }
}

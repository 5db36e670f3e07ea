/** Replay RunResult.sockets into `ss -tn` rows at a moment. */
import type { HostName, RunResult, SocketSnapshot, SsTimer } from './types.ts';

/**
 * The rows `ss -tn` would print at time `t` (ms), on one host or both. A socket shows with its
 * latest row at or before `t`; closed sockets are gone.
 */
export function socketsAt(
  result: Pick<RunResult, 'sockets'>,
  t: number,
  host?: HostName,
): SocketSnapshot[] {
  const latest = new Map<string, SocketSnapshot>();
  for (const row of result.sockets) {
    if (row.t > t) break;
    if (host && row.host !== host) continue;
    latest.set(`${row.host}/${row.conn}/${row.local}`, row);
  }
  return [...latest.values()].filter((row) => row.state !== 'CLOSED');
}

/**
 * A duration in ms as iproute2's ss prints a timer (print_ms_timer() in misc/ss.c): whole
 * minutes as 'min' (seconds dropped from 10 minutes on, milliseconds from 1 minute on), seconds
 * as 'sec' when no milliseconds follow, else 's.' and three digits of milliseconds followed by
 * 'ms' (so 1.2 s prints as '1.200ms').
 */
export function printMsTimer(timeoutMs: number): string {
  const timeout = Math.max(0, Math.floor(timeoutMs));
  let secs = Math.floor(timeout / 1000);
  const minutes = Math.floor(secs / 60);
  secs %= 60;
  let msecs = timeout % 1000;
  let out = '';
  if (minutes) {
    msecs = 0;
    out = `${minutes}min`;
    if (minutes > 9) secs = 0;
  }
  if (secs) {
    if (secs > 9) msecs = 0;
    out += `${secs}${msecs ? '.' : 'sec'}`;
  }
  if (msecs) out += `${String(msecs).padStart(3, '0')}ms`;
  return out;
}

/** The timer field of `ss -tno` at time `t` (ms): 'timer:(on,1.200ms,3)'. */
export function formatSsTimer(timer: SsTimer, t: number): string {
  return `timer:(${timer.name},${printMsTimer(timer.expiresAt - t)},${timer.retrans})`;
}

/** Replay RunResult.sockets into `ss -tn` rows at a moment. */
import type { HostName, RunResult, SocketSnapshot } from './types.ts';

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

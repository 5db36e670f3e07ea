// Replaying the socket log to get `ss -tn` at any moment.
import type { HostName, RunResult, SocketSnapshot, TcpStateName } from 'tcp-lab';

/** States as `ss` abbreviates them in its State column. */
const SS_STATE: Record<TcpStateName, string> = {
  CLOSED: 'CLOSED',
  LISTEN: 'LISTEN',
  SYN_SENT: 'SYN-SENT',
  SYN_RECV: 'SYN-RECV',
  ESTABLISHED: 'ESTAB',
  FIN_WAIT1: 'FIN-WAIT-1',
  FIN_WAIT2: 'FIN-WAIT-2',
  CLOSE_WAIT: 'CLOSE-WAIT',
  CLOSING: 'CLOSING',
  LAST_ACK: 'LAST-ACK',
  TIME_WAIT: 'TIME-WAIT',
};

export function ssState(state: TcpStateName): string {
  return SS_STATE[state];
}

/** The moments worth picking: whenever a socket row or a host changed, plus start and end. */
export function socketMoments(result: RunResult): number[] {
  const times = new Set<number>([0, result.end]);
  for (const s of result.sockets) times.add(s.t);
  for (const e of result.events) if (e.kind === 'host') times.add(e.t);
  return [...times].filter((t) => t <= result.end).sort((a, b) => a - b);
}

/** The latest moment at or before t (the first moment when t is earlier than all of them). */
export function momentIndexAt(moments: number[], t: number): number {
  let index = 0;
  moments.forEach((m, i) => {
    if (m <= t) index = i;
  });
  return index;
}

export type HostView = { down: true } | { down: false; rows: SocketSnapshot[] };

/** What `ss -tn` prints on a host at time t: non-listening, non-closed sockets. */
export function ssAt(result: RunResult, host: HostName, t: number): HostView {
  const down = result.outages.some(
    (o) => o.host === host && o.kind === 'host-down' && o.from <= t && t < (o.to ?? Infinity),
  );
  if (down) return { down: true };
  const latest = new Map<number, SocketSnapshot>();
  for (const s of result.sockets) if (s.host === host && s.t <= t) latest.set(s.conn, s);
  const rows = [...latest.values()]
    .filter((s) => s.state !== 'CLOSED' && s.state !== 'LISTEN')
    .sort((a, b) => a.conn - b.conn);
  return { down: false, rows };
}

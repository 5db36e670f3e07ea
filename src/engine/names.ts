/** Fixed lists of names that the record tables keep as small codes (index in the list). */
import { codeTable } from './columns.ts';
import type { HostName, TcpStateName } from './types.ts';

export const HOSTS: HostName[] = ['client', 'server'];

/** The server's listening port: every connection in the lab is a client port to it. */
export const SERVER_PORT = 80;

/**
 * `rec[host]`, read as a named property. A keyed read `rec[host]` that sees both names is
 * megamorphic in V8 (a stub-cache probe on every read); on a frame's way across the cable
 * that cost a lesson run 5–7 %. Every Record<HostName, T> is an object literal { client,
 * server }, and all of them share one hidden class, so these two reads stay monomorphic.
 */
export function ofHost<T>(rec: Readonly<Record<HostName, T>>, host: HostName): T {
  return host === 'client' ? rec.client : rec.server;
}

/** A host's index in HOSTS. */
export function hostCode(host: HostName): number {
  return host === 'client' ? 0 : 1;
}

export const STATES: TcpStateName[] = [
  'CLOSED',
  'LISTEN',
  'SYN_SENT',
  'SYN_RECV',
  'ESTABLISHED',
  'FIN_WAIT1',
  'FIN_WAIT2',
  'CLOSE_WAIT',
  'CLOSING',
  'LAST_ACK',
  'TIME_WAIT',
];
export const STATE_CODES = codeTable(STATES);

/**
 * One host's SNMP and MIB counters (include/net/snmp.h: TCP_INC_STATS, __NET_INC_STATS), named
 * as `nstat` prints them. Only the counters the lesson's scenarios touch; each rule increments
 * its counter where the kernel function it mirrors does.
 */
import type { MibCounters, MibName } from './types.ts';

/** Every counter the lab keeps, in the order nstat lists them (Ip*, Tcp*, then TcpExt*). */
export const MIB_NAMES: readonly MibName[] = [
  'IpOutNoRoutes',
  'IpInAddrErrors',
  'TcpActiveOpens',
  'TcpPassiveOpens',
  'TcpAttemptFails',
  'TcpEstabResets',
  'TcpRetransSegs',
  'TcpOutRsts',
  'TcpExtTW',
  'TcpExtTCPTimeouts',
  'TcpExtTCPLossProbes',
  'TcpExtTCPSynRetrans',
  'TcpExtTCPAbortOnClose',
  'TcpExtTCPAbortOnTimeout',
  'TcpExtTCPKeepAlive',
  'TcpExtTCPWinProbe',
];

function zeros(): MibCounters {
  const c = {} as MibCounters;
  for (const name of MIB_NAMES) c[name] = 0;
  return c;
}

export class Mib {
  private values = zeros();
  /** A crashed kernel counts nothing more (its sockets vanish without its rules running). */
  private counting = true;

  inc(name: MibName, n = 1): void {
    if (this.counting) this.values[name] += n;
  }

  /** The host crashed: what it counted stays readable, nothing more is added. */
  freeze(): void {
    this.counting = false;
  }

  /** The host booted: a new kernel counts from zero. */
  reset(): void {
    this.values = zeros();
    this.counting = true;
  }

  /** A copy, as `nstat -az` prints them now. */
  read(): MibCounters {
    return { ...this.values };
  }
}

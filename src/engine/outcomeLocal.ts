/**
 * The branches where a host's own interface or address was the break (link.ts): the interface
 * taken down, the address removed, or the client back with a different address. outcome.ts
 * asks here before the rules about crashes, timeouts and the cable.
 */
import { formatDuration } from './duration.ts';
import type { Sim } from './sim.ts';
import type { HostName, Outcome, SideResult } from './types.ts';

const at = (ms: number | undefined): string => formatDuration(ms ?? 0);

/** What a side ended with, in a few words. */
function fate(s: SideResult): string {
  if (s.error) return `${s.error} at ${at(s.errorAt)}`;
  return s.state === 'ESTABLISHED' ? 'still ESTABLISHED' : s.state;
}

export function classifyLocal(
  sim: Sim,
  sides: Record<HostName, SideResult>,
  clientPort: number,
): Outcome | undefined {
  const link = sim.hosts.client.link;
  const c = sides.client;
  const s = sides.server;
  if (c.cause === 'no-route') {
    return {
      id: 'interface-down',
      summary: `connect() failed at once with ENETUNREACH: the client had no route (its interface down or its address gone), so no SYN was sent.`,
    };
  }
  if (link.hasAddress && !link.owns(clientPort)) {
    return {
      id: 'address-changed',
      summary: `The client came back with a different address; this connection belongs to the old one and cannot follow. Client: ${fate(c)}; server: ${fate(s)}. No RST either way.`,
    };
  }
  const hosts: HostName[] = ['client', 'server'];
  const cut = hosts.find(
    (h) =>
      sim.rec.outages.some((o) => o.host === h && o.kind === 'link-down') ||
      (h === 'client' && !link.hasAddress),
  );
  if (!cut) return undefined;
  const own = sides[cut];
  const peer = cut === 'client' ? 'server' : 'client';
  const what = cut === 'client' && !link.hasAddress ? 'address was removed' : 'interface went down';
  const noRoutes = sim.hosts[cut].mib.read().IpOutNoRoutes;
  const failed = noRoutes
    ? ` ${noRoutes} send${noRoutes === 1 ? '' : 's'} failed inside its stack (IpOutNoRoutes).`
    : '';
  if (own.error) {
    return {
      id: 'interface-down',
      summary: `The ${cut}'s ${what}: nothing it sent reached the wire, and it gave up with ${own.error} at ${at(own.errorAt)}.${failed} The ${peer}: ${fate(sides[peer])}.`,
    };
  }
  if (sides[peer].error) {
    return {
      id: 'interface-down',
      summary: `The ${cut}'s ${what}; the ${peer}, told nothing, gave up with ${sides[peer].error} at ${at(sides[peer].errorAt)}.${failed}`,
    };
  }
  const back = sim.hosts[cut].link.routes(cut === 'client' ? clientPort : 80);
  return {
    id: 'interface-down',
    summary: back
      ? `The ${cut}'s ${what} and came back; what waited in its stack went out with the next timer: both sides still ESTABLISHED.${failed}`
      : `The ${cut}'s ${what}: its sends fail inside its own stack and nobody has given up yet.${failed}`,
  };
}

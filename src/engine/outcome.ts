/**
 * Which branch of the lesson a connection ended in. The rules run in order; the first match
 * wins (README.md lists them).
 */
import { formatDuration } from './duration.ts';
import type { Sim } from './sim.ts';
import { classifyLocal } from './outcomeLocal.ts';
import type { HostName, Outcome, OutcomeId, SegmentRecord, SideResult } from './types.ts';

/** Every outcome id with a one-line description, in the order the lesson meets them. */
export const OUTCOMES: readonly { id: OutcomeId; description: string }[] = [
  {
    id: 'still-established',
    description: 'Nothing went wrong for this connection: it is still open.',
  },
  {
    id: 'closed-normally',
    description: 'Both applications closed the connection; the FIN exchange completed.',
  },
  {
    id: 'peer-process-hung',
    description:
      "A process hung; its kernel kept acknowledging and answering probes, so nothing in TCP detected it (only a sender's TCP_USER_TIMEOUT or an application heartbeat would).",
  },
  {
    id: 'idle-forever',
    description:
      'The cable was pulled but nobody sent anything and keepalive was off: both sides still think the connection is up.',
  },
  {
    id: 'survives-after-replug',
    description:
      'Data was lost while unplugged; a later retransmission got through after the cable was back.',
  },
  {
    id: 'sender-aborts',
    description:
      "The sender's retransmission budget (tcp_retries2) ran out: ETIMEDOUT, and no RST.",
  },
  {
    id: 'peer-reset-after-abort',
    description:
      'After one side gave up, the other spoke again and was answered with an RST: ECONNRESET.',
  },
  {
    id: 'keepalive-detects-dead-peer',
    description:
      'Keepalive probes went unanswered: RST and ETIMEDOUT one interval after the last probe.',
  },
  {
    id: 'keepalive-answered',
    description:
      'A keepalive probe was answered after the cable came back: the connection lives on.',
  },
  { id: 'app-idle-close', description: "The application's own idle timer closed the connection." },
  {
    id: 'app-heartbeat-detects',
    description: "The application's heartbeat got no answer in time and closed the connection.",
  },
  { id: 'user-timeout', description: 'TCP_USER_TIMEOUT ended the connection: ETIMEDOUT.' },
  {
    id: 'process-crash',
    description:
      'A process died; its kernel closed its sockets with FIN (or RST with unread data).',
  },
  { id: 'host-crash', description: 'A host crashed: silence, exactly like a pulled cable.' },
  {
    id: 'host-reboot-reset',
    description: 'A rebooted host had no memory of the connection and answered it with an RST.',
  },
  {
    id: 'connect-timeout',
    description: 'connect() gave up after its SYN retransmissions: ETIMEDOUT.',
  },
  {
    id: 'middlebox-drop',
    description:
      'A middlebox on the path forgot the idle flow and silently dropped the next segments: their sender retransmitted until it gave up, and the peer was told nothing.',
  },
  {
    id: 'middlebox-reset',
    description:
      'A middlebox on the path forgot the idle flow and sent an RST to both ends at that moment: ECONNRESET at once on both sides.',
  },
  {
    id: 'unplugged-side-unreachable',
    description:
      "The unplugged side's own sends failed because its next hop could not be resolved: EHOSTUNREACH.",
  },
  {
    id: 'interface-down',
    description:
      "A host's own interface went down (or lost its address): its sends failed inside its own stack (IpOutNoRoutes) and waited under its timers; connect() failed at once with ENETUNREACH.",
  },
  {
    id: 'address-changed',
    description:
      'The client came back with a different address: the old connection could not follow, and each side gave up on its own.',
  },
];

const other = (h: HostName): HostName => (h === 'client' ? 'server' : 'client');
const at = (ms: number | undefined): string => formatDuration(ms ?? 0);

export function classify(
  sim: Sim,
  sides: Record<HostName, SideResult>,
  /** This connection's segments (built only when the branch depends on them). */
  segmentsOf: () => readonly SegmentRecord[],
  rebootedHosts: ReadonlySet<HostName>,
  /** This connection's client port (which address its client socket was bound to). */
  clientPort = -1,
  /** The connection's index (for what the middlebox did to it). */
  conn = 0,
): Outcome {
  const out = (id: OutcomeId, summary: string): Outcome => ({ id, summary });
  const hosts: HostName[] = ['client', 'server'];
  const find = (pred: (s: SideResult, h: HostName) => boolean): HostName | undefined =>
    hosts.find((h) => pred(sides[h], h));

  // ARP failure (cause 'neighbour') is the unplugged side's own story when its cable is out;
  // on a LAN the side still plugged in meets it too, and then it only changes the errno.
  const pulled = (h: HostName): boolean =>
    sim.rec.outages.some((o) => o.kind === 'unplugged' && o.host === h);
  const c = sides.client;
  if (c.cause === 'syn-retries') {
    return out(
      'connect-timeout',
      `connect() gave up after ${at(c.errorAt)}: ${c.error ?? 'ETIMEDOUT'} after its SYN retransmissions.`,
    );
  }
  if (
    c.cause === 'neighbour' &&
    !pulled('client') &&
    !segmentsOf().some((s) => s.role === 'syn-ack' && s.delivered)
  ) {
    return out(
      'connect-timeout',
      `connect() failed after ${at(c.errorAt)}: ARP for the server got no answer (EHOSTUNREACH).`,
    );
  }
  const unreachable = find((s, h) => s.cause === 'neighbour' && pulled(h));
  if (unreachable) {
    const s = sides[unreachable];
    return out(
      'unplugged-side-unreachable',
      `The ${unreachable}'s own sends failed at ${at(s.errorAt)}: its next hop could not be resolved (EHOSTUNREACH).`,
    );
  }
  const local = classifyLocal(sim, sides, clientPort);
  if (local) return local;
  const crashed = find((s) => s.cause === 'host-crash');
  if (crashed) {
    const peer = sides[other(crashed)];
    const rebooted = rebootedHosts.has(crashed);
    if (rebooted && peer.cause === 'reset') {
      return out(
        'host-reboot-reset',
        `The ${crashed} rebooted and answered the old connection with an RST: the ${other(crashed)} saw ${peer.error} at ${at(peer.errorAt)}.`,
      );
    }
    return out(
      'host-crash',
      `The ${crashed} crashed; the ${other(crashed)} was told nothing${peer.error ? ` until ${peer.error} at ${at(peer.errorAt)}` : ''}.`,
    );
  }
  const killed = find((s) => s.cause === 'process-exit');
  if (killed) {
    const peer = sides[other(killed)];
    return out(
      'process-crash',
      `The ${killed}'s process died and its kernel closed the socket; the ${other(killed)} saw ${peer.error ?? (peer.cause === 'fin' ? 'EOF' : 'nothing')}${peer.errorAt !== undefined ? ` at ${at(peer.errorAt)}` : ''}.`,
    );
  }
  const heartbeat = find((s) => s.cause === 'app-heartbeat');
  if (heartbeat)
    return out(
      'app-heartbeat-detects',
      `The ${heartbeat}'s heartbeat got no pong in time and closed the connection.`,
    );
  const idle = find((s) => s.cause === 'app-idle');
  if (idle) return out('app-idle-close', `The ${idle}'s application closed the idle connection.`);
  const box = sim.middlebox?.marks.get(conn);
  if (box) {
    const forgot = at(box.forgotUs / 1000);
    const reset = hosts.filter((h) => box.resets[h] > 0 && sides[h].cause === 'reset');
    if (reset.length > 0) {
      const seen = reset.map((h) => `the ${h} saw ${sides[h].error} at ${at(sides[h].errorAt)}`);
      return out(
        'middlebox-reset',
        `The middlebox forgot the idle flow at ${forgot} and sent an RST to ${reset.length === 2 ? 'both ends' : `the ${reset[0]}`}: ${seen.join(', ')}.`,
      );
    }
    const refusedFrom = hosts.filter((h) => box.refused[h] > 0);
    const gaveUp = find((s, h) => refusedFrom.includes(h) && s.error !== undefined);
    if (gaveUp) {
      const s = sides[gaveUp];
      return out(
        'middlebox-drop',
        `The middlebox forgot the idle flow at ${forgot} and dropped the ${gaveUp}'s segments; it gave up at ${at(s.errorAt)} (${s.error}), and the ${other(gaveUp)} was told nothing.`,
      );
    }
    const sender = refusedFrom[0];
    if (sender) {
      return out(
        'middlebox-drop',
        `The middlebox forgot the idle flow at ${forgot} and has dropped ${box.refused[sender]} of the ${sender}'s segments; nobody has given up yet.`,
      );
    }
  }
  const ut = find((s) => s.cause === 'user-timeout');
  if (ut)
    return out(
      'user-timeout',
      sides[ut].windowProbes
        ? `TCP_USER_TIMEOUT ended the ${ut}'s connection at ${at(sides[ut].errorAt)} (${sides[ut].error}): its peer's kernel kept answering its ${sides[ut].windowProbes} zero-window probes, but the window never opened.`
        : `TCP_USER_TIMEOUT ended the ${ut}'s connection at ${at(sides[ut].errorAt)} (${sides[ut].error}).`,
    );
  const ka = find((s) => s.cause === 'keepalive');
  if (ka) {
    return out(
      'keepalive-detects-dead-peer',
      `The ${ka}'s keepalive gave up after ${sides[ka].keepaliveProbes} unanswered probes: RST + ETIMEDOUT at ${at(sides[ka].errorAt)}.`,
    );
  }
  const aborted = find(
    (s) => s.cause === 'retransmission' || s.cause === 'orphan' || s.cause === 'neighbour',
  );
  if (aborted) {
    const s = sides[aborted];
    const peer = sides[other(aborted)];
    if (s.cause === 'neighbour' && peer.cause !== 'reset') {
      return out(
        'sender-aborts',
        `The ${aborted} stopped retransmitting and gave up at ${at(s.errorAt)} (EHOSTUNREACH: ARP for the ${other(aborted)} had failed); no RST was sent.`,
      );
    }
    if (peer.cause === 'reset') {
      return out(
        'peer-reset-after-abort',
        `The ${aborted} gave up at ${at(s.errorAt)}; when the ${other(aborted)} spoke again it got an RST (${peer.error} at ${at(peer.errorAt)}).`,
      );
    }
    return out(
      'sender-aborts',
      `The ${aborted} stopped retransmitting and gave up at ${at(s.errorAt)} (${s.error ?? 'ETIMEDOUT'}); no RST was sent.`,
    );
  }
  const reset = find((s) => s.cause === 'reset');
  if (reset)
    return out(
      'peer-reset-after-abort',
      `The ${reset} received an RST: ${sides[reset].error} at ${at(sides[reset].errorAt)}.`,
    );
  const done = (s: SideResult): boolean => s.state === 'CLOSED' || s.state === 'TIME_WAIT';
  if (
    done(sides.client) &&
    done(sides.server) &&
    hosts.every((h) => sides[h].cause === 'close' || sides[h].cause === 'fin')
  ) {
    return out('closed-normally', 'Both sides closed the connection with a FIN exchange.');
  }
  // A suspended host is cut off as an unplugged one is (frames to it are lost), and wakes later.
  const slept = hosts.find((h) =>
    sim.rec.outages.some((o) => o.kind === 'suspended' && o.host === h),
  );
  const unplugged = slept !== undefined || sim.rec.outages.some((o) => o.kind === 'unplugged');
  if (!unplugged) {
    // No cable was pulled and nobody gave up: a hung process is what is wrong, if there is one.
    const hung = hosts.find((h) => sim.hosts[h].up && sim.hosts[h].process === 'hung');
    if (hung) {
      const peer = other(hung);
      const probes = sides[peer].windowProbes;
      return out(
        'peer-process-hung',
        probes
          ? `The ${hung}'s process hung and its receive window closed; the ${peer} has sent ${probes} zero-window probe${probes === 1 ? '' : 's'} and the ${hung}'s kernel keeps answering them, so nothing detected the hang.`
          : `The ${hung}'s process hung, but its kernel kept answering: nothing in TCP detected it.`,
      );
    }
    return out('still-established', 'Nothing went wrong: the connection is still open.');
  }

  const segs = segmentsOf();
  const lostUnplugged = segs.filter(
    (s) =>
      !s.delivered &&
      (s.lostBecause === 'unplugged' ||
        s.lostBecause === 'no-neighbour' ||
        s.lostBecause === 'neighbour-queue-full' ||
        s.lostBecause === 'suspended'),
  );
  const firstLoss = lostUnplugged[0];
  if (firstLoss) {
    const probeLost = segs.some((s) => s.role === 'keepalive' && !s.delivered);
    const answered =
      probeLost &&
      segs.find((s) => s.role === 'keepalive-ack' && s.delivered && s.t >= firstLoss.t);
    if (answered)
      return out(
        'keepalive-answered',
        `A keepalive probe was answered at ${at(answered.t)} after the cable came back: the connection lives on.`,
      );
    const repaired = segs.find(
      (s) =>
        s.delivered &&
        s.t > firstLoss.t &&
        (s.role === 'retransmission' || s.role === 'tlp' || s.role === 'data'),
    );
    if (repaired && slept)
      return out(
        'survives-after-replug',
        `Data lost while the ${slept} slept got through at ${at(repaired.arrivedAt)}: both sides are still ESTABLISHED.`,
      );
    if (repaired)
      return out(
        'survives-after-replug',
        `Data lost while unplugged got through at ${at(repaired.arrivedAt)}: both sides are still ESTABLISHED.`,
      );
    return out(
      'still-established',
      'Segments were lost while unplugged and nothing has given up yet: still ESTABLISHED, still trying.',
    );
  }
  if (slept)
    return out(
      'idle-forever',
      `The ${slept} slept and nobody sent anything meanwhile: both sides still believe the connection is up.`,
    );
  return out(
    'idle-forever',
    'The cable was pulled, nobody sent anything and keepalive was off: both sides still believe the connection is up.',
  );
}

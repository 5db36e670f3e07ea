/**
 * One run of a scenario, kernel or engine, reduced to what both can report: the TCP segments on
 * the wire, what each application saw, and when the scenario acted. `observe()` turns a trace
 * into named events with the same rules for both, so a kernel run and an engine run compare
 * event by event.
 *
 * Event keys: `<host>:<kind>[:<n|errno|state>]`, e.g. `server:resend:3` (the third re-send of
 * data, FIN or SYN: a tail loss probe counts), `server:probe:1` (a keepalive or zero-window probe: the same segment on the wire),
 * `client:probe-answer:2`, `server:fin`, `client:rst`, `server:error:ETIMEDOUT`,
 * `server:eof`, `server:app-close`, `server:delivered` (the first re-sent segment that got
 * through), `server:state:CLOSED`. Each event belongs to the host whose timer or action
 * produced it (a probe's answer belongs to the prober).
 */
import type { Errno, HostName, TcpStateName } from '../engine/types.ts';
import type { MarkId } from './scenarios.ts';

export interface TracePacket {
  /** ms after connect(), when it left the sender (seen on the sender's switch port). */
  t: number;
  from: HostName;
  /** tcpdump style: 'S', 'S.', '.', 'P.', 'F.', 'R', 'R.' */
  flags: string;
  seq: number;
  len: number;
  /** When it reached the other host (left the switch on its port), if it did. */
  arrivedAt?: number;
}

export type TraceApp =
  | { t: number; host: HostName; what: 'error'; errno: Errno | string }
  | { t: number; host: HostName; what: 'eof' | 'app-close' };

export interface Trace {
  packets: TracePacket[];
  app: TraceApp[];
  /** Watched states (scenario `watch`), first time reached. */
  states: { t: number; host: HostName; state: TcpStateName | string }[];
  /** When each step happened, ms after connect(). */
  marks: { mark: MarkId; t: number }[];
  final: Record<HostName, { state: string; errors: string[] }>;
}

export interface ObservedEvent {
  key: string;
  /** The host whose timer or action produced it. */
  chain: HostName;
  /** ms after connect(). */
  t: number;
  /**
   * When what it follows happened (ms after connect()): the latest packet that host sent or
   * received, earlier event of the host, or step — whichever came last. Kernel timers are
   * armed from such moments, so the gap t − prev is what the timer-wheel tolerance applies to.
   */
  prev: number;
}

/** The steps that start a timer in a kernel or an application; events are timed from them. */
export const CAUSAL: readonly MarkId[] = [
  'connect',
  'send',
  'client-send',
  'close',
  'kill',
  'crash',
];

const other = (h: HostName): HostName => (h === 'client' ? 'server' : 'client');

/** Sequence space a segment covers: SYN and FIN take one number each. */
function seqEnd(p: TracePacket): number {
  return (p.seq + p.len + (p.flags.includes('S') ? 1 : 0) + (p.flags.includes('F') ? 1 : 0)) >>> 0;
}
/** a ≤ b in 32-bit sequence space. */
const seqLe = (a: number, b: number): boolean => ((b - a) | 0) >= 0;

export function observe(trace: Trace): ObservedEvent[] {
  const packets = [...trace.packets].sort((a, b) => a.t - b.t);
  // Every moment a host sent or received a segment, with the segment it belongs to.
  const activity: { host: HostName; t: number; packet: TracePacket; arrival: boolean }[] = [];
  for (const p of packets) {
    activity.push({ host: p.from, t: p.t, packet: p, arrival: false });
    if (p.arrivedAt !== undefined)
      activity.push({ host: other(p.from), t: p.arrivedAt, packet: p, arrival: true });
  }
  const events: ObservedEvent[] = [];
  /**
   * `own`: the segment the event is, which it does not follow. An application event (`app`)
   * does not follow what its own host sends, or its other events, less than 1 ms before it:
   * those happen together (the RST and the errno of a keepalive abort), and which one gets its
   * time stamped first is chance.
   */
  const add = (
    key: string,
    chain: HostName,
    t: number,
    own?: TracePacket,
    arrival = false,
    app = false,
  ): void => {
    if (events.some((e) => e.key === key)) return;
    let prev = anchorOf(trace, t).t;
    const slack = app ? 1 : 0;
    for (const a of activity) {
      if (a.host !== chain || (a.packet === own && a.arrival === arrival)) continue;
      if (a.arrival ? a.t < t : a.t < t - slack) prev = Math.max(prev, a.t);
    }
    for (const e of events) if (e.chain === chain && e.t < t - slack) prev = Math.max(prev, e.t);
    events.push({ key, chain, t, prev });
  };
  const sent: Record<HostName, number | undefined> = { client: undefined, server: undefined };
  const resends: Record<HostName, number> = { client: 0, server: 0 };
  const probes: Record<HostName, number> = { client: 0, server: 0 };
  /** The prober's last delivered probe, waiting for its answer. */
  const awaiting: Record<HostName, number | undefined> = { client: undefined, server: undefined };

  for (const p of packets) {
    const h = p.from;
    const end = seqEnd(p);
    const high = sent[h];
    const carries = p.len > 0 || /[SF]/.test(p.flags);
    if (p.flags.includes('R')) {
      add(`${h}:rst`, h, p.t, p);
      continue;
    }
    const answering = awaiting[other(h)];
    if (answering !== undefined && !carries && p.t >= answering) {
      add(`${h}:probe-answer:${probes[other(h)]}`, other(h), p.t, p);
      awaiting[other(h)] = undefined;
    }
    if (carries && high !== undefined && seqLe(end, high)) {
      resends[h] += 1;
      add(`${h}:resend:${resends[h]}`, h, p.t, p);
      if (p.arrivedAt !== undefined && !p.flags.includes('S'))
        add(`${h}:delivered`, h, p.arrivedAt, p, true);
    } else if (!carries && high !== undefined && p.seq === (high - 1) >>> 0) {
      probes[h] += 1;
      add(`${h}:probe:${probes[h]}`, h, p.t, p);
      if (p.arrivedAt !== undefined) awaiting[h] = p.arrivedAt;
    } else if (p.flags.includes('F')) {
      add(`${h}:fin`, h, p.t, p);
    }
    if (carries && (high === undefined || !seqLe(end, high))) sent[h] = end;
  }

  for (const a of [...trace.app].sort((x, y) => x.t - y.t)) {
    if (a.what === 'error') {
      const n = trace.app.filter((b) => b.what === 'error' && b.host === a.host && b.t < a.t);
      const key = `${a.host}:error:${a.errno}`;
      const repeated = n.some((b) => b.what === 'error' && b.errno === a.errno);
      add(repeated ? `${key}:2` : key, a.host, a.t, undefined, false, true);
    } else add(`${a.host}:${a.what}`, a.host, a.t, undefined, false, true);
  }
  for (const s of trace.states)
    add(`${s.host}:state:${s.state}`, s.host, s.t, undefined, false, true);
  return events.sort((a, b) => a.t - b.t);
}

/**
 * The step an event is reported after: the latest one at or before `t` that can start a timer.
 * (Pulling or replugging a cable, hanging a process or booting a host tells no socket anything.)
 */
export function anchorOf(trace: Trace, t: number): { mark: MarkId; t: number } {
  let best: { mark: MarkId; t: number } = { mark: 'connect', t: 0 };
  for (const m of trace.marks) if (CAUSAL.includes(m.mark) && m.t <= t && m.t >= best.t) best = m;
  return best;
}

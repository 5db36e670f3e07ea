// Named numbers and facts read from a run, so chapters can quote them instead of typing them in.
// A value is either a path into the RunResult ('server.errorAt', 'outcome.id') or one of the
// metrics below, some with an argument after a colon ('retransmission:5', 'closedAt:server').
import { formatSsTimer, HOST_ACTIONS, socketsAt } from 'tcp-lab';
import type { HostName, RunResult, SegmentRecord } from 'tcp-lab';

export type RunValue = number | string | number[];

type Metric = (run: RunResult, arg: string | undefined) => RunValue | undefined;

const RESENDS = new Set<SegmentRecord['role']>(['data', 'tlp', 'retransmission']);

function host(arg: string | undefined, metric: string): HostName {
  if (arg === 'client' || arg === 'server') return arg;
  throw new Error(`The metric "${metric}" needs a host: "${metric}:client" or "${metric}:server".`);
}

function positive(arg: string | undefined, metric: string): number {
  const n = Number(arg);
  if (Number.isInteger(n) && n > 0) return n;
  throw new Error(`The metric "${metric}" needs a number from 1 up, e.g. "${metric}:1".`);
}

const firstUnplug = (run: RunResult) => run.outages.find((o) => o.kind === 'unplugged');

export const metrics: Record<string, Metric> = {
  /** When the first data segment left (the send a reader scheduled). */
  firstSendAt: (run) => run.segments.find((s) => s.role === 'data')?.t,
  /** When the first tail loss probe left. */
  tlpAt: (run) => run.segments.find((s) => s.role === 'tlp')?.t,
  /** When RTO retransmission #n left. */
  retransmission: (run, arg) => {
    const n = positive(arg, 'retransmission');
    return run.segments.find((s) => s.role === 'retransmission' && s.retransmission === n)?.t;
  },
  /** When keepalive probe #n left. */
  probeAt: (run, arg) => {
    const n = positive(arg, 'probeAt');
    return run.segments.find((s) => s.role === 'keepalive' && s.probe === n)?.t;
  },
  /** When zero-window probe #n left (the persist timer). */
  windowProbeAt: (run, arg) => {
    const n = positive(arg, 'windowProbeAt');
    return run.segments.find((s) => s.role === 'window-probe' && s.probe === n)?.t;
  },
  /** The first RTO: the gap the timer waited before retransmission #1 (after the TLP, if any). */
  rto: (run) => {
    const first = run.segments.find((s) => s.role === 'retransmission' && s.retransmission === 1);
    if (!first) return undefined;
    const before = run.segments.filter(
      (s) =>
        s.from === first.from &&
        s.conn === first.conn &&
        s.t < first.t &&
        (s.role === 'tlp' || s.role === 'data'),
    );
    const previous = before.at(-1);
    return previous ? first.t - previous.t : undefined;
  },
  /** When the cable was first pulled. */
  unplugAt: (run) => firstUnplug(run)?.from,
  /** When the cable first went back in. */
  replugAt: (run) => firstUnplug(run)?.to,
  /** When the first data (or its re-send) that was sent after the replug arrived. */
  recoveredAt: (run) => {
    const back = firstUnplug(run)?.to;
    if (back === undefined) return undefined;
    return run.segments.find((s) => RESENDS.has(s.role) && s.delivered && s.t >= back)?.arrivedAt;
  },
  /** The last moment this host received anything on the first connection, before it failed. */
  lastReceivedAt: (run, arg) => {
    const h = host(arg, 'lastReceivedAt');
    const until = run[h].errorAt ?? run.end;
    const arrivals = run.segments
      .filter(
        (s) => s.conn === 0 && s.to === h && s.delivered && (s.arrivedAt ?? Infinity) <= until,
      )
      .map((s) => s.arrivedAt as number);
    return arrivals.length ? Math.max(...arrivals) : undefined;
  },
  /** When this host's socket of the first connection reached CLOSED (aborted, or an orphan destroyed). */
  closedAt: (run, arg) => {
    const h = host(arg, 'closedAt');
    return run.events.find(
      (e) => e.kind === 'state' && e.host === h && e.conn === 0 && e.to === 'CLOSED',
    )?.t;
  },
  /** When this host's application closed the first connection (its own close, idle timer or heartbeat). */
  appClosedAt: (run, arg) => {
    const h = host(arg, 'appClosedAt');
    return run.events.find(
      (e) => e.kind === 'app' && e.host === h && e.conn === 0 && e.notice === 'closed',
    )?.t;
  },
  /** When a host action first happened: 'hostAction:crash', 'hostAction:hang-process', … */
  hostAction: (run, arg) => {
    const actions: readonly string[] = HOST_ACTIONS;
    if (!arg || !actions.includes(arg)) {
      throw new Error(
        `The metric "hostAction" needs one of: ${actions.map((a) => `hostAction:${a}`).join(', ')}.`,
      );
    }
    return run.events.find((e) => e.kind === 'host' && e.action === arg)?.t;
  },
  /** When the middlebox on the path did something to the first connection: 'middleboxAt:forgotten', 'middleboxAt:dropped', … */
  middleboxAt: (run, arg) => {
    const actions = ['learned', 'forgotten', 'dropped', 'reset'];
    if (!arg || !actions.includes(arg)) {
      throw new Error(
        `The metric "middleboxAt" needs one of: ${actions.map((a) => `middleboxAt:${a}`).join(', ')}.`,
      );
    }
    return run.events.find((e) => e.kind === 'middlebox' && e.conn === 0 && e.action === arg)?.t;
  },
  /** When every segment of the given roles left, on the first connection: 'times:syn,syn-retransmission'. */
  times: (run, arg) => {
    const roles = (arg ?? '').split(',').filter(Boolean);
    if (roles.length === 0)
      throw new Error('The metric "times" needs segment roles, e.g. "times:keepalive".');
    const found = run.segments
      .filter((s) => s.conn === 0 && roles.includes(s.role))
      .map((s) => s.t);
    return found.length ? found : undefined;
  },
  /**
   * The timer column `ss -tno` prints for a host's first connection at a moment (ms):
   * 'ssTimer:server@60000' → 'timer:(on,3.072ms,8)'; '' when no timer is pending.
   */
  ssTimer: (run, arg) => {
    const [who, at] = (arg ?? '').split('@');
    const h = host(who, 'ssTimer');
    const t = Number(at);
    if (at === undefined || !Number.isFinite(t) || t < 0) {
      throw new Error(
        'The metric "ssTimer" needs a host and a moment in ms: "ssTimer:server@60000".',
      );
    }
    const row = socketsAt(run, t, h).find((r) => r.conn === 0);
    if (!row) return undefined;
    return row.timer ? formatSsTimer(row.timer, t) : '';
  },
  /** When this host's application first wrote on the first connection (its data may never leave the host). */
  appSentAt: (run, arg) => {
    const h = host(arg, 'appSentAt');
    return run.events.find(
      (e) => e.kind === 'app' && e.host === h && e.conn === 0 && e.notice === 'sent',
    )?.t;
  },
  /** When this host's application first read data on the first connection. */
  readAt: (run, arg) => {
    const h = host(arg, 'readAt');
    return run.events.find(
      (e) => e.kind === 'app' && e.host === h && e.conn === 0 && e.notice === 'data',
    )?.t;
  },
  /** When a connection's first SYN left: 'connectAt' for the first, 'connectAt:1' for the second. */
  connectAt: (run, arg) => {
    const conn = arg === undefined ? 0 : Number(arg);
    if (!Number.isInteger(conn) || conn < 0) {
      throw new Error(
        'The metric "connectAt" takes a connection number from 0 up, e.g. "connectAt:1".',
      );
    }
    return run.segments.find((s) => s.role === 'syn' && s.conn === conn)?.t;
  },
};

function byPath(run: RunResult, path: string): unknown {
  let current: unknown = run;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object' || !(key in current)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** Reads one value from a run; throws, naming the expression, when the run has no such value. */
export function readValue(run: RunResult, expression: string): RunValue {
  const [name, arg] = expression.split(':', 2) as [string, string | undefined];
  const metric = Object.hasOwn(metrics, name) ? metrics[name] : undefined;
  const value = metric ? metric(run, arg) : byPath(run, expression);
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((item) => typeof item === 'number')) return value;
  throw new Error(
    `The run has no value "${expression}" (it ended in "${run.outcome.id}"). Use a path into the run such as "server.errorAt", or one of: ${Object.keys(metrics).join(', ')}.`,
  );
}

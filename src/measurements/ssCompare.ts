/**
 * The kernel's `ss` samples (measurement.ts, SsSample) held to the engine's socket table
 * (RunResult.sockets): at each sample, the connection's state, the timer ss names ('on',
 * 'keepalive', 'timewait', 'persist' or none), the timer's count (retransmissions or probes so
 * far) and when the timer is due.
 *
 * Kernel and engine drift apart over a run (a timer fires up to a timer-wheel slot late, the
 * lab acts a few ms late), so a sample is placed on the engine's time line from the latest
 * moment both runs share before it that is the sampled host's own: connect(), a step on it, or
 * an event of its (a packet it sent, an errno). The peer's moments are not: the lab may take a
 * step on the peer a while after one at the same time on this host, and a packet that left the
 * switch for this host may still be dropped by it (an address it no longer has). From
 * there, as packetdrill allows, each later change of the engine's comes within max(4 ms,
 * 12.5 % of the time since that moment) on the kernel: a sample is compared only where it lies
 * that far from every change of the engine's row (its state, timer and count).
 */
import type { HostName, RunResult, SocketSnapshot } from '../engine/types.ts';
import type { Measurement, SsSample } from './measurement.ts';
import type { SsSocket } from './ss.ts';
import { CAUSAL, observe, type Trace } from './trace.ts';

export interface SsView {
  /** The kernel's state name; 'gone' when the host has no socket for the connection. */
  state: string;
  timer: string; // 'on' | 'keepalive' | 'timewait' | 'persist' | 'off'
  count?: number;
}

export interface SsDisagreement {
  host: HostName;
  /** The sample's time as the lab took it, ms after connect(). */
  t: number;
  what: 'state' | 'timer' | 'count' | 'expiry';
  measured: string;
  simulated: string;
  /** The scenario's known disagreement (an event key) that this follows from, if any. */
  known?: string;
}

export interface SsComparison {
  samples: number;
  /** Samples held to the engine (the rest fell near one of the engine's changes). */
  compared: number;
  disagreements: SsDisagreement[];
}

const TOLERANCE_MS = 4;
const tolerance = (interval: number) => Math.max(TOLERANCE_MS, Math.abs(interval) / 8);

function kernelView(sockets: SsSocket[]): SsView | undefined {
  // The record lists the scenario's connection only; a closed socket still held by its
  // application (ss: UNCONN) is as gone as the engine's.
  const live = sockets.filter((s) => s.state !== 'CLOSED');
  if (live.length > 1) return undefined;
  const s = live[0];
  if (!s) return { state: 'gone', timer: 'off' };
  return {
    state: s.state,
    timer: s.timer?.name ?? 'off',
    ...(s.timer && { count: s.timer.count }),
  };
}

function engineView(row: SocketSnapshot | undefined): SsView {
  if (!row || row.state === 'CLOSED') return { state: 'gone', timer: 'off' };
  return {
    state: row.state,
    timer: row.timer?.name ?? 'off',
    ...(row.timer && { count: row.timer.retrans }),
  };
}

const same = (a: SsView, b: SsView) =>
  a.state === b.state && a.timer === b.timer && a.count === b.count;

interface Stretch {
  from: number;
  to: number;
  view: SsView;
  /** Each timer expiry within the stretch, with when it was armed. */
  rows: SocketSnapshot[];
}

/** The engine's first connection on one host as stretches of unchanging state, timer and count. */
function stretches(result: RunResult, host: HostName, end: number): Stretch[] {
  const out: Stretch[] = [{ from: 0, to: end, view: { state: 'gone', timer: 'off' }, rows: [] }];
  for (const row of result.sockets) {
    if (row.host !== host || row.conn !== 0 || row.state === 'LISTEN') continue;
    const last = out[out.length - 1]!;
    const view = engineView(row);
    if (same(view, last.view)) {
      last.rows.push(row);
      continue;
    }
    if (row.t === last.from) {
      // Several changes at one instant: only the last one stands.
      out[out.length - 1] = { ...last, view, rows: [row] };
      continue;
    }
    last.to = row.t;
    out.push({ from: row.t, to: end, view, rows: [row] });
  }
  return out;
}

/**
 * A moment of a run: a step that can start a timer (`mark:<i>`, the i-th step; pulling a cable
 * tells no socket anything) or an event key (trace.ts).
 */
export interface Moment {
  key: string;
  t: number;
  /** A step's host; absent for connect() and for events (their key names theirs). */
  host?: HostName;
}

function isOwn(moment: Moment, host: HostName): boolean {
  if (moment.key.startsWith('mark:')) return !moment.host || moment.host === host;
  return moment.key.startsWith(`${host}:`);
}

/**
 * The hosts of a run's marks: none for connect() (the first), then the host of each step after
 * t = 0, in order, as both the lab and engine.ts mark them.
 */
const markHosts = (m: Measurement): (HostName | undefined)[] => [
  undefined,
  ...m.variant.steps.filter((s) => s.at > 0).map((s) => s.action.host),
];

const steps = (marks: Trace['marks'], hosts: (HostName | undefined)[]): Moment[] =>
  marks.flatMap((k, i) => {
    if (!CAUSAL.includes(k.mark)) return [];
    const host = hosts[i];
    return [{ key: `mark:${i}`, t: k.t, ...(host && { host }) }];
  });

/** The moments of the kernel's sampled run, as the measurement recorded them. */
export function kernelMoments(m: Measurement): Moment[] {
  return [...steps(m.ss.marks, markHosts(m)), ...m.ss.events];
}

/** The engine's moments, named as kernelMoments() names them. */
export function engineMoments(trace: Trace): Moment[] {
  return [...steps(trace.marks, []), ...observe(trace).map((e) => ({ key: e.key, t: e.t }))];
}

/**
 * While the lab was taking each step after t = 0: from the step's time to the mark it made once
 * done (an `ip` command or a send takes a while, and on a busy machine the lab may start it a
 * few hundred ms late). A socket sampled then, on either host, may show the step or not yet: the
 * peer's changes as soon as the step's packets reach it. No sample then says which.
 */
function stepsUnderWay(m: Measurement): { from: number; to: number }[] {
  const later = m.variant.steps.filter((s) => s.at > 0);
  return m.ss.marks.slice(1).map((k, i) => ({ from: later[i]!.at, to: k.t }));
}

interface Reference {
  kernel: number;
  engine: number;
}

/**
 * The latest moment at or before `t` that both runs have and that is `host`'s own: its time in
 * each. A known disagreement's event is no common moment.
 */
function reference(
  kernel: Moment[],
  engine: Map<string, number>,
  known: ReadonlySet<string>,
  host: HostName,
  t: number,
): Reference {
  let best = { kernel: 0, engine: 0 };
  for (const k of kernel) {
    if (!isOwn(k, host)) continue;
    const e = engine.get(k.key);
    if (e !== undefined && !known.has(k.key) && k.t <= t && k.t >= best.kernel)
      best = { kernel: k.t, engine: e };
  }
  return best;
}

/** Events of an application, or of one socket's state: they tell the other host nothing. */
const OWN_HOST_ONLY = ['error', 'eof', 'app-close', 'state'];

/**
 * The known disagreement a difference on `host` follows from: one whose event happened, on
 * either side, between the common moment and `until` (the sample, or the timer's due time), or
 * that the two runs are on opposite sides of. An application's event explains only its own
 * host's socket. (`<host>:ss:<state>` keys are matched by the caller.)
 */
function knownCause(
  known: ReadonlySet<string>,
  host: HostName,
  kernel: Moment[],
  engine: Map<string, number>,
  ref: Reference,
  until: Reference,
): string | undefined {
  for (const key of known) {
    const [of, kind] = key.split(':');
    if (kind === 'ss' || (OWN_HOST_ONLY.includes(kind!) && of !== host)) continue;
    const k = kernel.find((x) => x.key === key)?.t;
    const e = engine.get(key);
    if (k !== undefined && k > ref.kernel && k <= until.kernel) return key;
    if (e !== undefined && e > ref.engine && e <= until.engine) return key;
    if (k !== undefined && e !== undefined && until.kernel < k !== until.engine < e) return key;
  }
  return undefined;
}

function expiryDisagreement(
  sample: SsSample,
  socket: SsSocket,
  rows: SocketSnapshot[],
  from: number,
  ref: number,
): (SsDisagreement & { kernelDue: number; engineDue: number }) | undefined {
  if (!socket.timer) return undefined;
  const to = from + sample.span;
  // The engine's timer in force as ss read the kernel, when it was armed, and when it changes
  // next. The kernel re-arms within the tolerance of the engine: too near either, skip.
  const i = rows.findLastIndex((r) => r.t <= from);
  const due = rows[i]?.timer?.expiresAt;
  if (due === undefined) return undefined;
  let armed = rows[i]!.t;
  for (let j = i; j >= 0 && rows[j]!.timer?.expiresAt === due; j--) armed = rows[j]!.t;
  const next = rows.find((r) => r.t > from && r.timer?.expiresAt !== due)?.t ?? Infinity;
  // Armed and due are moments of the engine's like any other: as far from `ref` as they are,
  // the kernel's come within the tolerance.
  if (from - armed < tolerance(armed - ref) || next - to < tolerance(next - ref)) return undefined;
  const tol = tolerance(due - ref);
  // ss prints the time left, never less than 0, as it reads the kernel within [from, to].
  const lo = socket.timer.expiresMs === 0 ? -Infinity : from + socket.timer.expiresMs;
  const hi = to + socket.timer.expiresMs;
  if (due >= lo - tol && due <= hi + tol) return undefined;
  const s = (ms: number) => `${(ms / 1000).toFixed(3)} s`;
  return {
    host: sample.host,
    t: sample.t,
    what: 'expiry',
    measured:
      socket.timer.expiresMs === 0
        ? `due by ${s(hi)}`
        : `due at ${s(lo)}..${s(hi)} (${socket.timer.expiresMs} ms left)`,
    simulated: `due at ${s(due)} (armed at ${s(armed)}, ±${s(tol)})`,
    kernelDue: hi,
    engineDue: due,
  };
}

/**
 * Every ss sample of the measurement against the engine's run of the same scenario. `known`:
 * the scenario's known disagreements (event keys); a difference that follows from one is
 * marked with it.
 */
export function compareSs(
  m: Measurement,
  result: RunResult,
  trace: Trace,
  known: readonly string[] = [],
): SsComparison {
  const knownSet = new Set(known);
  const end = Math.max(result.end, m.variant.until);
  const byHost = {
    client: stretches(result, 'client', end),
    server: stretches(result, 'server', end),
  } satisfies Record<HostName, Stretch[]>;
  const kernel = kernelMoments(m);
  const engine = new Map(engineMoments(trace).map((e) => [e.key, e.t] as const));
  const disagreements: SsDisagreement[] = [];
  let compared = 0;
  const underWay = stepsUnderWay(m);
  for (const sample of m.ss.samples) {
    const view = kernelView(sample.sockets);
    const busy = underWay.some((w) => w.from <= sample.t && sample.t < w.to);
    if (!view || busy) continue;
    const ref = reference(kernel, engine, knownSet, sample.host, sample.t);
    const from = sample.t - ref.kernel + ref.engine;
    const to = from + sample.span;
    const stretch = byHost[sample.host].find((s) => s.from <= from && from < s.to);
    if (!stretch) continue;
    const settled =
      to < stretch.to &&
      (stretch.from === 0 || from - stretch.from >= tolerance(stretch.from - ref.engine)) &&
      stretch.to - to >= tolerance(stretch.to - ref.engine);
    if (!settled) continue;
    compared += 1;
    const sim = stretch.view;
    const cause = (until: Reference) =>
      knownCause(knownSet, sample.host, kernel, engine, ref, until);
    const disagree = (what: SsDisagreement['what'], a: unknown, b: unknown) => {
      // A state the kernel is known to stay in longer than the engine (`<host>:ss:<state>`).
      const lingers = `${sample.host}:ss:${String(a)}`;
      const known =
        what === 'state' && knownSet.has(lingers)
          ? lingers
          : cause({ kernel: sample.t + sample.span, engine: to });
      disagreements.push({
        host: sample.host,
        t: sample.t,
        what,
        measured: String(a ?? '—'),
        simulated: String(b ?? '—'),
        ...(known && { known }),
      });
    };
    if (view.state !== sim.state) disagree('state', view.state, sim.state);
    else if (view.timer !== sim.timer) disagree('timer', view.timer, sim.timer);
    else if (view.count !== sim.count) disagree('count', view.count, sim.count);
    else {
      const socket = sample.sockets.find((s) => s.state !== 'CLOSED');
      const expiry = socket && expiryDisagreement(sample, socket, stretch.rows, from, ref.engine);
      if (expiry) {
        const { kernelDue, engineDue, ...d } = expiry;
        // The timer that fires next may be the known event itself.
        const known = cause({
          kernel: kernelDue + tolerance(kernelDue - ref.kernel),
          engine: engineDue + tolerance(engineDue - ref.engine),
        });
        disagreements.push({ ...d, ...(known && { known }) });
      }
    }
  }
  return { samples: m.ss.samples.length, compared, disagreements };
}

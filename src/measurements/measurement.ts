/**
 * A scenario measured on real Linux (content/measurements/<id>.json): how the runs are folded
 * into one record, and how the engine is judged against it.
 *
 * The verdict follows packetdrill's tolerance: an engine event agrees when it falls within the
 * measured range widened by max(4 ms, 12.5 % of the interval before it) — the interval from the
 * previous event of the same host (or from the step it is reported after, if later). Kernel
 * timers fire late by up to that much (the timer wheel), so this is the widest honest margin.
 */
import type { HostName } from '../engine/types.ts';
import type { MarkId, Scenario, SideSetup, Step } from './scenarios.ts';
import type { SsSocket } from './ss.ts';
import { anchorOf, observe, type ObservedEvent, type Trace } from './trace.ts';

export interface MeasuredEvent {
  key: string;
  chain: HostName;
  /** The step it is timed from. */
  after: MarkId;
  /** ms after that step, over the runs that saw it. */
  min: number;
  max: number;
  /** ms after what it follows (ObservedEvent.prev): the interval the tolerance applies to. */
  gapMin: number;
  gapMax: number;
  /** How many runs saw it (all of them, unless `Measurement.consistent` is false). */
  runs: number;
}

/** An errno an application got, ms after connect(), over the runs. */
export interface MeasuredErrno {
  errno: string;
  min: number;
  max: number;
}

/** One `ss` of one host during a run. */
export interface SsSample {
  /** ms after connect(), as ss started; `span`: ms until it finished (it read the kernel in between). */
  t: number;
  span: number;
  host: HostName;
  /** Why it was taken: `every` (periodic), a step (`unplug`, `send`…), an endpoint event (`eof`, `error:ETIMEDOUT`, `sent`…), `end`. */
  why: string[];
  /** The scenario's sockets in that host (none once its connection is gone). */
  sockets: SsSocket[];
}

export interface Measurement {
  scenario: string;
  outcome: string;
  /** `hzSource`: where CONFIG_HZ was read (a kernel config file, or the jiffies rate). */
  kernel: { release: string; hz: number; hzSource: string };
  date: string;
  runs: number;
  /** The variant that ran: the scenario's parameters as the lab applied them. */
  variant: {
    shortened: boolean;
    path: { hz: number; handshakeRttUs: [number, number] | null };
    client: SideSetup;
    server: SideSetup;
    steps: Step[];
    until: number;
  };
  events: MeasuredEvent[];
  /**
   * Errnos each application got, in order, each with when it got it (the same errnos in every
   * run unless `consistent` is false).
   */
  errnos: Record<HostName, MeasuredErrno[]>;
  /** Socket states at the end (ss), per host. */
  finalStates: Record<HostName, string>;
  /** False when the runs disagreed on which events, errnos or final states happened. */
  consistent: boolean;
  /** Per run, when `consistent` is false: what each run saw. */
  perRun?: {
    events: string[];
    errnos: Record<HostName, { errno: string; t: number }[]>;
    finalStates: Record<HostName, string>;
  }[];
  /** `ss` of both hosts through one run: periodically, at each step and at each event. */
  ss: {
    command: string;
    /** ms between periodic samples (steps and events add their own). */
    everyMs: number;
    /** When that run took each step, ms after connect() (the driver acts a few ms late). */
    marks: { mark: MarkId; t: number }[];
    /** When each event of that run happened, ms after connect() (its packets, errnos…). */
    events: { key: string; t: number }[];
    samples: SsSample[];
  };
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;

/** Each observed event, timed from the latest step at or before it. */
export function anchored(
  trace: Trace,
): (ObservedEvent & { after: MarkId; since: number; gap: number })[] {
  return observe(trace).map((e) => {
    const a = anchorOf(trace, e.t);
    return { ...e, after: a.mark, since: e.t - a.t, gap: e.t - e.prev };
  });
}

/** Fold several runs of one scenario into a Measurement. */
export function aggregate(
  scenario: Scenario,
  runs: { trace: Trace; ss?: SsSample[]; handshakeRttUs?: number }[],
  kernel: Measurement['kernel'],
  date: Date,
  ss: { command: string; everyMs: number },
): Measurement {
  const timedErrnos = (trace: Trace, host: HostName) =>
    trace.app.flatMap((a) =>
      a.what === 'error' && a.host === host ? [{ errno: String(a.errno), t: round(a.t) }] : [],
    );
  const perRun = runs.map((r) => ({
    events: anchored(r.trace),
    errnos: { client: timedErrnos(r.trace, 'client'), server: timedErrnos(r.trace, 'server') },
    finalStates: { client: r.trace.final.client.state, server: r.trace.final.server.state },
  }));
  const first = perRun[0]!;
  const keys: string[] = [];
  for (const run of perRun) for (const e of run.events) if (!keys.includes(e.key)) keys.push(e.key);
  const events = keys.map((key): MeasuredEvent => {
    const seen = perRun.flatMap((r) => r.events.filter((e) => e.key === key));
    const after = seen[0]!.after;
    const times = seen.filter((e) => e.after === after).map((e) => e.since);
    const gaps = seen.map((e) => e.gap);
    return {
      key,
      chain: seen[0]!.chain,
      after,
      min: round(Math.min(...times)),
      max: round(Math.max(...times)),
      gapMin: round(Math.min(...gaps)),
      gapMax: round(Math.max(...gaps)),
      runs: seen.length,
    };
  });
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const names = (r: (typeof perRun)[number]) => ({
    client: r.errnos.client.map((e) => e.errno),
    server: r.errnos.server.map((e) => e.errno),
  });
  const consistent =
    perRun.every((r) => same(names(r), names(first)) && same(r.finalStates, first.finalStates)) &&
    events.every((e) => e.runs === runs.length);
  // Each errno of the first run, timed over the runs that got the same errnos.
  const errnos = (host: HostName): MeasuredErrno[] =>
    first.errnos[host].map(({ errno }, i) => {
      const times = perRun
        .filter((r) => same(names(r)[host], names(first)[host]))
        .map((r) => r.errnos[host][i]!.t);
      return { errno, min: Math.min(...times), max: Math.max(...times) };
    });
  const sampled = runs.find((r) => r.ss);
  const rtts = runs.map((r) => r.handshakeRttUs).filter((x): x is number => x !== undefined);
  return {
    scenario: scenario.id,
    outcome: scenario.outcome,
    kernel,
    date: date.toISOString(),
    runs: runs.length,
    variant: {
      shortened: scenario.shortened ?? false,
      path: {
        hz: kernel.hz,
        handshakeRttUs: rtts.length ? [Math.min(...rtts), Math.max(...rtts)] : null,
      },
      client: scenario.client,
      server: scenario.server,
      steps: scenario.steps,
      until: scenario.until,
    },
    events,
    errnos: { client: errnos('client'), server: errnos('server') },
    finalStates: first.finalStates,
    consistent,
    ...(!consistent && {
      perRun: perRun.map((r) => ({ ...r, events: r.events.map((e) => e.key) })),
    }),
    ss: {
      ...ss,
      marks: (sampled?.trace.marks ?? []).map((k) => ({ mark: k.mark, t: round(k.t) })),
      events: sampled ? observe(sampled.trace).map((e) => ({ key: e.key, t: round(e.t) })) : [],
      samples: sampled?.ss ?? [],
    },
  };
}

export type RowVerdict = 'agrees' | 'disagrees' | 'known';

export interface ComparisonRow {
  /** Event key, or `<host>:errnos` / `<host>:final-state`. */
  key: string;
  after?: MarkId;
  /** Measured range (ms after `after`), or the measured value as text. */
  measured: { min: number; max: number } | string | null;
  /** The engine's time (ms after `after`), or its value as text. */
  simulated: number | string | null;
  /** The interval judged: measured range and the engine's, ms after what the event follows. */
  gap?: { min: number; max: number; simulated: number };
  /** The tolerance applied to the gap, ms. */
  tolerance?: number;
  verdict: RowVerdict;
  /** Why a known disagreement disagrees (from the scenario). */
  reason?: { en: string; zh: string };
}

export interface Comparison {
  scenario: string;
  rows: ComparisonRow[];
  verdict: RowVerdict;
}

/**
 * Judge the engine's run of a scenario against the measurement: every event each saw (by key,
 * on the interval from what it follows), the errnos and the final states.
 */
export function compare(scenario: Scenario, m: Measurement, engine: Trace): Comparison {
  const simEvents = observe(engine);
  const markTime = (mark: MarkId) => engine.marks.find((x) => x.mark === mark)?.t ?? 0;
  const known = (key: string) => scenario.knownDisagreements?.find((k) => k.event === key);
  const rows: ComparisonRow[] = [];
  const judge = (row: Omit<ComparisonRow, 'verdict'>, ok: boolean): void => {
    const k = known(row.key);
    rows.push({
      ...row,
      verdict: ok ? 'agrees' : k ? 'known' : 'disagrees',
      ...(k && { reason: k.reason }),
    });
  };

  for (const e of m.events) {
    const sim = simEvents.find((s) => s.key === e.key);
    if (!sim) {
      judge(
        { key: e.key, after: e.after, measured: { min: e.min, max: e.max }, simulated: null },
        false,
      );
      continue;
    }
    const gap = sim.t - sim.prev;
    const tolerance = Math.max(4, 0.125 * gap);
    const ok = gap >= e.gapMin - tolerance - 1e-6 && gap <= e.gapMax + tolerance + 1e-6;
    judge(
      {
        key: e.key,
        after: e.after,
        measured: { min: e.min, max: e.max },
        simulated: round(sim.t - markTime(e.after)),
        gap: { min: e.gapMin, max: e.gapMax, simulated: round(gap) },
        tolerance: round(tolerance),
      },
      ok,
    );
  }
  for (const s of simEvents) {
    if (m.events.some((e) => e.key === s.key)) continue;
    const a = anchorOf(engine, s.t);
    judge({ key: s.key, after: a.mark, measured: null, simulated: round(s.t - a.t) }, false);
  }
  for (const h of ['client', 'server'] as const) {
    const measured = m.errnos[h].map((e) => e.errno).join(', ') || '—';
    const simulated = engine.final[h].errors.join(', ') || '—';
    judge({ key: `${h}:errnos`, measured, simulated }, measured === simulated);
    judge(
      { key: `${h}:final-state`, measured: m.finalStates[h], simulated: engine.final[h].state },
      m.finalStates[h] === engine.final[h].state,
    );
  }
  const verdict: RowVerdict = rows.some((r) => r.verdict === 'disagrees')
    ? 'disagrees'
    : rows.some((r) => r.verdict === 'known')
      ? 'known'
      : 'agrees';
  return { scenario: scenario.id, rows, verdict };
}

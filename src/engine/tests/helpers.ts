/** Small helpers shared by the engine's tests. */
import { createHash } from 'node:crypto';
import type { RunResult, SegmentRecord, HostName, SegmentRole } from '../types.ts';

/** Times (s, relative to t0 ms) of the segments `from` sent, optionally only some roles. */
export function sentTimes(
  r: RunResult,
  from: HostName,
  t0: number,
  roles?: SegmentRole[],
  conn = 0,
): number[] {
  return r.segments
    .filter(
      (s: SegmentRecord) =>
        s.from === from && s.conn === conn && (!roles || roles.includes(s.role)),
    )
    .map((s) => round((s.t - t0) / 1000));
}

export function round(x: number, digits = 6): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Seconds relative to t0 (ms). */
export function rel(ms: number | undefined, t0: number): number | undefined {
  return ms === undefined ? undefined : round((ms - t0) / 1000);
}

/** The trace of a result: everything it recorded, in the fields results had before the wheel. */
export function traceHash(r: RunResult): string {
  const trace = {
    outcome: r.outcome,
    client: r.client,
    server: r.server,
    connections: r.connections,
    segments: r.segments,
    events: r.events,
    sockets: r.sockets,
    outages: r.outages,
    end: r.end,
    config: { seed: r.config.seed, rtt: r.config.rtt, hz: r.config.hz, loss: r.config.loss },
    stats: r.stats,
  };
  return createHash('sha256').update(JSON.stringify(trace)).digest('hex').slice(0, 16);
}

// compareSs() on a committed record: it agrees with the engine as recorded, and a sample
// changed in any of the fields it compares is reported, naming the sample and both values.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { engineTrace, runInEngine } from './engine.ts';
import type { Measurement, SsSample } from './measurement.ts';
import { scenarioById } from './scenarios.ts';
import { compareSs } from './ssCompare.ts';

const scenario = scenarioById('sender-aborts')!;
const record = JSON.parse(
  readFileSync(
    join(import.meta.dirname, '..', '..', 'content', 'measurements', 'sender-aborts.json'),
    'utf8',
  ),
) as Measurement;
const engine = runInEngine(scenario, record.kernel.hz);
const trace = engineTrace(scenario, engine);

/** The record with one sample changed: the first periodic one whose socket's timer is `on` with a count. */
function changed(edit: (sample: SsSample) => void): { m: Measurement; t: number } {
  const m = structuredClone(record);
  const sample = m.ss.samples.find(
    (s) => s.why.includes('every') && (s.sockets[0]?.timer?.count ?? 0) >= 3,
  )!;
  edit(sample);
  return { m, t: sample.t };
}

describe('compareSs', () => {
  it('holds a retransmitting sender’s samples to the engine, and they agree', () => {
    const c = compareSs(record, engine, trace);
    expect(c.compared).toBeGreaterThan(c.samples / 2);
    expect(c.disagreements).toEqual([]);
  });

  it('reports a wrong retransmission count', () => {
    const { m, t } = changed((s) => (s.sockets[0]!.timer!.count += 1));
    const [d] = compareSs(m, engine, trace).disagreements;
    expect(d).toMatchObject({ host: 'server', t, what: 'count' });
    expect(Number(d!.measured)).toBe(Number(d!.simulated) + 1);
  });

  it('reports a wrong state and a wrong timer', () => {
    const state = changed((s) => (s.sockets[0]!.state = 'CLOSE_WAIT'));
    expect(compareSs(state.m, engine, trace).disagreements).toMatchObject([
      { t: state.t, what: 'state', measured: 'CLOSE_WAIT', simulated: 'ESTABLISHED' },
    ]);
    const timer = changed((s) => (s.sockets[0]!.timer!.name = 'persist'));
    expect(compareSs(timer.m, engine, trace).disagreements).toMatchObject([
      { t: timer.t, what: 'timer', measured: 'persist', simulated: 'on' },
    ]);
  });

  it('reports a timer due later than the engine’s beyond the tolerance', () => {
    const { m, t } = changed((s) => (s.sockets[0]!.timer!.expiresMs += 2000));
    expect(compareSs(m, engine, trace).disagreements).toMatchObject([{ t, what: 'expiry' }]);
  });

  it('marks a difference that follows from a known disagreement with its event', () => {
    const { m, t } = changed((s) => (s.sockets[0]!.timer!.count += 1));
    // The latest event before the sample, which the engine is then held to disagree on.
    const key = m.ss.events.findLast((e) => e.t <= t)!.key;
    expect(compareSs(m, engine, trace, [key]).disagreements).toMatchObject([
      { what: 'count', known: key },
    ]);
    expect(compareSs(m, engine, trace, ['client:fin']).disagreements[0]!.known).toBeUndefined();
  });
});

// compareSs() on a committed record: it agrees with the engine as recorded, and a sample
// changed in any of the fields it compares is reported, naming the sample and both values.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { engineTrace, runInEngine } from './engine.ts';
import type { Measurement, SsSample } from './measurement.ts';
import { scenarioById } from './scenarios.ts';
import { compareSs } from './ssCompare.ts';

/** A scenario's committed record, and the engine's run and trace of it on the record's HZ. */
function measured(id: string) {
  const scenario = scenarioById(id)!;
  const record = JSON.parse(
    readFileSync(
      join(import.meta.dirname, '..', '..', 'content', 'measurements', `${id}.json`),
      'utf8',
    ),
  ) as Measurement;
  const run = runInEngine(scenario, record.kernel.hz);
  return { record, run, trace: engineTrace(scenario, run) };
}

const { record, run: engine, trace } = measured('sender-aborts');

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

  describe('with steps on both hosts at one time, which the lab takes one after the other', () => {
    // new-address: at 2 s the client sends, then the server; the lab marked them 109 ms apart.
    const { record: rec, run, trace: tr } = measured('new-address');
    const [clientSend, serverSend] = rec.ss.marks.filter((k) => k.t > 2000).map((k) => k.t);
    const sampleOf = (m: Measurement, host: string, after: number) =>
      m.ss.samples.find((s) => s.host === host && s.t > after)!;

    it('places a host’s samples from its own steps, and they agree', () => {
      expect(serverSend! - clientSend!).toBeGreaterThan(50);
      const c = compareSs(rec, run, tr);
      expect(c.compared).toBeGreaterThan(c.samples / 2);
      expect(c.disagreements).toEqual([]);
      // The client's timer after the server's step is still held to the engine's.
      const m = structuredClone(rec);
      const sample = sampleOf(m, 'client', serverSend!);
      sample.sockets[0]!.timer!.expiresMs += 300;
      expect(compareSs(m, run, tr).disagreements).toMatchObject([
        { host: 'client', t: sample.t, what: 'expiry' },
      ]);
    });

    it('does not hold a host to a sample taken while its step was under way', () => {
      const m = structuredClone(rec);
      const during = m.ss.samples.find(
        (s) => s.host === 'server' && s.t > 2000 && s.t < serverSend!,
      )!;
      during.sockets[0]!.state = 'CLOSE_WAIT';
      expect(compareSs(m, run, tr).disagreements).toEqual([]);
      sampleOf(m, 'server', serverSend!).sockets[0]!.state = 'CLOSE_WAIT';
      expect(compareSs(m, run, tr).disagreements).toMatchObject([
        { host: 'server', what: 'state', measured: 'CLOSE_WAIT' },
      ]);
    });
  });

  describe('with a step the lab took late', () => {
    // normal-close as a busy CI machine measured it: the client's close, due at 1 s, was taken
    // at 1.216 s, and the server, sampled at 1.205 s, was still ESTABLISHED.
    const { record: rec, run, trace: tr } = measured('normal-close');
    const LATE = 208;
    /** The record with everything from the close on `LATE` ms later, and a server sample at `t`. */
    function lateClose(t: number, state: string): Measurement {
      const m = structuredClone(rec);
      m.ss.marks[1]!.t += LATE;
      for (const e of m.ss.events) e.t += LATE;
      const after = m.ss.samples.filter((x) => x.t > 1000);
      for (const x of after) x.t += LATE;
      const established = m.ss.samples.find((x) => x.host === 'server' && x.why.includes('every'))!;
      const extra = { ...structuredClone(established), t, why: ['every'] };
      extra.sockets[0]!.state = state;
      m.ss.samples.push(extra);
      m.ss.samples.sort((a, b) => a.t - b.t);
      return m;
    }

    it('does not hold the peer to a sample taken while the step was under way', () => {
      expect(compareSs(lateClose(1205, 'ESTABLISHED'), run, tr).disagreements).toEqual([]);
    });

    it('still holds it once the step is done', () => {
      expect(compareSs(lateClose(1400, 'ESTABLISHED'), run, tr).disagreements).toMatchObject([
        { host: 'server', t: 1400, what: 'state', measured: 'ESTABLISHED', simulated: 'gone' },
      ]);
    });
  });
});

// observe() reads a capture the way the engine labels its own segments: re-sends, probes, FINs.
import { describe, expect, it } from 'vitest';
import { engineTrace, runInEngine } from './engine.ts';
import { SCENARIOS } from './scenarios.ts';
import { observe } from './trace.ts';

describe('observe()', () => {
  for (const scenario of SCENARIOS) {
    it(`${scenario.id}: counts the re-sends and probes the engine labels`, () => {
      const r = runInEngine(scenario);
      const events = observe(engineTrace(scenario, r));
      const visible = new Set(
        engineTrace(scenario, r).packets.map((p) => `${p.from}${p.t}${p.seq}`),
      );
      for (const host of ['client', 'server'] as const) {
        const mine = r.segments.filter(
          (x) => x.from === host && visible.has(`${host}${x.t}${x.seq}`),
        );
        const resends = mine.filter((x) =>
          ['tlp', 'retransmission', 'syn-retransmission'].includes(x.role),
        ).length;
        // A keepalive probe and a zero-window probe are the same segment on the wire.
        const probes = mine.filter((x) => ['keepalive', 'window-probe'].includes(x.role)).length;
        expect(events.filter((e) => e.key.startsWith(`${host}:resend:`)).length).toBe(resends);
        expect(events.filter((e) => e.key.startsWith(`${host}:probe:`)).length).toBe(probes);
      }
    });
  }

  it('times each event from what it follows: a re-send from the previous transmission', () => {
    const scenario = SCENARIOS.find((x) => x.id === 'retries2-budget')!;
    const r = runInEngine(scenario);
    const events = observe(engineTrace(scenario, r));
    const copies = r.segments.filter((x) => x.from === 'server' && x.len > 0).map((x) => x.t);
    const expected = copies.slice(1).map((t, i) => t - copies[i]!);
    const gaps = events.filter((e) => e.key.startsWith('server:resend:')).map((e) => e.t - e.prev);
    expect(gaps).toEqual(expected);
    expect(gaps.length).toBe(6);
  });
});

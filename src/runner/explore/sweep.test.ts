import { readFileSync } from 'node:fs';
import * as engine from 'tcp-lab';
import { describe, expect, it } from 'vitest';
import { runSnippet } from '../runSnippet';
import { writeControl } from './controlValues';
import { MEASURES } from './measures';
import { PARAMETERS } from './parameters';
import { checkSweepSpec, packSweep, sweepSnippet, sweepValues, unpackSweep } from './sweep';

const snippet = (name: string) =>
  readFileSync(new URL(`../../../content/snippets/${name}.ts`, import.meta.url), 'utf8');

/** One ordinary run of the code with the control set, read with the same measure. */
function single(
  source: string,
  id: keyof typeof PARAMETERS,
  value: number,
  measure: keyof typeof MEASURES,
) {
  const written = writeControl(source, PARAMETERS[id], value);
  if (written.status !== 'ok') throw new Error(written.status);
  const run = runSnippet(written.source, engine);
  if (run.status !== 'ok') throw new Error(run.status);
  return MEASURES[measure].read(run.result) ?? null;
}

describe('sweepValues', () => {
  it('steps from..to inclusive, without binary noise', () => {
    expect(sweepValues({ from: 0, to: 0.3, step: 0.1 })).toEqual([0, 0.1, 0.2, 0.3]);
    expect(sweepValues({ from: 1, to: 15, step: 1 })).toHaveLength(15);
  });
});

describe('sweepSnippet', () => {
  it('gives, at every point, what one run of the code edited to that value gives', () => {
    const source = snippet('retries2-budget');
    const sweep = sweepSnippet(
      source,
      {
        over: 'tcpRetries2',
        from: 1,
        to: 8,
        step: 1,
        measure: 'giveUpAfterSend',
        series: { over: 'hz', values: [100, 1000] },
      },
      engine,
    );
    expect(sweep.status).toBe('ok');
    if (sweep.status !== 'ok') return;
    expect(sweep.runs).toBe(16);
    expect(sweep.lines.map((l) => l.value)).toEqual([100, 1000]);
    for (const line of sweep.lines) {
      for (const point of line.points) {
        const edited = writeControl(source, PARAMETERS.hz, line.value!);
        if (edited.status !== 'ok') throw new Error('hz');
        expect(point.y).toBe(single(edited.source, 'tcpRetries2', point.x, 'giveUpAfterSend'));
      }
    }
    // A bigger budget never gives up sooner.
    const ys = sweep.lines[1]!.points.map((p) => p.y!);
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
  });

  it('sweeps a literal that is not a lab option (the replug time) the same way', () => {
    const source = snippet('survives-after-replug');
    const sweep = sweepSnippet(
      source,
      { over: 'replugAt', from: 5, to: 60, step: 11, measure: 'recoveryAfterReplug' },
      engine,
    );
    if (sweep.status !== 'ok') throw new Error(sweep.message);
    for (const p of sweep.lines[0]!.points) {
      expect(p.y).toBe(single(source, 'replugAt', p.x, 'recoveryAfterReplug'));
    }
  });

  it('forces a lab option the code leaves at its default (the timer phase)', () => {
    const sweep = sweepSnippet(
      snippet('sender-aborts'),
      { over: 'timerPhase', from: 0, to: 0.99, step: 0.01, measure: 'giveUpAfterSend' },
      engine,
    );
    if (sweep.status !== 'ok') throw new Error(sweep.message);
    const ys = new Set(sweep.lines[0]!.points.map((p) => p.y));
    expect(sweep.runs).toBe(100);
    // The timer wheel's rounding depends on the phase: not every run gives up at the same time.
    expect(ys.size).toBeGreaterThan(1);
  });

  it('records null where a run has no value for the measure', () => {
    const sweep = sweepSnippet(
      snippet('survives-after-replug'),
      { over: 'replugAt', from: 5, to: 10, step: 5, measure: 'giveUpAfterSend' },
      engine,
    );
    expect(sweep.status === 'ok' && sweep.lines[0]!.points.map((p) => p.y)).toEqual([null, null]);
  });

  it('fails with the reason when the code has no literal to sweep or throws', () => {
    const noLiteral = sweepSnippet(
      snippet('sender-aborts'),
      { over: 'replugAt', from: 1, to: 2, step: 1, measure: 'giveUpAfterSend' },
      engine,
    );
    expect(noLiteral).toEqual({ status: 'failed', message: 'no literal for replugAt (missing).' });
    const throws = sweepSnippet(
      snippet('hung-process'),
      { over: 'keepCount', from: 126, to: 128, step: 1, measure: 'detectionAfterUnplug' },
      engine,
    );
    expect(throws.status === 'failed' && throws.message).toMatch(
      /^at keepCount = 128: .*TCP_KEEPCNT/,
    );
  });

  it('refuses specs a chapter got wrong, naming the problem', () => {
    const base = {
      over: 'tcpRetries2',
      from: 1,
      to: 15,
      step: 1,
      measure: 'retransmissions',
    } as const;
    expect(checkSweepSpec({ ...base, step: 0 })).toMatch(/step above 0/);
    expect(checkSweepSpec({ ...base, to: 0 })).toMatch(/below from/);
    expect(checkSweepSpec({ ...base, over: 'mtu' as never })).toMatch(/unknown parameter "mtu"/);
    expect(checkSweepSpec({ ...base, to: 3000 })).toMatch(/more than the 2000/);
  });
});

describe('packSweep', () => {
  it('carries every value exactly, runs without one as none, through JSON and back', () => {
    const spec = {
      over: 'replugAt',
      from: 2,
      to: 40,
      step: 2,
      measure: 'detectionAfterUnplug',
    } as const;
    const sweep = sweepSnippet(snippet('keepalive-answered'), spec, engine);
    if (sweep.status !== 'ok') throw new Error(sweep.message);
    const ys = sweep.lines[0]!.points.map((p) => p.y);
    // The server gives up only when the cable comes back too late: both kinds are in the sweep.
    expect(ys).toContain(null);
    expect(ys.some((y) => y !== null)).toBe(true);
    const packed = JSON.parse(JSON.stringify(packSweep(sweep.lines, sweep.runs)));
    expect(unpackSweep(spec, packed)).toEqual(sweep.lines);
  });
});

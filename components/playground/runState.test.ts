import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/engine/types';
import { applyOutcome, isStale, type RunView } from './runState';

const result = (end: number) =>
  ({ end, outcome: { id: 'still-established', summary: '' } }) as RunResult;
const built: RunView = {
  shown: {
    result: result(1),
    source: 'original',
    logs: ['built'],
    droppedLogs: 0,
    wallMs: 1,
    origin: 'build',
  },
  logs: ['built'],
  droppedLogs: 0,
  noRun: false,
};

describe('run state', () => {
  it('a successful run replaces the result, its output and any earlier failure', () => {
    const failed = applyOutcome(built, 'bad', { status: 'timeout', limitMs: 2000, wallMs: 2000 });
    const next = applyOutcome(failed, 'edited', {
      status: 'ok',
      result: result(2),
      logs: ['x'],
      droppedLogs: 0,
      wallMs: 3,
    });
    expect(next.failure).toBeUndefined();
    expect(next.shown).toMatchObject({ source: 'edited', origin: 'live', wallMs: 3 });
    expect(next.logs).toEqual(['x']);
  });

  it('a failure keeps the last result (now stale) and says why', () => {
    const next = applyOutcome(built, 'edited', {
      status: 'runtime-error',
      error: { kind: 'thrown', name: 'Error', message: 'Boom.', line: 3 },
      logs: ['before the throw'],
      droppedLogs: 0,
      wallMs: 1,
    });
    expect(next.shown).toBe(built.shown);
    expect(next.failure?.status).toBe('runtime-error');
    expect(next.logs).toEqual(['before the throw']);
    expect(isStale(next, 'edited')).toBe(true);
  });

  it('a run without lab.run() is reported, not shown as a result', () => {
    const next = applyOutcome(built, 'edited', {
      status: 'no-run',
      logs: [],
      droppedLogs: 0,
      wallMs: 1,
    });
    expect(next.noRun).toBe(true);
    expect(next.shown).toBe(built.shown);
  });

  it('the result is stale exactly when the code differs from what produced it', () => {
    expect(isStale(built, 'original')).toBe(false);
    expect(isStale(built, 'original ')).toBe(true);
  });
});

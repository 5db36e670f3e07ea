import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/engine/types';
import type { RunnerOutcome } from '../../src/runner/protocol';
import { announcement } from './announcement';
import { playgroundStrings } from './strings';

describe('announcement', () => {
  it('names the outcome of a run in the page language', () => {
    const result = { outcome: { id: 'sender-aborts', summary: '' } } as RunResult;
    const ok: RunnerOutcome = { status: 'ok', result, logs: [], droppedLogs: 0, wallMs: 1 };
    expect(announcement(ok, playgroundStrings('en'), 'en')).toMatch(/^Run finished: /);
    expect(announcement(ok, playgroundStrings('zh'), 'zh')).toMatch(/^运行完成：.*ETIMEDOUT/);
  });
});

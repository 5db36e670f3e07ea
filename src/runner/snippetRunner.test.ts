import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RunRequest, RunResponse } from './protocol';
import { createSnippetRunner, type WorkerLike } from './snippetRunner';

/** A worker that answers after `delay` ms, or never when the source says so. */
class ScriptedWorker implements WorkerLike {
  static created = 0;
  terminated = false;
  onmessage: ((event: MessageEvent<RunResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  constructor() {
    ScriptedWorker.created += 1;
  }
  postMessage({ id, source }: RunRequest) {
    if (source === 'hang') return;
    setTimeout(() => {
      if (!this.terminated) {
        this.onmessage?.({
          data: { id, run: { status: 'no-run', logs: [source], droppedLogs: 0, wallMs: 1 } },
        } as MessageEvent<RunResponse>);
      }
    }, 10);
  }
  terminate() {
    this.terminated = true;
  }
}

afterEach(() => {
  vi.useRealTimers();
  ScriptedWorker.created = 0;
});

describe('snippet runner', () => {
  it('stops a run at the limit, says which limit, and replaces the worker', async () => {
    vi.useFakeTimers();
    const runner = createSnippetRunner({ createWorker: () => new ScriptedWorker(), limitMs: 2000 });
    const hung = runner.run('hang');
    await vi.advanceTimersByTimeAsync(2000);
    await expect(hung).resolves.toMatchObject({ status: 'timeout', limitMs: 2000 });
    const next = runner.run('ok');
    await vi.advanceTimersByTimeAsync(10);
    await expect(next).resolves.toMatchObject({ status: 'no-run', logs: ['ok'] });
    expect(ScriptedWorker.created).toBe(2);
  });

  it('keeps one worker across successful runs and answers them in order', async () => {
    vi.useFakeTimers();
    const runner = createSnippetRunner({ createWorker: () => new ScriptedWorker() });
    const first = runner.run('one');
    const second = runner.run('two');
    await vi.advanceTimersByTimeAsync(50);
    expect(await first).toMatchObject({ logs: ['one'] });
    expect(await second).toMatchObject({ logs: ['two'] });
    expect(ScriptedWorker.created).toBe(1);
  });
});

import * as engine from 'tcp-lab';
import { describe, expect, it } from 'vitest';
import { sweepSnippet, type SweepSpec } from './sweep';
import { createSweeper, type SweepWorkerLike } from './sweepClient';
import type { SweepRequest, SweepResponse } from './sweepProtocol';

const spec: SweepSpec = { over: 'seed', from: 1, to: 3, step: 1, measure: 'retransmissions' };
const code = `import { createLab } from 'tcp-lab';
const lab = createLab({ rtt: '1ms', server: { sysctl: { tcp_retries2: 3 } } });
const conn = lab.connect();
lab.at('1s', () => lab.client.unplug());
lab.at('2s', () => conn.server.send('hi'));
lab.run({ until: '1m' });
`;

/** A worker that answers when told to, running the real sweep. */
function manualWorker() {
  const posted: SweepRequest[] = [];
  const worker: SweepWorkerLike & { answer(): void } = {
    onmessage: null,
    onerror: null,
    postMessage: (message) => posted.push(message),
    terminate: () => undefined,
    answer() {
      const request = posted.shift()!;
      const response: SweepResponse = {
        id: request.id,
        result: sweepSnippet(request.source, request.spec, engine),
        wallMs: 1,
      };
      worker.onmessage?.({ data: response } as MessageEvent<SweepResponse>);
    },
  };
  return { worker, posted };
}

describe('createSweeper', () => {
  it('keeps only the newest waiting sweep while one runs', async () => {
    const { worker, posted } = manualWorker();
    const sweeper = createSweeper(() => worker);
    const first = sweeper.sweep(code, spec);
    const second = sweeper.sweep(code.replace('tcp_retries2: 3', 'tcp_retries2: 4'), spec);
    const third = sweeper.sweep(code.replace('tcp_retries2: 3', 'tcp_retries2: 5'), spec);
    expect(await second).toEqual({ status: 'superseded' });
    expect(posted).toHaveLength(1);
    worker.answer();
    const ys = (source: string) => {
      const direct = sweepSnippet(source, spec, engine);
      return direct.status === 'ok' && direct.lines[0]!.points.map((p) => p.y);
    };
    const a = await first;
    expect(a.status === 'ok' && a.lines[0]!.points.map((p) => p.y)).toEqual(ys(code));
    expect(posted[0]!.source).toContain('tcp_retries2: 5');
    worker.answer();
    const c = await third;
    expect(c.status === 'ok' && c.lines[0]!.points.map((p) => p.y)).toEqual(
      ys(code.replace('tcp_retries2: 3', 'tcp_retries2: 5')),
    );
    expect(c).not.toEqual(a);
  });

  it('stops a sweep that runs past the limit and starts a fresh worker for the next', async () => {
    let created = 0;
    let terminated = 0;
    const sweeper = createSweeper(() => {
      created++;
      return {
        onmessage: null,
        onerror: null,
        postMessage: () => undefined,
        terminate: () => void terminated++,
      };
    }, 5);
    expect(await sweeper.sweep(code, spec)).toEqual({ status: 'timeout', limitMs: 5 });
    expect(terminated).toBe(1);
    void sweeper.sweep(code, spec);
    expect(created).toBe(2);
    sweeper.dispose();
  });
});

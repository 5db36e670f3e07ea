// Sweep benchmark: the parameter explorer's chart redraws while a control moves, so the worker's
// sweep of 1,000 lesson-size runs must take at most 100 ms (the engine's plot budget, now through
// the whole sweep path: the snippet compiled once, its literal swept, each run measured).
//   1. retries2-budget over 1,000 timer phases (tcp_retries2 5 on a LAN, to the abort);
//   2. the data-in-flight chart: give-up time against tcp_retries2 1–15 at HZ 100/250/300/1000.
// The sweep module is bundled with esbuild exactly as the worker imports it (tcp-lab bound to the
// engine). Judged on wall time, or on this thread's CPU time when the machine is busy.
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { bundleWithEngine } from './bundle.ts';

const BUDGET_MS = 100;
const root = join(import.meta.dirname, '..');

const bundled = await bundleWithEngine('bench/sweepEntry.ts');
const { sweepSnippet, engine } = (await import(
  `data:text/javascript;base64,${Buffer.from(bundled).toString('base64')}`
)) as typeof import('./sweepEntry.ts');

const threadCpu = () => {
  const c = process.threadCpuUsage();
  return (c.user + c.system) / 1000;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

let over = false;
function measure(label: string, run: () => { runs: number }) {
  for (let i = 0; i < 3; i++) run();
  const samples = Array.from({ length: 5 }, () => {
    const c0 = threadCpu();
    const t0 = performance.now();
    const { runs } = run();
    return { wall: performance.now() - t0, cpu: threadCpu() - c0, runs };
  });
  const wall = median(samples.map((s) => s.wall));
  const cpu = median(samples.map((s) => s.cpu));
  const busy = loadavg()[0]! > availableParallelism() || wall > 1.25 * cpu;
  const judged = busy ? cpu : wall;
  const runs = samples[0]!.runs;
  const perThousand = (judged * 1000) / runs;
  const ok = perThousand <= BUDGET_MS;
  over ||= !ok;
  console.log(
    `${label}: ${runs} runs, median of 5 wall ${wall.toFixed(1)} ms, CPU ${cpu.toFixed(1)} ms; judged on ` +
      `${busy ? 'CPU (machine busy)' : 'wall'}: ${perThousand.toFixed(1)} ms per 1,000 runs, budget ${BUDGET_MS} ms ${ok ? '✓' : '✗ OVER BUDGET'}`,
  );
}

const snippet = (name: string) =>
  readFileSync(join(root, 'content/snippets', `${name}.ts`), 'utf8');
const sweep = (name: string, spec: Parameters<typeof sweepSnippet>[1]) => () => {
  const result = sweepSnippet(snippet(name), spec, engine);
  if (result.status !== 'ok') throw new Error(`${name}: ${result.message}`);
  return result;
};

measure(
  'retries2-budget over 1,000 timer phases',
  sweep('retries2-budget', {
    over: 'timerPhase',
    from: 0,
    to: 0.999,
    step: 0.001,
    measure: 'giveUpAfterSend',
  }),
);
measure(
  'sender-aborts, give-up time against tcp_retries2 1–15 × HZ 100/250/300/1000',
  sweep('sender-aborts', {
    over: 'tcpRetries2',
    from: 1,
    to: 15,
    step: 1,
    measure: 'giveUpAfterSend',
    series: { over: 'hz', values: [100, 250, 300, 1000] },
  }),
);
process.exit(over ? 1 : 0);

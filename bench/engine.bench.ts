// Engine benchmark: what readers and the parameter explorer need from the simulator.
//   1. every lesson snippet in content/snippets: median wall time of one run, budget 100 µs;
//   2. 1,000 lesson-size runs (a plot's worth: one scenario over 1,000 seeds, so over 1,000
//      timer phases) in this one thread, budget 100 ms;
//   3. cost that grows linearly with work: a 100 MB bulk transfer may cost at most 2× the CPU
//      per event of a 10 MB one (medians of five samples of each);
//   4. 10,000 connections (data both ways, an unplug, keepalive, heartbeats, closes) in at most
//      300 MB of peak resident memory (median of three child processes, each running the
//      engine bundled, as readers' browsers get it, with the young generation Chromium gives it).
// An "event" is one entry taken from the simulator's queue and run (a frame arriving, a timer
// firing, an at() action): RunResult.stats.eventsProcessed. Figures include building the lab and
// the RunResult (not the record objects, which are built when first read).
// Snippets are judged on the median wall time of single runs (see 1.); the plot's runs on wall
// time, or on the CPU time of the thread that ran them when the machine is busy (load average
// above the number of cores, or wall time well above that CPU time), and the output says which;
// the bulk transfers on that CPU time. Exits non-zero when a budget is exceeded.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import * as engine from '../src/engine/index.ts';
import { createLab } from '../src/engine/index.ts';
import type { RunResult } from '../src/engine/index.ts';
import { loadSnippetProgram } from '../src/engine/tests/snippetProgram.ts';
import { bundleWithEngine } from './bundle.ts';

const SNIPPET_BUDGET_US = 100;
const PLOT_RUNS = 1000;
const PLOT_BUDGET_MS = 100;
const LINEAR_BUDGET_RATIO = 2;
const CONNECTIONS = 10_000;
const RSS_BUDGET_MB = 300;

const root = join(import.meta.dirname, '..');
const cores = availableParallelism();

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** CPU time (user + system) of this thread so far, ms. */
function threadCpuNow(): number {
  const c = process.threadCpuUsage();
  return (c.user + c.system) / 1000;
}

/** The machine is shared with enough other work that wall time would measure that work. */
function busy(wallMs: number, cpuMs: number): boolean {
  return loadavg()[0]! > cores || wallMs > 1.25 * cpuMs;
}

/** Wall and thread CPU time of one call, ms. */
function timed<T>(fn: () => T): { wallMs: number; cpuMs: number; value: T } {
  const c0 = threadCpuNow();
  const t0 = performance.now();
  const value = fn();
  return { wallMs: performance.now() - t0, cpuMs: threadCpuNow() - c0, value };
}

/** A snippet as a re-runnable function, its `tcp-lab` import bound to the engine. */
function loadSnippet(file: string): () => void {
  return loadSnippetProgram(file).bind(engine as Record<string, unknown>);
}

/** A lesson-size run: the server sends with the client unplugged, tcp_retries2 5, to the abort. */
function lessonRun(seed: number): RunResult {
  const lab = createLab({ seed, rtt: '1ms', server: { sysctl: { tcp_retries2: 5 } } });
  const conn = lab.connect();
  lab.at('1s', () => lab.client.unplug());
  lab.at('2s', () => conn.server.send('hello'));
  return lab.run({ until: '2m' });
}

/** One write of `bytes` from the server, carried to the end. */
function bulk(bytes: number): RunResult {
  const lab = createLab({ maxEvents: 100_000_000 });
  const conn = lab.connect();
  lab.at('1s', () => conn.server.send(bytes));
  const r = lab.run();
  if (r.segments.filter((s) => s.delivered && s.to === 'client').length === 0)
    throw new Error('bulk transfer delivered nothing');
  return r;
}

let overBudget = false;
const verdict = (ok: boolean): string => {
  overBudget ||= !ok;
  return ok ? '✓' : '✗ OVER BUDGET';
};

// How busy is this machine? A fixed arithmetic loop, so figures from different runs can be compared.
{
  const { wallMs, cpuMs } = timed(() => {
    let x = 0;
    for (let i = 0; i < 1e8; i++) x = (x + i * 7) % 1000003;
    return x;
  });
  console.log(
    `machine: ${cores} cores, load average ${loadavg()[0]!.toFixed(1)}; reference loop 1e8 iterations in ` +
      `${wallMs.toFixed(0)} ms wall, ${cpuMs.toFixed(0)} ms CPU`,
  );
}

// 1. Lesson snippets. The budget is a median, so each snippet is judged on the median wall time of
// single runs: a run takes about as long as the thread's CPU clock ticks (4 ms), so that clock
// could only give a mean, and a mean counts the runs another process interrupted. The median
// leaves those out, busy machine or not. Every snippet is warmed up before any is timed (the
// engine's code is shared, and the first snippet would otherwise pay for compiling it), and the
// timed runs go round the snippets in rounds, so a busy spell falls on all of them alike.
const SNIPPET_WARMUP_ROUNDS = 3;
const SNIPPET_ROUNDS = 3;
const SNIPPET_RUNS_PER_ROUND = 200;
const snippetDir = join(root, 'content/snippets');
const snippets = readdirSync(snippetDir)
  .filter((f) => f.endsWith('.ts') && !/\.[a-z]{2}\.ts$/.test(f))
  .sort()
  .map((name) => {
    const run = loadSnippet(join(snippetDir, name));
    let outcome = '';
    const stop = engine.observeRuns(
      (r) => (outcome = `${r.outcome.id}, ${engine.formatDuration(r.end)} simulated`),
    );
    run();
    stop();
    return { name, run, outcome, wall: [] as number[] };
  });
for (let round = 0; round < SNIPPET_WARMUP_ROUNDS + SNIPPET_ROUNDS; round++) {
  for (const s of snippets) {
    for (let i = 0; i < SNIPPET_RUNS_PER_ROUND; i++) {
      const t0 = performance.now();
      s.run();
      if (round >= SNIPPET_WARMUP_ROUNDS) s.wall.push(performance.now() - t0);
    }
  }
}
const snippetRuns = SNIPPET_ROUNDS * SNIPPET_RUNS_PER_ROUND;
console.log(
  `lesson snippets (median wall time of ${snippetRuns} runs in ${SNIPPET_ROUNDS} rounds over all snippets, after ` +
    `${SNIPPET_WARMUP_ROUNDS} warm-up rounds; load average ${loadavg()[0]!.toFixed(1)}):`,
);
const snippetMedians: number[] = [];
for (const { name, outcome, wall } of snippets) {
  const us = median(wall) * 1000;
  snippetMedians.push(us);
  console.log(
    `  ${name.padEnd(36)} ${us.toFixed(0).padStart(5)} µs ${us <= SNIPPET_BUDGET_US ? '' : '✗ '}(${outcome})`,
  );
}
const worstSnippet = Math.max(...snippetMedians);
console.log(
  `  slowest snippet ${worstSnippet.toFixed(0)} µs, median of all ${median(snippetMedians).toFixed(0)} µs; ` +
    `budget ${SNIPPET_BUDGET_US} µs each ${verdict(worstSnippet <= SNIPPET_BUDGET_US)}`,
);

// 2. A plot's worth of runs.
{
  for (let i = 0; i < 200; i++) lessonRun(i);
  const samples = Array.from({ length: 5 }, () =>
    timed(() => {
      for (let i = 0; i < PLOT_RUNS; i++) lessonRun(i);
    }),
  );
  const wallMs = median(samples.map((s) => s.wallMs));
  const cpuMs = median(samples.map((s) => s.cpuMs));
  const onCpu = busy(wallMs, cpuMs);
  const judged = onCpu ? cpuMs : wallMs;
  console.log(
    `${PLOT_RUNS.toLocaleString('en-US')} lesson-size runs (tcp_retries2 5 to the abort, seeds 0–${PLOT_RUNS - 1}), median of 5: ` +
      `wall ${wallMs.toFixed(1)} ms, thread CPU ${cpuMs.toFixed(1)} ms; judged on ${onCpu ? 'CPU (machine busy)' : 'wall'}: ` +
      `${judged.toFixed(1)} ms, budget ${PLOT_BUDGET_MS} ms ${verdict(judged <= PLOT_BUDGET_MS)}`,
  );
}

// 3. Linear cost. One sample of each size is at the mercy of whatever else the machine does
// during its few hundred ms, so each size is timed five times, the two sizes interleaved (a
// busy spell then lands on both), and the ratio is that of the medians. The thread's CPU clock
// ticks every 4 ms, so a sample of the small size is ten transfers, as long as one large one.
{
  const SAMPLES = 5;
  type Sample = { usPerEvent: number; events: number; cpuMs: number };
  const sample = (mb: number, times: number): Sample => {
    const { cpuMs, value } = timed(() => {
      let events = 0;
      for (let i = 0; i < times; i++) events += bulk(mb * 1e6).stats.eventsProcessed;
      return events;
    });
    return { usPerEvent: (cpuMs * 1000) / value, events: value / times, cpuMs: cpuMs / times };
  };
  sample(10, 10); // warm-up
  sample(100, 1);
  const small: Sample[] = [];
  const large: Sample[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    small.push(sample(10, 10));
    large.push(sample(100, 1));
  }
  const describe = (xs: Sample[]): string =>
    `${median(xs.map((x) => x.usPerEvent)).toFixed(3)} µs (${xs[0]!.events.toLocaleString('en-US')} events, ` +
    `${median(xs.map((x) => x.cpuMs)).toFixed(0)} ms; samples ${xs.map((x) => x.usPerEvent.toFixed(2)).join(', ')})`;
  const ratio = median(large.map((x) => x.usPerEvent)) / median(small.map((x) => x.usPerEvent));
  console.log(
    `bulk transfer, thread CPU per event, median of ${SAMPLES}: 10 MB ${describe(small)}; 100 MB ${describe(large)}; ` +
      `ratio ${ratio.toFixed(2)}, budget ≤ ${LINEAR_BUDGET_RATIO} ${verdict(ratio <= LINEAR_BUDGET_RATIO)}`,
  );
}

// 4. Memory of many connections, in fresh processes running the engine bundled as the site ships
// it (bench/manyConnections.ts), so that Node's TypeScript loader is not counted. Readers run it
// in Chromium's worker, and how large V8 lets the young generation grow is the host's choice, not
// the engine's: Chromium 156 gave its worker semi-spaces of at most 32 MB on a 24 GB machine
// (`chromium --js-flags=--trace-gc-nvp`: new_space_capacity ≤ 33554432), where Node 24 grows them
// to 64 MB. The judged processes run with Chromium's limit; one more with Node's own is printed
// beside them. Three processes are judged on their median.
{
  const RSS_SAMPLES = 3;
  const BROWSER_YOUNG_GENERATION = ['--max-semi-space-size=32'];
  const bundled = await bundleWithEngine('bench/manyConnections.ts');
  const dir = mkdtempSync(join(tmpdir(), 'engine-bench-'));
  const file = join(dir, 'many-connections.mjs');
  writeFileSync(file, bundled);
  type Sample = { beforeMB: number; maxRssMB: number; events: number; outcome: string };
  /** One process's figures, or what it printed when it failed. */
  const runOnce = (v8Flags: string[]): Sample | string => {
    const child = spawnSync(process.execPath, [...v8Flags, file, String(CONNECTIONS)], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    return child.status === 0 ? (JSON.parse(child.stdout) as Sample) : child.stderr;
  };
  const results = [
    ...Array.from({ length: RSS_SAMPLES }, () => runOnce(BROWSER_YOUNG_GENERATION)),
    runOnce([]),
  ];
  rmSync(dir, { recursive: true, force: true });
  const failure = results.find((x) => typeof x === 'string');
  if (failure !== undefined) {
    console.log(`${CONNECTIONS} connections: failed\n${failure}`);
    overBudget = true;
  } else {
    const samples = results.slice(0, RSS_SAMPLES) as Sample[];
    const nodeDefault = results[RSS_SAMPLES] as Sample;
    const { events, outcome } = samples[0]!;
    const peak = median(samples.map((x) => x.maxRssMB));
    const before = median(samples.map((x) => x.beforeMB));
    console.log(
      `${CONNECTIONS.toLocaleString('en-US')} connections (${events.toLocaleString('en-US')} events, first outcome ${outcome}): ` +
        `peak RSS with Chromium's young generation, median of ${RSS_SAMPLES} processes, ${peak.toFixed(0)} MB ` +
        `(samples ${samples.map((x) => x.maxRssMB.toFixed(0)).join(', ')}; with Node's own, ${nodeDefault.maxRssMB.toFixed(0)} MB; ` +
        `Node with the engine loaded, before the lab: ${before.toFixed(0)} MB), ` +
        `budget ${RSS_BUDGET_MB} MB ${verdict(peak <= RSS_BUDGET_MB)}`,
    );
  }
}

process.exit(overBudget ? 1 : 0);

// npm run kernel-lab: every lesson scenario on this machine's Linux, with real sockets in network
// namespaces, written to content/measurements/<scenario>.json, and the engine judged against it.
//
//   npm run kernel-lab                    3 runs of every scenario, written to content/measurements
//   npm run kernel-lab -- --check         1 run of each, compared with the engine, nothing written
//   npm run kernel-lab -- --only a,b      only these scenarios
//   npm run kernel-lab -- --runs 5        runs per scenario
//
// Needs Linux and root. Every namespace is named tul-<pid>-…; all of them and every process the
// lab started are removed on exit, on error and on Ctrl+C.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as prettier from 'prettier';
import { engineTrace, runInEngine } from '../src/measurements/engine.ts';
import { aggregate, compare, type Measurement } from '../src/measurements/measurement.ts';
import { SCENARIOS, type Scenario } from '../src/measurements/scenarios.ts';
import { compareSs } from '../src/measurements/ssCompare.ts';
import { cleanUpEverything, SetupError } from './kernel-lab/processes.ts';
import { LabRun, type RunRecord } from './kernel-lab/run.ts';
import { SS_COMMAND, SS_EVERY_MS } from './kernel-lab/sampler.ts';
import { kernelInfo, removeLeftovers, whyNot } from './kernel-lab/system.ts';
import { PREFIX } from './kernel-lab/topology.ts';

const root = join(import.meta.dirname, '..');
const { values: args } = parseArgs({
  options: {
    check: { type: 'boolean', default: false },
    only: { type: 'string' },
    runs: { type: 'string' },
    concurrency: { type: 'string' },
    out: { type: 'string', default: join(root, 'content', 'measurements') },
  },
});
const runsPer = Number(args.runs ?? (args.check ? 1 : 3));
/**
 * Runs per wave. A wave's runs are all prepared before any measures, so process start-up never
 * overlaps a measurement; while measuring they are idle processes waiting on kernel timers.
 */
const concurrency = Number(args.concurrency ?? 70);
const ATTEMPTS = 3;

process.on('exit', cleanUpEverything);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(sig, () => {
    console.error(`\n${sig}: removing the lab's namespaces and processes`);
    cleanUpEverything();
    process.exit(128 + (sig === 'SIGINT' ? 2 : sig === 'SIGTERM' ? 15 : 1));
  });
}

async function main(): Promise<number> {
  const reason = whyNot();
  if (reason) {
    console.log(`kernel lab skipped: ${reason}`);
    return args.check ? 0 : 1;
  }
  const leftovers = removeLeftovers();
  if (leftovers.length)
    console.log(`Removed ${leftovers.length} namespaces left by an earlier lab`);

  const only = args.only?.split(',');
  const unknown = only?.filter((id) => !SCENARIOS.some((s) => s.id === id)) ?? [];
  if (unknown.length) throw new Error(`unknown scenario ${unknown.join(', ')}`);
  const scenarios = SCENARIOS.filter((s) => !only || only.includes(s.id));
  const kernel = await kernelInfo();
  console.log(
    `Linux ${kernel.release}, CONFIG_HZ=${kernel.hz} (from ${kernel.hzSource}); ${scenarios.length} scenarios × ${runsPer} runs, ${concurrency} at a time`,
  );

  const started = performance.now();
  const results = new Map<string, RunRecord[]>();
  const queue: Task[] = scenarios
    .flatMap((s) =>
      Array.from({ length: runsPer }, (_, i) => ({ scenario: s, run: i + 1, tries: 0 })),
    )
    .sort((a, b) => b.scenario.until - a.scenario.until); // longest first
  for (let wave = 1; queue.length > 0; wave++) {
    const tasks = queue.splice(0, concurrency);
    const prepared = await Promise.all(tasks.map(prepare));
    console.log(
      `Wave ${wave}: ${tasks.length} runs prepared after ${seconds(started)} s; measuring`,
    );
    const measured = await Promise.all(
      prepared.map(async ({ task, lab }) => {
        try {
          // Each run of a scenario starts at another phase of the timer wheel (97 ms apart).
          return { task, record: await lab.measure((task.run - 1) * 97) };
        } catch (e) {
          if (!(e instanceof SetupError) || task.tries >= ATTEMPTS) throw e;
          console.log(`  ${task.scenario.id} run ${task.run}: ${e.message}; retrying`);
          queue.push({ ...task, tries: task.tries + 1 });
          return undefined;
        }
      }),
    );
    // Removing namespaces is costly: only once every run of the wave has finished measuring.
    for (const { lab } of prepared) await lab.dispose();
    for (const m of measured) {
      if (!m) continue;
      results.set(m.task.scenario.id, [...(results.get(m.task.scenario.id) ?? []), m.record]);
    }
  }
  const wall = (performance.now() - started) / 1000;

  const date = new Date();
  let disagreements = 0;
  if (!args.check) mkdirSync(args.out, { recursive: true });
  for (const scenario of scenarios) {
    const m = aggregate(scenario, results.get(scenario.id)!, kernel, date, {
      command: SS_COMMAND,
      everyMs: SS_EVERY_MS,
    });
    if (!args.check) await write(join(args.out, `${scenario.id}.json`), m);
    disagreements += report(scenario, m);
  }
  console.log(
    `\n${scenarios.length} scenarios measured in ${wall.toFixed(1)} s wall` +
      (args.check ? '' : `; written to ${args.out}`),
  );
  if (disagreements > 0)
    console.log(`${disagreements} disagreement(s) between the engine and this kernel`);
  return args.check && disagreements > 0 ? 1 : 0;
}

interface Task {
  scenario: Scenario;
  run: number;
  /** Setup failures so far. */
  tries: number;
}

let serial = 0;
const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

/** Build a run's namespaces and processes, retrying when that fails (a setup reason). */
async function prepare(task: Task): Promise<{ task: Task; lab: LabRun }> {
  for (;;) {
    const lab = new LabRun(
      task.scenario,
      `${PREFIX}${process.pid}-${++serial}`,
      serial,
      task.run === 1,
    );
    try {
      await lab.prepare();
      return { task, lab };
    } catch (e) {
      await lab.dispose();
      if (!(e instanceof SetupError) || ++task.tries >= ATTEMPTS) throw e;
      console.log(`  ${task.scenario.id} run ${task.run}: setup failed (${e.message}); retrying`);
    }
  }
}

async function write(file: string, m: Measurement): Promise<void> {
  const text = await prettier.format(JSON.stringify(m), { parser: 'json' });
  writeFileSync(file, text);
}

/** Print the engine's verdict against this measurement; returns the number of disagreements. */
function report(scenario: Scenario, m: Measurement): number {
  const engine = runInEngine(scenario, m.kernel.hz);
  const trace = engineTrace(scenario, engine);
  const c = compare(scenario, m, trace);
  const known = (scenario.knownDisagreements ?? []).map((k) => k.event);
  const ss = compareSs(m, engine, trace, known);
  const ssWrong = ss.disagreements.filter((d) => !d.known);
  console.log(
    `${args.check ? '' : '\n'}${scenario.id}: ${c.verdict}${m.consistent ? '' : ' (runs disagreed among themselves)'}; ` +
      `ss ${ss.compared} of ${ss.samples} samples compared, ${ssWrong.length} disagree`,
  );
  for (const d of ss.disagreements)
    console.log(
      `  ${d.known ? '~' : '✗'} ss ${d.host} at ${(d.t / 1000).toFixed(3)} s: ${d.what} kernel ${d.measured}, engine ${d.simulated}${d.known ? ` (known: ${d.known})` : ''}`,
    );
  // A check prints the details only where the engine and the kernel part.
  if (args.check && c.verdict === 'agrees') return 0;
  const s = (ms: number) => (ms / 1000).toFixed(3);
  for (const r of c.rows) {
    const measured =
      r.measured === null
        ? 'not seen'
        : typeof r.measured === 'string'
          ? r.measured
          : `${s(r.measured.min)}..${s(r.measured.max)} s`;
    const simulated =
      r.simulated === null
        ? 'none'
        : typeof r.simulated === 'string'
          ? r.simulated
          : `${s(r.simulated)} s`;
    const after = r.after ? ` after ${r.after}` : '';
    const gap =
      r.gap && r.verdict !== 'agrees'
        ? ` (interval kernel ${s(r.gap.min)}..${s(r.gap.max)} s, engine ${s(r.gap.simulated)} s ± ${s(r.tolerance!)})`
        : '';
    const mark = r.verdict === 'agrees' ? ' ' : r.verdict === 'known' ? '~' : '✗';
    console.log(`  ${mark} ${r.key}${after}: kernel ${measured}, engine ${simulated}${gap}`);
  }
  return c.rows.filter((r) => r.verdict === 'disagrees').length + ssWrong.length;
}

main().then(
  (code) => {
    cleanUpEverything();
    process.exit(code);
  },
  (e: unknown) => {
    console.error(e instanceof Error ? e.stack : e);
    cleanUpEverything();
    process.exit(1);
  },
);

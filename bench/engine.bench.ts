// Engine benchmark: how fast virtual time runs.
//   1. the default-keepalive scenario (7875 s simulated): median wall time, budget 1 ms;
//   2. a 1,000-connection stress scenario: simulated events per second, budget 1,000,000;
//   3. the wall time of every lesson snippet in content/snippets (reported, not budgeted).
// Prints its figures; exits non-zero when a budget is exceeded.
import { readdirSync, readFileSync } from 'node:fs';
import { stripTypeScriptTypes } from 'node:module';
import { join } from 'node:path';
import * as engine from '../src/engine/index.ts';
import { createLab } from '../src/engine/index.ts';

const KEEPALIVE_BUDGET_MS = 1;
const EVENTS_PER_SECOND_BUDGET = 1_000_000;

const root = join(import.meta.dirname, '..');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Median wall time (ms) of `fn` over `runs` runs, after a warm-up. */
function time(fn: () => void, runs: number): number {
  for (let i = 0; i < Math.min(50, runs); i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

function defaultKeepalive(): number {
  const lab = createLab();
  const conn = lab.connect();
  conn.server.setKeepAlive(true);
  lab.at('1s', () => lab.client.unplug());
  const r = lab.run({ until: '3h' });
  if (r.outcome.id !== 'keepalive-detects-dead-peer')
    throw new Error(`default keepalive ended in ${r.outcome.id}`);
  return r.stats.eventsProcessed;
}

/** 1,000 connections: data both ways, an unplug with retransmissions, keepalive, a replug, closes. */
function stress(): { events: number; logged: number; simulatedS: number } {
  const lab = createLab({
    seed: 42,
    maxEvents: 50_000_000,
    server: { sysctl: { tcp_keepalive_time: 60, tcp_keepalive_intvl: 5 } },
  });
  const conns = Array.from({ length: 1000 }, () => lab.connect());
  conns.forEach((conn, i) => {
    conn.server.setKeepAlive(true);
    conn.client.heartbeat({ every: '5s', timeout: '60s' });
    for (let k = 0; k < 5; k++) {
      lab.at(1000 + i + k * 2000, () => conn.client.send(`request ${k}`));
      lab.at(1500 + i + k * 2000, () => conn.server.send(3000));
    }
    lab.at(20_000 + i * 10, () => conn.server.send(500));
    lab.at(200_000 + i * 10, () => conn.client.close());
  });
  lab.at(15_000, () => lab.client.unplug());
  lab.at(75_000, () => lab.client.plugIn());
  const r = lab.run({ until: '10m' });
  return { events: r.stats.eventsProcessed, logged: r.events.length, simulatedS: r.end / 1000 };
}

/** A snippet as a re-runnable function: types stripped, its `tcp-lab` import turned into parameters. */
function loadSnippet(file: string): () => void {
  const source = stripTypeScriptTypes(readFileSync(file, 'utf8'));
  const names: string[] = [];
  const body = source.replace(
    /import\s*\{([^}]*)\}\s*from\s*['"]tcp-lab['"];?/g,
    (_, list: string) => {
      for (const part of list.split(',')) {
        const name = part
          .trim()
          .split(/\s+as\s+/)
          .pop();
        if (name) names.push(name);
      }
      return '';
    },
  );
  if (/\bimport\b[^(]/.test(body)) throw new Error(`${file}: imports something other than tcp-lab`);
  const quiet = { log() {}, info() {}, warn() {}, error() {}, table() {} };
  const program = new Function('console', ...names, body) as (...args: unknown[]) => void;
  const args = names.map((n) => (engine as Record<string, unknown>)[n]);
  return () => program(quiet, ...args);
}

let overBudget = false;

// How busy is this machine? A fixed arithmetic loop, so figures from different runs can be compared.
{
  const t0 = performance.now();
  let x = 0;
  for (let i = 0; i < 1e8; i++) x = (x + i * 7) % 1000003;
  console.log(
    `machine: reference loop 1e8 iterations in ${(performance.now() - t0).toFixed(0)} ms (checksum ${x})`,
  );
}

const keepaliveEvents = defaultKeepalive();
const keepaliveMs = time(defaultKeepalive, 2000);
const keepaliveOk = keepaliveMs < KEEPALIVE_BUDGET_MS;
overBudget ||= !keepaliveOk;
console.log(
  `default keepalive (7875 s simulated, ${keepaliveEvents} events): median ${(keepaliveMs * 1000).toFixed(0)} µs ` +
    `(budget ${KEEPALIVE_BUDGET_MS} ms) ${keepaliveOk ? '✓' : '✗ OVER BUDGET'}`,
);

stress(); // warm-up
const samples: { ms: number; cpuMs: number; events: number; logged: number; simulatedS: number }[] =
  [];
for (let i = 0; i < 5; i++) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const s = stress();
  const cpu = process.cpuUsage(c0);
  samples.push({ ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000, ...s });
}
const stressMs = median(samples.map((s) => s.ms));
const events = samples[0]!.events;
const eventsPerSecond = events / (stressMs / 1000);
const stressOk = eventsPerSecond > EVENTS_PER_SECOND_BUDGET;
overBudget ||= !stressOk;
console.log(
  `stress: 1,000 connections, ${samples[0]!.simulatedS} s simulated, ${events.toLocaleString('en-US')} events in ` +
    `${stressMs.toFixed(1)} ms (median of 5) = ${Math.round(eventsPerSecond).toLocaleString('en-US')} events/s ` +
    `(budget > ${EVENTS_PER_SECOND_BUDGET.toLocaleString('en-US')}) ${stressOk ? '✓' : '✗ OVER BUDGET'}; ` +
    `CPU time ${median(samples.map((s) => s.cpuMs)).toFixed(1)} ms`,
);
console.log(
  `        (the run also logged ${samples[0]!.logged.toLocaleString('en-US')} result events and ` +
    `${Math.round(samples[0]!.events / (median(samples.map((s) => s.cpuMs)) / 1000)).toLocaleString('en-US')} queue events per CPU-second)`,
);

const snippetDir = join(root, 'content/snippets');
let snippets: string[] = [];
try {
  snippets = readdirSync(snippetDir)
    .filter((f) => f.endsWith('.ts') && !/\.[a-z]{2}\.ts$/.test(f))
    .sort();
} catch {
  console.log('lesson snippets: content/snippets not found, skipped');
}
if (snippets.length) {
  console.log('lesson snippets (median wall time of one run):');
  for (const name of snippets) {
    try {
      const run = loadSnippet(join(snippetDir, name));
      let outcome = '';
      const stop = engine.observeRuns(
        (r) => (outcome = `${r.outcome.id}, ${engine.formatDuration(r.end)} simulated`),
      );
      run();
      stop();
      const ms = time(run, 200);
      console.log(`  ${name.padEnd(36)} ${(ms * 1000).toFixed(0).padStart(6)} µs  (${outcome})`);
    } catch (err) {
      console.log(`  ${name.padEnd(36)} failed: ${(err as Error).message}`);
    }
  }
}

process.exit(overBudget ? 1 : 0);

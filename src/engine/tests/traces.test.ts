/**
 * Golden traces: with the timer wheel off, every lesson snippet and a fixed sample of random
 * scenarios must give exactly the trace the engine gave before the wheel existed (segments,
 * events, socket rows, outcomes). The file holds one SHA-256 per run, so a change shows which
 * runs moved. `UPDATE_TRACES=1` rewrites it; do that only for a change that is meant to alter
 * traces, and say which runs changed and why in the commit.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as engine from '../index.ts';
import type { LabOptions } from '../api.ts';
import { traceHash } from './helpers.ts';
import { lossyTransfer, play, scenario } from './scenarios.ts';
import { loadSnippetProgram } from './snippetProgram.ts';

/** The options that give the textbook timing every golden trace was made with. */
const EXACT: LabOptions = { timerWheel: false };
const LOSSY_TRANSFERS = 60;
const GOLDEN = join(import.meta.dirname, 'traces.golden.json');
const SNIPPETS = join(import.meta.dirname, '../../../content/snippets');

/** Run a snippet with `tcp-lab` bound to the engine, its labs made with EXACT; the hashes of its runs. */
function snippetHashes(file: string): string[] {
  const run = loadSnippetProgram(file).bind({
    ...engine,
    createLab: (options: LabOptions = {}) => engine.createLab({ ...options, ...EXACT }),
  });
  const hashes: string[] = [];
  const stop = engine.observeRuns((r) => hashes.push(traceHash(r)));
  try {
    run();
  } finally {
    stop();
  }
  return hashes;
}

function allHashes(): Record<string, string> {
  const out: Record<string, string> = {};
  const snippets = readdirSync(SNIPPETS)
    .filter((f) => f.endsWith('.ts') && !/\.[a-z]{2}\.ts$/.test(f))
    .sort();
  for (const name of snippets) {
    snippetHashes(join(SNIPPETS, name)).forEach((h, i) => (out[`snippet ${name} #${i + 1}`] = h));
  }
  fc.sample(scenario, { seed: 15, numRuns: 150 }).forEach((s, i) => {
    out[`scenario ${i + 1} (seed ${s.seed}, loss ${s.loss.toFixed(3)})`] = traceHash(
      play(s, EXACT),
    );
  });
  for (let i = 0; i < LOSSY_TRANSFERS; i++) {
    out[`lossy transfer ${i}`] = traceHash(lossyTransfer(engine.createLab, i, EXACT));
  }
  return out;
}

describe('golden traces (timer wheel off)', () => {
  it('every snippet and sampled scenario gives the recorded trace', () => {
    const now = allHashes();
    if (process.env.UPDATE_TRACES) writeFileSync(GOLDEN, `${JSON.stringify(now, null, 2)}\n`);
    const golden = JSON.parse(readFileSync(GOLDEN, 'utf8')) as Record<string, string>;
    expect(now).toEqual(golden);
  });
});

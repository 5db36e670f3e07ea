/**
 * The engine held to the committed kernel measurements (content/measurements/, written by
 * `npm run kernel-lab`): every lesson scenario, every event, errno and final state, under
 * packetdrill's tolerance. A disagreement names the scenario, the event and both times. Events
 * the engine is known not to model are listed in scenarios.ts with the reason; they may
 * disagree, and the comparison page shows them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTCOMES } from '../engine/index.ts';
import { findPlaygroundTags } from '../runner/playgroundTags.ts';
import { engineTrace, runInEngine } from './engine.ts';
import { compare, type ComparisonRow, type Measurement } from './measurement.ts';
import { NOT_MEASURED, SCENARIOS } from './scenarios.ts';

const root = join(import.meta.dirname, '..', '..');
const dir = join(root, 'content', 'measurements');
const load = (id: string): Measurement =>
  JSON.parse(readFileSync(join(dir, `${id}.json`), 'utf8')) as Measurement;

const s = (ms: number) => `${(ms / 1000).toFixed(3)} s`;
function explain(row: ComparisonRow): string {
  if (row.measured === null) return `${row.key}: the engine has it, the kernel did not`;
  if (row.simulated === null) return `${row.key}: the kernel had it, the engine did not`;
  if (typeof row.measured === 'string')
    return `${row.key}: kernel ${row.measured}, engine ${String(row.simulated)}`;
  const g = row.gap!;
  return (
    `${row.key}: kernel ${s(row.measured.min)}..${s(row.measured.max)} after ${row.after}, ` +
    `engine ${s(row.simulated as number)} (interval kernel ${s(g.min)}..${s(g.max)}, ` +
    `engine ${s(g.simulated)}, tolerance ±${s(row.tolerance!)})`
  );
}

describe('the engine against the kernel measurements', () => {
  it('every chapter Playground has a scenario, and every lesson branch is measured', () => {
    const snippets = new Set<string>();
    for (const file of readdirSync(join(root, 'content', 'en'))) {
      const text = readFileSync(join(root, 'content', 'en', file), 'utf8');
      // The shared tag reader: a tag may spread over lines (controls, sweep).
      for (const tag of findPlaygroundTags(text)) snippets.add(tag.snippet);
    }
    const unmeasured = new Set(NOT_MEASURED.map((x) => x.id));
    expect([...snippets].filter((id) => !unmeasured.has(id)).sort()).toEqual(
      SCENARIOS.map((x) => x.id).sort(),
    );
    expect(NOT_MEASURED.filter((x) => !snippets.has(x.id)).map((x) => x.id)).toEqual([]);
    const measured = new Set(readdirSync(dir).map((f) => f.replace(/\.json$/, '')));
    expect(SCENARIOS.filter((x) => !measured.has(x.id)).map((x) => x.id)).toEqual([]);
    expect(
      OUTCOMES.filter(
        (o) =>
          !SCENARIOS.some((x) => x.outcome === o.id) &&
          !NOT_MEASURED.some((x) => x.outcome === o.id),
      ).map((o) => o.id),
    ).toEqual([]);
  });

  for (const scenario of SCENARIOS) {
    it(`${scenario.id}: the engine agrees with Linux`, () => {
      const m = load(scenario.id);
      const engine = runInEngine(scenario, m.kernel.hz);
      expect(engine.outcome.id, `${scenario.id}: the engine's branch`).toBe(
        scenario.variantOutcome ?? scenario.outcome,
      );
      const c = compare(scenario, m, engineTrace(scenario, engine));
      const wrong = c.rows.filter((r) => r.verdict === 'disagrees').map(explain);
      expect(
        wrong,
        `${scenario.id} (Linux ${m.kernel.release}, HZ=${m.kernel.hz}, ${m.runs} runs)`,
      ).toEqual([]);
      expect(m.consistent, `${scenario.id}: the kernel's runs disagreed among themselves`).toBe(
        true,
      );
    });
  }
});

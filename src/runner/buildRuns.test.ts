// The page renders a playground's run on the server; its island renders the same run from the
// JSON file it fetches. The two must build the same tree, so a run must survive JSON unchanged.
import { describe, expect, it } from 'vitest';
import { buildRun, buildRunUrl } from './buildRuns';
import { snippetNames } from './snippetSources';

describe('build runs', () => {
  it('are made once, and checked against the outcome a page promises', () => {
    expect(buildRun('sender-aborts', 'en')).toBe(buildRun('sender-aborts', 'en', 'sender-aborts'));
    expect(() => buildRun('sender-aborts', 'en', 'still-established')).toThrow(
      "the page expects the outcome 'still-established' but the run ended in 'sender-aborts'",
    );
    expect(buildRunUrl('sender-aborts', 'zh')).toBe('/runs/zh/sender-aborts.json');
  });

  for (const lang of ['en', 'zh']) {
    it(`read back from JSON as they are, every snippet in ${lang}`, () => {
      for (const snippet of snippetNames()) {
        const run = buildRun(snippet, lang);
        JSON.stringify(run, (_key, value: unknown) => checkJsonSafe(value, snippet));
      }
    });
  }
});

/** JSON would turn these into null or drop them, and the island would render something else. */
function checkJsonSafe(value: unknown, snippet: string): unknown {
  if (typeof value === 'number' && !Number.isFinite(value))
    throw new Error(`${snippet}: the run holds ${value}, which JSON cannot carry`);
  if (value instanceof Map || value instanceof Set || typeof value === 'bigint')
    throw new Error(`${snippet}: the run holds a ${typeof value}, which JSON cannot carry`);
  return value;
}

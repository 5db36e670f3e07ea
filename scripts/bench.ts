// Runs every bench/*.bench.ts with this Node (24, native type stripping), one after another.
// Each file prints its own figures and exits non-zero when a budget is exceeded; this runner
// exits non-zero if any of them did. `npm run bench -- engine` runs only files matching "engine".
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const benchDir = join(root, 'bench');
const filters = process.argv.slice(2);
const files = readdirSync(benchDir)
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => filters.length === 0 || filters.some((f) => name.includes(f)))
  .sort();

if (files.length === 0) {
  console.error(`No bench/*.bench.ts file matches ${filters.join(', ') || 'anything'}.`);
  process.exit(1);
}

const failed: string[] = [];
for (const name of files) {
  console.log(`\n▶ ${name}`);
  const run = spawnSync(
    process.execPath,
    ['--disable-warning=ExperimentalWarning', join(benchDir, name)],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (run.status !== 0) failed.push(`${name} (exit ${run.status ?? run.signal})`);
}

console.log(
  failed.length
    ? `\n✗ over budget or failed: ${failed.join(', ')}`
    : `\n✓ all ${files.length} benchmarks within budget`,
);
process.exit(failed.length ? 1 : 0);

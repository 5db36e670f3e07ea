// A bench entry bundled with the engine the way the site's worker gets it: esbuild, one ES
// module, its `tcp-lab` import bound to src/engine.
import { build } from 'esbuild';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');

/** The bundled JavaScript of `entry` (a path relative to the project root). */
export async function bundleWithEngine(entry: string): Promise<string> {
  const bundled = await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    alias: { 'tcp-lab': join(root, 'src/engine/index.ts') },
    logLevel: 'silent',
  });
  return bundled.outputFiles[0]!.text;
}

// The engine's TypeScript sources as text, for the editor's TypeScript service: completions, hover
// docs (the readers' documentation in api.ts) and type errors for `import ... from 'tcp-lab'`.
// Taken from the engine itself at build time, so the editor can never disagree with the runner.
const sources = import.meta.glob<string>(
  ['/src/engine/**/*.ts', '!/src/engine/tests/**', '!/src/engine/**/*.bench.ts'],
  {
    query: '?raw',
    import: 'default',
    eager: true,
  },
);

/** Where the files appear to the TypeScript service: a package named tcp-lab. */
export const LAB_PACKAGE_ROOT = 'file:///node_modules/tcp-lab/';

export function labTypeFiles(): { path: string; content: string }[] {
  return Object.entries(sources).map(([file, content]) => ({
    path: LAB_PACKAGE_ROOT + file.replace(/^\/src\/engine\//, ''),
    content,
  }));
}

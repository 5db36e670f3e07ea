// Build-time runs of the lesson's snippets, through the same pipeline the Playground uses
// (src/runner/runSnippet), so a number quoted in prose is the number the reader's run shows.
import * as engine from 'tcp-lab';
import type { RunResult } from 'tcp-lab';
import { runSnippet } from '../../src/runner/runSnippet';
import { readSnippet } from '../../src/runner/snippetSources';

/** The English-commented source of a snippet (the code is the same in every language). */
export function snippetSource(name: string): string {
  return readSnippet(name, 'en').source;
}

/** A line edit applied before running, exactly as a reader would make it: [find, replaceWith]. */
export type Edit = readonly [string, string];

export function applyEdits(name: string, source: string, edits: readonly Edit[]): string {
  return edits.reduce((text, [find, replacement]) => {
    if (!text.includes(find)) {
      throw new Error(
        `Snippet "${name}" does not contain "${find}", so it cannot be replaced by "${replacement}".`,
      );
    }
    return text.replace(find, replacement);
  }, source);
}

const cache = new Map<string, RunResult>();

/** Runs a snippet (optionally edited) once per distinct source and returns its last lab.run(). */
export function snippetRun(name: string, edits: readonly Edit[] = []): RunResult {
  const source = applyEdits(name, snippetSource(name), edits);
  const cached = cache.get(source);
  if (cached) return cached;
  const run = runSnippet(source, engine);
  if (run.status !== 'ok') {
    const detail =
      run.status === 'compile-error' || run.status === 'runtime-error'
        ? `${run.error.message}${'line' in run.error && run.error.line ? ` (line ${run.error.line})` : ''}`
        : 'it never called lab.run()';
    throw new Error(`Snippet "${name}"${edits.length ? ' (edited)' : ''} did not run: ${detail}`);
  }
  cache.set(source, run.result);
  return run.result;
}

/** Accepts the MDX forms of an edit list: one pair, or a list of pairs. */
export function normaliseEdits(replace: unknown): Edit[] {
  if (replace === undefined) return [];
  const isPair = (value: unknown): value is Edit =>
    Array.isArray(value) && value.length === 2 && value.every((part) => typeof part === 'string');
  if (isPair(replace)) return [replace];
  if (Array.isArray(replace) && replace.every(isPair)) return replace;
  throw new Error(
    `replace must be a pair of strings ['find', 'replace with'] or a list of such pairs; got ${JSON.stringify(replace)}.`,
  );
}

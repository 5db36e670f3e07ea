// Each playground's build-time run, made once per snippet and language and shared by the page
// that shows it (as static HTML) and the JSON file its island hydrates from
// (src/pages/runs/[lang]/[snippet].json.ts): both must hold the very same run, wall time included.
import * as engine from 'tcp-lab';
import type { OutcomeId } from '../engine/types';
import { withBase } from '../lib/site/urls';
import { expectOutcome, precompute, type PrecomputedRun } from './precompute';
import { readSnippet } from './snippetSources';

export type BuildRun = Pick<PrecomputedRun, 'result' | 'logs' | 'droppedLogs' | 'wallMs'>;

const runs = new Map<string, BuildRun>();

/** The snippet's run for `lang`; the build fails, naming the snippet, unless it ends in `expect`. */
export function buildRun(snippet: string, lang: string, expect?: OutcomeId): BuildRun {
  const key = `${lang}/${snippet}`;
  const file = readSnippet(snippet, lang);
  let run = runs.get(key);
  if (!run) {
    const { result, logs, droppedLogs, wallMs } = precompute(file, engine);
    run = { result, logs, droppedLogs, wallMs };
    runs.set(key, run);
  }
  if (expect !== undefined) expectOutcome(file, run.result, expect);
  return run;
}

/** Where the island of `snippet`'s playground fetches its run. */
export function buildRunUrl(snippet: string, lang: string): string {
  return withBase(`runs/${lang}/${snippet}.json`);
}

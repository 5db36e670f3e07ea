// Messages between the page and the runner worker.
import type { SnippetRun } from './runSnippet';

export interface RunRequest {
  id: number;
  source: string;
}

export interface RunResponse {
  id: number;
  run: SnippetRun;
}

/** What the page gets back: the worker's answer, or the limit that stopped it. */
export type RunnerOutcome =
  | SnippetRun
  | { status: 'timeout'; limitMs: number; wallMs: number }
  | { status: 'crashed'; message: string; wallMs: number };

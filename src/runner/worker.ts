// The runner worker: the bundled engine and sucrase, no DOM. The page terminates it when a run
// exceeds the time limit and starts a fresh one.
import * as engine from 'tcp-lab';
import type { RunRequest, RunResponse } from './protocol';
import { runSnippet } from './runSnippet';

self.addEventListener('message', (event: MessageEvent<RunRequest>) => {
  const { id, source } = event.data;
  const response: RunResponse = { id, run: runSnippet(source, engine) };
  self.postMessage(response);
});

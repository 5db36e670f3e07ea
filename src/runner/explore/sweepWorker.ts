// The sweep worker: runs a snippet across a parameter's range (sweep.ts), off the page's thread
// and apart from the runner worker, so a chart being redrawn never delays the reader's Run.
import * as engine from 'tcp-lab';
import { sweepSnippet } from './sweep';
import type { SweepRequest, SweepResponse } from './sweepProtocol';

self.addEventListener('message', (event: MessageEvent<SweepRequest>) => {
  const { id, source, spec } = event.data;
  const started = performance.now();
  const result = sweepSnippet(source, spec, engine);
  const response: SweepResponse = { id, result, wallMs: performance.now() - started };
  self.postMessage(response);
});

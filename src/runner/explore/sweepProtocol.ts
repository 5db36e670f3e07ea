// Messages between the page and the sweep worker.
import type { SweepResult, SweepSpec } from './sweep';

export interface SweepRequest {
  id: number;
  source: string;
  spec: SweepSpec;
}

export interface SweepResponse {
  id: number;
  result: SweepResult;
  /** Wall-clock milliseconds the sweep took in the worker. */
  wallMs: number;
}

// What bench/sweep.bench.ts bundles: the worker's sweep and the engine it runs against.
export { sweepSnippet } from '../src/runner/explore/sweep';
export * as engine from 'tcp-lab';

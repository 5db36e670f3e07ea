// Public entry of the simulation engine ('tcp-lab' in snippets).
export type * from './types.ts';
export type * from './api.ts';
export { createLab } from './lab.ts';
export { parseDuration, formatDuration } from './duration.ts';
export { LabError, EventBudgetExceeded } from './errors.ts';
export { observeRuns } from './observe.ts';
export { socketsAt } from './ss.ts';
export { OUTCOMES } from './outcome.ts';
export { DEFAULT_SYSCTLS } from './config.ts';
export { sweepTimerPhase } from './sweep.ts';

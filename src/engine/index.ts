// Public entry of the simulation engine ('tcp-lab' in snippets).
export type * from './types.ts';
export type * from './api.ts';
export { createLab } from './lab.ts';
export { parseDuration, formatDuration } from './duration.ts';
export { LabError, EventBudgetExceeded } from './errors.ts';
export { observeRuns } from './observe.ts';
export { socketsAt, formatSsTimer, printMsTimer } from './ss.ts';
export { MIB_NAMES } from './mib.ts';
export { OUTCOMES } from './outcome.ts';
export { HOST_ACTIONS } from './eventlog.ts';
export { DEFAULT_SYSCTLS } from './config.ts';
export { sweepTimerPhase } from './sweep.ts';

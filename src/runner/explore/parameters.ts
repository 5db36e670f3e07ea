// The parameters a chapter can put under a playground as controls: where each one's literal sits
// in a snippet, its unit, the values the kernel (or the lab) accepts, and the slider's usual range.
// Limits are the kernel's own where it has one (TCP_KEEPCNT 1..127, TCP_KEEPIDLE 1..32767 s,
// tcp_retries2 0..255), so an impossible value is refused before the run, with the reason.
import type { LiteralAddress } from './literals';

export type ParameterId =
  | 'replugAt'
  | 'tcpRetries2'
  | 'hz'
  | 'rtt'
  | 'keepIdle'
  | 'keepInterval'
  | 'keepCount'
  | 'userTimeout'
  | 'loss'
  | 'timerPhase'
  | 'seed';

/** How a control reads and writes its literal: a duration string in `unit`, or a plain number. */
export type ParameterKind = 'duration' | 'integer' | 'fraction' | 'choice';

export interface Parameter {
  id: ParameterId;
  address: LiteralAddress;
  kind: ParameterKind;
  /** Durations: the unit the control counts in and writes ('40s', '20ms'). */
  unit?: 's' | 'ms';
  /** Values that can be run at all, inclusive. */
  limits: readonly [number, number];
  /** The slider's range, unless the chapter gives one. */
  range: readonly [number, number];
  step: number;
  /** 'choice': the only values allowed. */
  choices?: readonly number[];
  /** Whole numbers only (in the control's unit). */
  whole?: boolean;
  /** The upper limit itself is not allowed (a probability or a phase is below 1). */
  belowMax?: boolean;
}

const labOption = (...path: string[]): LiteralAddress => ({ call: 'createLab', argument: 0, path });
const keepalive = (key: string): LiteralAddress => ({
  call: 'setKeepAlive',
  argument: 1,
  path: [key],
});

export const PARAMETERS: Record<ParameterId, Parameter> = {
  replugAt: {
    id: 'replugAt',
    address: { call: 'at', argument: 0, mentions: 'plugIn' },
    kind: 'duration',
    unit: 's',
    limits: [0, 86_400],
    range: [2, 1200],
    step: 1,
  },
  tcpRetries2: {
    id: 'tcpRetries2',
    address: labOption('server', 'sysctl', 'tcp_retries2'),
    kind: 'integer',
    limits: [0, 255],
    range: [1, 15],
    step: 1,
    whole: true,
  },
  hz: {
    id: 'hz',
    address: labOption('hz'),
    kind: 'choice',
    limits: [100, 1000],
    range: [100, 1000],
    step: 1,
    choices: [100, 250, 300, 1000],
    whole: true,
  },
  rtt: {
    id: 'rtt',
    address: labOption('rtt'),
    kind: 'duration',
    unit: 'ms',
    limits: [0, 60_000],
    range: [1, 1000],
    step: 1,
  },
  keepIdle: {
    id: 'keepIdle',
    address: keepalive('idle'),
    kind: 'duration',
    unit: 's',
    limits: [1, 32_767],
    range: [1, 600],
    step: 1,
    whole: true,
  },
  keepInterval: {
    id: 'keepInterval',
    address: keepalive('interval'),
    kind: 'duration',
    unit: 's',
    limits: [1, 32_767],
    range: [1, 120],
    step: 1,
    whole: true,
  },
  keepCount: {
    id: 'keepCount',
    address: keepalive('count'),
    kind: 'integer',
    limits: [1, 127],
    range: [1, 20],
    step: 1,
    whole: true,
  },
  userTimeout: {
    id: 'userTimeout',
    address: { call: 'setUserTimeout', argument: 0 },
    kind: 'duration',
    unit: 's',
    // TCP_USER_TIMEOUT is an int of milliseconds.
    limits: [0, 2_147_483],
    range: [1, 300],
    step: 1,
  },
  loss: {
    id: 'loss',
    address: labOption('loss'),
    kind: 'fraction',
    limits: [0, 1],
    range: [0, 0.5],
    step: 0.01,
    belowMax: true,
  },
  timerPhase: {
    id: 'timerPhase',
    address: labOption('timerPhase'),
    kind: 'fraction',
    limits: [0, 1],
    range: [0, 0.999],
    step: 0.001,
    belowMax: true,
  },
  seed: {
    id: 'seed',
    address: labOption('seed'),
    kind: 'integer',
    limits: [0, 2 ** 32 - 1],
    range: [1, 100],
    step: 1,
    whole: true,
  },
};

export function isParameterId(id: unknown): id is ParameterId {
  return typeof id === 'string' && Object.hasOwn(PARAMETERS, id);
}

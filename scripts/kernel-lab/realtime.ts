// The lab's helpers that must act on time run under SCHED_FIFO (chrt, util-linux), when it is
// there: on a busy machine an ordinary process can wait tens of ms, even seconds, for a CPU.
// They sleep almost all the time, so this costs nobody. Their priorities, highest first:
//   cable pulls (cable.py)   20  a pull happens at its time
//   endpoints (endpoint.py)  10  an errno, EOF or FIN (after a kill) is seen when it happens
//   ss sampler (sampler.py)   5  an ss reads the kernel within ms, and never delays the above
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const HAS_CHRT = spawnSync('sh', ['-c', 'command -v chrt'], { stdio: 'ignore' }).status === 0;

export const PRIORITY = { cable: 20, endpoint: 10, sampler: 5 } as const;

/** The command prefix that runs a program under SCHED_FIFO at `priority`, when chrt is there. */
export const realtime = (priority: number): string[] =>
  HAS_CHRT ? ['chrt', '-f', String(priority)] : [];

/** The system interpreter starts fastest (a version manager's shim adds a process or two). */
export const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

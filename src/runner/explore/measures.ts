// The outcome measures a sweep can chart: one number read from a run, or undefined when the run
// has none (the server never gave up, the data never came back).
import type { RunResult } from 'tcp-lab';

export type MeasureId =
  'giveUpAfterSend' | 'detectionAfterUnplug' | 'recoveryAfterReplug' | 'retransmissions';

export interface Measure {
  /** 'duration': milliseconds; 'count': a plain number. */
  unit: 'duration' | 'count';
  read(run: RunResult): number | undefined;
}

const unplug = (run: RunResult) => run.outages.find((o) => o.kind === 'unplugged');
const RESENDS = new Set(['data', 'tlp', 'retransmission']);

export const MEASURES: Record<MeasureId, Measure> = {
  /** From the first data segment to the server's application seeing the error. */
  giveUpAfterSend: {
    unit: 'duration',
    read(run) {
      const sent = run.segments.find((s) => s.role === 'data')?.t;
      const failed = run.server.errorAt;
      return sent === undefined || failed === undefined ? undefined : failed - sent;
    },
  },
  /** From the cable being pulled to the server's application seeing the error. */
  detectionAfterUnplug: {
    unit: 'duration',
    read(run) {
      const pulled = unplug(run)?.from;
      const failed = run.server.errorAt;
      return pulled === undefined || failed === undefined ? undefined : failed - pulled;
    },
  },
  /** From the cable going back in to the first (re)sent data arriving. */
  recoveryAfterReplug: {
    unit: 'duration',
    read(run) {
      const back = unplug(run)?.to;
      if (back === undefined) return undefined;
      const arrived = run.segments.find(
        (s) => RESENDS.has(s.role) && s.delivered && s.t >= back,
      )?.arrivedAt;
      return arrived === undefined ? undefined : arrived - back;
    },
  },
  /** RTO retransmissions the server sent. */
  retransmissions: { unit: 'count', read: (run) => run.server.retransmissions },
};

export function isMeasureId(id: unknown): id is MeasureId {
  return typeof id === 'string' && Object.hasOwn(MEASURES, id);
}

// One line per event, for the event table.
import type { LabEvent, RunResult } from 'tcp-lab';
import { arrowLabel } from './format';
import { fill, type VizLang, vizStrings } from './strings';

export interface EventRow {
  t: number;
  /** The host the event happened on ('wire' for segment events seen in flight). */
  host: string;
  what: string;
  kind: LabEvent['kind'];
}

export function describeEvent(event: LabEvent, result: RunResult, lang: VizLang): EventRow {
  const t = vizStrings(lang);
  const base = { t: event.t, kind: event.kind };
  switch (event.kind) {
    case 'state':
      return { ...base, host: t.hosts[event.host], what: fill(t.events.state, event) };
    case 'timer': {
      const what = fill(t.events.timer, { timer: t.timers[event.timer] });
      return {
        ...base,
        host: t.hosts[event.host],
        what: event.detail ? `${what} (${event.detail})` : what,
      };
    }
    case 'app': {
      const what = fill(t.notices[event.notice], {
        n: event.bytes ?? '',
        errno: event.errno ?? '',
        detail: event.detail ?? '',
      });
      return { ...base, host: t.hosts[event.host], what };
    }
    case 'host':
      return { ...base, host: t.hosts[event.host], what: t.hostActions[event.action] };
    case 'middlebox':
      return {
        ...base,
        host: t.events.middleboxHost,
        what: fill(t.events.middlebox[event.action], {
          host: t.hosts[event.host],
          n: event.segment ?? '',
        }),
      };
    case 'segment': {
      const segment = result.segments[event.segment];
      if (!segment) return { ...base, host: t.events.bothHosts, what: `#${event.segment}` };
      const l = arrowLabel(segment, lang);
      const label = l.role ? `${l.capture} · ${l.role}` : l.capture;
      if (event.phase === 'sent')
        return {
          ...base,
          host: t.hosts[segment.from],
          what: fill(t.events.segmentSent, { label }),
        };
      if (event.phase === 'arrived')
        return {
          ...base,
          host: t.hosts[segment.to],
          what: fill(t.events.segmentArrived, { label }),
        };
      const reason = segment.lostBecause ? t.lossReasons[segment.lostBecause] : '?';
      return {
        ...base,
        host: t.events.bothHosts,
        what: fill(t.events.segmentLost, { label, reason }),
      };
    }
  }
}

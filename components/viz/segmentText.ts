// Sentences about one segment, for its <title>, its aria-label and the details panel.
import type { RunResult, SegmentRecord } from 'tcp-lab';
import { arrowLabel, formatCompact, formatDuration } from './format';
import { fill, type VizLang, vizStrings } from './strings';

export function segmentFate(segment: SegmentRecord, lang: VizLang): string {
  const t = vizStrings(lang);
  if (!segment.delivered) {
    const reason = segment.lostBecause ? t.lossReasons[segment.lostBecause] : '?';
    return fill(t.diagram.lost, { reason });
  }
  const flight = (segment.arrivedAt ?? segment.t) - segment.t;
  return fill(t.diagram.arrived, { d: formatDuration(flight, lang) });
}

/** One line that says everything about a segment: when, who to whom, what, and its fate. */
export function segmentSummary(segment: SegmentRecord, lang: VizLang): string {
  const t = vizStrings(lang);
  const label = arrowLabel(segment, lang);
  return fill(t.diagram.arrowSummary, {
    t: formatCompact(segment.t),
    from: t.hosts[segment.from],
    to: t.hosts[segment.to],
    label: label.role ? `${label.capture} · ${label.role}` : label.capture,
    fate: segmentFate(segment, lang),
  });
}

export function segmentById(result: RunResult, id: number | undefined): SegmentRecord | undefined {
  return id === undefined ? undefined : result.segments[id];
}

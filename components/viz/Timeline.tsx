// The compact timeline: when each host sent what, the outages and the errors, on one axis in
// human units (logarithmic when retransmissions spread from milliseconds to minutes).
import { useMemo } from 'react';
import type { RunResult } from 'tcp-lab';
import { formatCompact, formatDuration, roleText } from './format';
import { layoutTimeline, timelineGeometry as g, type MarkKind } from './layout/timeline';
import { textWidth } from './layout/textWidth';
import { fill, type VizLang, vizStrings } from './strings';

export interface TimelineProps {
  result: RunResult;
  lang: VizLang;
}

const LEGEND: { kind: MarkKind | 'error'; key: keyof ReturnType<typeof vizStrings>['timeline'] }[] =
  [
    { kind: 'data', key: 'legendData' },
    { kind: 'tlp', key: 'legendTlp' },
    { kind: 'retransmission', key: 'legendRetransmission' },
    { kind: 'keepalive', key: 'legendKeepalive' },
    { kind: 'window-probe', key: 'legendWindowProbe' },
    { kind: 'rst', key: 'legendRst' },
    { kind: 'error', key: 'legendError' },
  ];

const INTERVAL_FONT = 9.5;

export function Timeline({ result, lang }: TimelineProps) {
  const t = vizStrings(lang);
  const layout = useMemo(() => layoutTimeline(result), [result]);
  const hosts = ['client', 'server'] as const;
  const disruption = result.events.find((e) => e.kind === 'host' && e.t === layout.origin);

  const scaleNote =
    layout.scale === 'log'
      ? fill(t.timeline.logSince, {
          event: disruption && disruption.kind === 'host' ? t.hostActions[disruption.action] : '0',
          t: formatDuration(layout.origin, lang),
        })
      : layout.scale === 'broken' && layout.gap
        ? fill(t.timeline.brokenScale, { d: formatDuration(layout.gap.to - layout.gap.from, lang) })
        : t.timeline.linearScale;

  const summary = hosts
    .map((host) => {
      const n = result.segments.filter((s) => s.from === host).length;
      return fill(t.timeline.description, {
        host: t.hosts[host],
        n,
        span: formatDuration(layout.end, lang),
      });
    })
    .join('; ');

  // Interval labels ("0.4s", "0.8s", …) only where they fit without overlapping.
  const intervalLabels: { key: string; x: number; y: number; text: string }[] = [];
  for (const host of hosts) {
    let rightEdge = -Infinity;
    for (const iv of layout.intervals.filter((i) => i.host === host)) {
      const text = formatCompact(iv.gap);
      const width = textWidth(text, INTERVAL_FONT);
      const mid = (iv.x1 + iv.x2) / 2;
      if (iv.x2 - iv.x1 < width + 4 || mid - width / 2 < rightEdge + 3) continue;
      intervalLabels.push({ key: `${host}-${iv.x1}`, x: mid, y: g.rowY[host] - 12, text });
      rightEdge = mid + width / 2;
    }
  }

  const present = new Set<string>(layout.marks.map((m) => m.kind));
  if (layout.errors.length) present.add('error');

  return (
    <figure className="viz-timeline">
      <figcaption className="viz-caption">
        <span className="viz-caption-title">{t.timeline.title}</span>
        <span className="viz-caption-hint">{scaleNote}</span>
      </figcaption>
      <div className="viz-scroll">
        <svg
          className="viz-timeline-svg"
          viewBox={`0 0 ${g.width} ${g.height}`}
          width={g.width}
          height={g.height}
          role="img"
          aria-label={`${t.timeline.title}: ${summary}. ${scaleNote}.`}
          data-scale={layout.scale}
        >
          {layout.bands.map((b, i) => (
            <rect
              key={i}
              className="viz-timeline-band"
              data-kind={b.kind}
              x={b.x0}
              y={16}
              width={Math.max(b.x1 - b.x0, 2)}
              height={g.axisY - 16}
            />
          ))}
          {hosts.map((host) => (
            <g key={host} className="viz-timeline-row" data-host={host}>
              <text x={6} y={g.rowY[host] + 4}>
                {t.hosts[host]}
              </text>
              <line x1={g.left} y1={g.rowY[host]} x2={g.right} y2={g.rowY[host]} />
            </g>
          ))}
          {intervalLabels.map((l) => (
            <text key={l.key} className="viz-timeline-interval" x={l.x} y={l.y} textAnchor="middle">
              {l.text}
            </text>
          ))}
          {layout.marks.map((m) => (
            <line
              key={m.segment.id}
              className="viz-timeline-mark"
              data-kind={m.kind}
              x1={m.x}
              y1={m.y - 8}
              x2={m.x}
              y2={m.y + 8}
            >
              <title>{`${formatCompact(m.segment.t)} ${roleText(m.segment, lang)}`}</title>
            </line>
          ))}
          {layout.errors.map((e) => {
            const nearRight = e.x > g.right - 90;
            return (
              <g key={e.host} className="viz-timeline-error">
                <path d={`M${e.x},${e.y - 7} l6,7 l-6,7 l-6,-7 z`} />
                <text
                  x={nearRight ? e.x - 9 : e.x + 9}
                  y={e.y + 18}
                  textAnchor={nearRight ? 'end' : 'start'}
                >
                  {`${e.errno} ${formatCompact(e.t)}`}
                </text>
              </g>
            );
          })}
          <g className="viz-timeline-axis">
            {layout.gap ? (
              <>
                <line x1={g.left} y1={g.axisY} x2={layout.gap.x0} y2={g.axisY} />
                <line x1={layout.gap.x1} y1={g.axisY} x2={g.right} y2={g.axisY} />
                <path
                  className="viz-timeline-gap"
                  d={`M${layout.gap.x0 - 3},${g.axisY + 5} l6,-10 M${layout.gap.x1 - 3},${g.axisY + 5} l6,-10`}
                />
                <text x={(layout.gap.x0 + layout.gap.x1) / 2} y={g.axisY - 4} textAnchor="middle">
                  {formatCompact(layout.gap.to - layout.gap.from)}
                </text>
              </>
            ) : (
              <line x1={g.left} y1={g.axisY} x2={g.right} y2={g.axisY} />
            )}
            {layout.ticks.map((tick) => (
              <g key={tick.t}>
                <line x1={tick.x} y1={g.axisY} x2={tick.x} y2={g.axisY + 5} />
                <text x={tick.x} y={g.axisY + 18} textAnchor="middle">
                  {tick.label}
                </text>
              </g>
            ))}
          </g>
        </svg>
      </div>
      <ul className="viz-legend">
        {LEGEND.filter((l) => present.has(l.kind)).map((l) => (
          <li key={l.kind} data-kind={l.kind}>
            <span className="viz-swatch" aria-hidden="true" />
            {t.timeline[l.key]}
          </li>
        ))}
      </ul>
    </figure>
  );
}

// The pinned run and the current run on one time axis, so the same moment sits at the same x in
// both: where a retransmission moved, when each side gave up.
import { useId, useMemo } from 'react';
import type { RunResult } from 'tcp-lab';
import { formatCompact, formatDuration } from '../viz/format';
import { vizStrings } from '../viz/strings';
import { compareGeometry as g, layoutCompare } from './compareLayout';
import { fill, type ExploreLang, type ExploreStrings } from './strings';

interface Props {
  pinned: RunResult;
  current: RunResult;
  lang: ExploreLang;
  t: ExploreStrings;
}

export function CompareTimeline({ pinned, current, lang, t }: Props) {
  const id = useId();
  const layout = useMemo(() => layoutCompare(pinned, current), [pinned, current]);
  const hosts = vizStrings(lang).hosts;
  const runName = { pinned: t.compare.pinned, current: t.compare.current };
  return (
    <figure className="explore-compare-axis viz-timeline">
      <figcaption className="viz-caption">
        <span className="viz-caption-title">{t.compare.axisTitle}</span>
      </figcaption>
      <div className="viz-scroll">
        <svg
          className="viz-timeline-svg"
          viewBox={`0 0 ${g.width} ${layout.height}`}
          width={g.width}
          height={layout.height}
          role="img"
          aria-labelledby={`${id}-title ${id}-desc`}
        >
          <title id={`${id}-title`}>{t.compare.axisTitle}</title>
          <desc id={`${id}-desc`}>
            {fill(t.compare.axisDescription, { end: formatDuration(layout.end, lang) })}
          </desc>
          {layout.rows.map((row) => (
            <g
              key={`${row.run}-${row.host}`}
              className="viz-timeline-row"
              data-run={row.run}
              data-host={row.host}
            >
              {row.bands.map((b, i) => (
                <rect
                  key={i}
                  className="viz-timeline-band"
                  data-kind={b.kind}
                  x={b.x0}
                  y={row.y - 10}
                  width={Math.max(2, b.x1 - b.x0)}
                  height={20}
                />
              ))}
              <text x={6} y={row.y + 4}>
                {fill(t.compare.row, { run: runName[row.run], host: hosts[row.host] })}
              </text>
              <line x1={g.left} y1={row.y} x2={g.right} y2={row.y} />
              {row.marks.map((m, i) => (
                <line
                  key={i}
                  className="viz-timeline-mark"
                  data-kind={m.kind}
                  x1={m.x}
                  x2={m.x}
                  y1={row.y - 8}
                  y2={row.y + 8}
                />
              ))}
              {row.errors.map((e) => (
                <g key={e.errno} className="viz-timeline-error" data-t={e.t}>
                  <path d={`M${e.x},${row.y - 7} l6,7 l-6,7 l-6,-7 z`} />
                </g>
              ))}
            </g>
          ))}
          <g className="viz-timeline-axis">
            <line x1={g.left} y1={layout.axisY} x2={g.right} y2={layout.axisY} />
            {layout.ticks.map((tick) => (
              <g key={tick.t}>
                <line x1={tick.x} x2={tick.x} y1={layout.axisY} y2={layout.axisY + 4} />
                <text x={tick.x} y={layout.axisY + 16} textAnchor="middle">
                  {tick.t === 0 ? '0' : formatCompact(tick.t)}
                </text>
              </g>
            ))}
          </g>
        </svg>
      </div>
    </figure>
  );
}

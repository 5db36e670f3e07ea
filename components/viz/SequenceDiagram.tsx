// The packet sequence diagram: client and server lifelines, time flowing down, one arrow per
// segment. The SVG is complete without JavaScript (every arrow has a <title>); with it, focus or
// hover on an arrow shows its details and ↑/↓ walk through the segments.
import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { HostName, RunResult, SegmentRecord } from 'tcp-lab';
import { arrowLabel, formatCompact, formatDuration } from './format';
import { layoutSequence } from './layout/sequence';
import { ArrowTip, arrowHead, BandRect, NoteMark } from './SequenceMarks';
import { segmentFate, segmentSummary } from './segmentText';
import { fill, type VizLang, vizStrings } from './strings';

export interface SequenceDiagramProps {
  result: RunResult;
  lang: VizLang;
  /** Called with the segment a reader focuses or hovers (undefined when they leave). */
  onSelect?: (segment: SegmentRecord | undefined) => void;
}

const LABEL_FONT = 10.5;

export function SequenceDiagram({ result, lang, onSelect }: SequenceDiagramProps) {
  const t = vizStrings(lang);
  const layout = useMemo(() => layoutSequence(result), [result]);
  const id = useId();
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  const svgRef = useRef<SVGSVGElement>(null);
  const [active, setActive] = useState(0);
  const [shown, setShown] = useState<number | undefined>(undefined);

  const hostX = (h: HostName) => (h === 'client' ? layout.clientX : layout.serverX);
  const address = (h: HostName) => result.sockets.find((s) => s.host === h && s.conn === 0)?.local;

  const show = (index: number | undefined) => {
    setShown(index);
    onSelect?.(index === undefined ? undefined : layout.arrows[index]?.segment);
  };

  const focusArrow = (index: number) => {
    const count = layout.arrows.length;
    if (count === 0) return;
    const next = Math.max(0, Math.min(count - 1, index));
    setActive(next);
    svgRef.current?.querySelector<SVGGElement>(`[data-index="${next}"]`)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<SVGGElement>, index: number) => {
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowRight: index + 1,
      ArrowUp: index - 1,
      ArrowLeft: index - 1,
      Home: 0,
      End: layout.arrows.length - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    focusArrow(target);
  };

  const shownArrow = shown === undefined ? undefined : layout.arrows[shown];
  const shownSegment = shownArrow?.segment;

  // Lifelines are solid except across collapsed breaks, where they turn dotted.
  const lifelinePieces: { y0: number; y1: number; dotted: boolean }[] = [];
  let cursor = layout.lifelineTop;
  for (const b of layout.breaks) {
    lifelinePieces.push(
      { y0: cursor, y1: b.y0, dotted: false },
      { y0: b.y0, y1: b.y1, dotted: true },
    );
    cursor = b.y1;
  }
  lifelinePieces.push({ y0: cursor, y1: layout.lifelineBottom, dotted: false });

  return (
    <figure className="viz-seq">
      <figcaption className="viz-caption">
        <span className="viz-caption-title">{t.diagram.title}</span>
        <span className="viz-caption-hint">{t.diagram.hint}</span>
      </figcaption>
      <div className="viz-scroll">
        <svg
          ref={svgRef}
          className="viz-seq-svg"
          viewBox={`0 0 ${layout.width} ${layout.height.toFixed(0)}`}
          width={layout.width}
          height={Math.round(layout.height)}
          role="group"
          aria-labelledby={titleId}
          aria-describedby={descId}
        >
          <title id={titleId}>{t.diagram.title}</title>
          <desc id={descId}>{t.diagram.description}</desc>

          {layout.bands.map((band, i) => (
            <BandRect key={i} band={band} width={layout.width} lang={lang} />
          ))}

          {(['client', 'server'] as const).map((h) => (
            <g key={h} className="viz-host" data-host={h}>
              <text className="viz-host-name" x={hostX(h)} y={18} textAnchor="middle">
                {t.hosts[h]}
              </text>
              {address(h) && (
                <text className="viz-host-address" x={hostX(h)} y={33} textAnchor="middle">
                  {address(h)}
                </text>
              )}
              {lifelinePieces.map((p, i) => (
                <line
                  key={i}
                  className={p.dotted ? 'viz-lifeline viz-lifeline-gap' : 'viz-lifeline'}
                  x1={hostX(h)}
                  y1={p.y0}
                  x2={hostX(h)}
                  y2={p.y1}
                />
              ))}
            </g>
          ))}

          {layout.breaks.map((b, i) => {
            const mid = (b.y0 + b.y1) / 2;
            return (
              <g key={i} className="viz-break" data-from={b.from} data-to={b.to}>
                {[layout.clientX, layout.serverX].map((x) => (
                  <path key={x} d={`M${x - 7},${mid - 2} l14,-5 M${x - 7},${mid + 5} l14,-5`} />
                ))}
                <text x={(layout.clientX + layout.serverX) / 2} y={mid + 4} textAnchor="middle">
                  {layout.omitted && b.from >= layout.omitted.from && b.to <= layout.omitted.to
                    ? fill(t.diagram.omitted, {
                        d: formatDuration(b.to - b.from, lang),
                        n: layout.omitted.count,
                      })
                    : fill(t.diagram.gap, { d: formatDuration(b.to - b.from, lang) })}
                </text>
              </g>
            );
          })}

          <g className="viz-ticks" aria-hidden="true">
            {layout.ticks.map((tick) => (
              <text key={tick.t} x={6} y={tick.y + 4}>
                {formatCompact(tick.t)}
              </text>
            ))}
          </g>

          {layout.notes.map((note, i) => (
            <NoteMark key={i} note={note} x={hostX(note.host)} lang={lang} />
          ))}

          <g role="list" aria-label={t.diagram.segmentsLabel}>
            {layout.arrows.map((a, i) => {
              const label = arrowLabel(a.segment, lang);
              const summary = segmentSummary(a.segment, lang);
              return (
                <g
                  key={a.segment.id}
                  className="viz-arrow"
                  data-index={i}
                  data-role={a.segment.role}
                  data-lost={a.lost ? '' : undefined}
                  data-shown={shown === i ? '' : undefined}
                  role="listitem"
                  aria-label={summary}
                  tabIndex={i === active ? 0 : -1}
                  onFocus={() => {
                    setActive(i);
                    show(i);
                  }}
                  onBlur={() => show(undefined)}
                  onMouseEnter={() => show(i)}
                  onMouseLeave={() => show(undefined)}
                  onKeyDown={(e) => onKeyDown(e, i)}
                >
                  <title>{summary}</title>
                  {/* A wide transparent stroke makes the thin arrow easy to hover. */}
                  <line className="viz-arrow-hit" x1={a.x1} y1={a.y1} x2={a.x2} y2={a.y2} />
                  <line className="viz-arrow-line" x1={a.x1} y1={a.y1} x2={a.x2} y2={a.y2} />
                  {a.lost ? (
                    <path
                      className="viz-arrow-cut"
                      d={`M${a.x2 - 5},${a.y2 - 5} l10,10 M${a.x2 + 5},${a.y2 - 5} l-10,10`}
                    />
                  ) : (
                    <polygon className="viz-arrow-head" points={arrowHead(a)} />
                  )}
                  <text
                    className="viz-arrow-label"
                    x={a.labelX}
                    y={a.labelY + (a.labelBelow ? LABEL_FONT + 2 : -4)}
                    transform={`rotate(${a.labelAngle} ${a.labelX} ${a.labelY})`}
                    textAnchor={a.labelAnchor}
                    fontSize={LABEL_FONT}
                  >
                    <tspan className="viz-capture">{label.capture}</tspan>
                    {label.role && <tspan className="viz-role">{` · ${label.role}`}</tspan>}
                  </text>
                </g>
              );
            })}
          </g>
          {shownArrow && (
            <ArrowTip
              arrow={shownArrow}
              width={layout.width}
              height={layout.height}
              lines={[
                `${t.hosts[shownArrow.segment.from]} → ${t.hosts[shownArrow.segment.to]} · ${fill(
                  t.diagram.sent,
                  { t: formatDuration(shownArrow.segment.t, lang) },
                )}`,
                segmentFate(shownArrow.segment, lang),
              ]}
            />
          )}
        </svg>
      </div>
      <p className="viz-seq-details" aria-live="polite">
        {shownSegment ? (
          <>
            <strong>{`${t.hosts[shownSegment.from]} → ${t.hosts[shownSegment.to]}`}</strong>{' '}
            <code>{arrowLabel(shownSegment, lang).capture}</code>
            {arrowLabel(shownSegment, lang).role && ` · ${arrowLabel(shownSegment, lang).role}`}
            {' · '}
            {fill(t.diagram.sent, { t: formatDuration(shownSegment.t, lang) })}
            {' · '}
            {segmentFate(shownSegment, lang)}
          </>
        ) : (
          <span className="viz-muted">{t.diagram.detailsHeading}</span>
        )}
      </p>
    </figure>
  );
}

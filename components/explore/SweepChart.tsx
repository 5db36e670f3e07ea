// A sweep drawn as an SVG chart (a title and a description for screen readers, labelled axes,
// one line per series, distinguished by dash as well as colour) with a table of every run as
// the alternative view. The current code's value of the swept parameter is marked.
import { useId, useMemo, useState } from 'react';
import type { SweepLine, SweepSpec } from '../../src/runner/explore/sweep';
import { MEASURES } from '../../src/runner/explore/measures';
import { PARAMETERS } from '../../src/runner/explore/parameters';
import { formatCompact } from '../viz/format';
import { vizStrings } from '../viz/strings';
import { unitText, valueText } from './controlText';
import { chartGeometry as g, dotsPath, layoutSweepChart } from './sweepChartLayout';
import { fill, type ExploreLang, type ExploreStrings } from './strings';

export interface SweepChartProps {
  spec: SweepSpec;
  lines: readonly SweepLine[];
  runs: number;
  lang: ExploreLang;
  t: ExploreStrings;
  /** The swept parameter's value in the current code, when it has one. */
  current?: number;
}

const DASHES = ['', '6 3', '2 3', '8 3 2 3'];

export function SweepChart({ spec, lines, runs, lang, t, current }: SweepChartProps) {
  const id = useId();
  const [asTable, setAsTable] = useState(false);
  const measure = MEASURES[spec.measure];
  const duration = measure.unit === 'duration';
  const layout = useMemo(() => layoutSweepChart(spec, lines, duration), [spec, lines, duration]);
  const over = PARAMETERS[spec.over];
  const series = spec.series && PARAMETERS[spec.series.over];
  const outcomes = vizStrings(lang).outcomes as Record<string, { title: string } | undefined>;

  const measureName = t.measures[spec.measure];
  const overName = t.parameters[spec.over].name;
  const overUnit = unitText(over, t);
  const yText = (y: number | null) =>
    y === null ? t.sweep.noValue : duration ? formatCompact(y) : String(y);
  const xText = (x: number) => valueText(over, x, t, lang);
  const lineName = (line: SweepLine) =>
    series && line.value !== undefined
      ? fill(t.sweep.seriesValue, {
          name: t.parameters[series.id].name,
          value: valueText(series, line.value, t, lang),
        })
      : t.sweep.onlyLine;

  const title = fill(t.sweep.title, { measure: measureName, over: overName });
  const description = fill(t.sweep.description, {
    runs,
    over: overName,
    from: xText(spec.from),
    to: xText(spec.to),
    lines: lines
      .map((line) => {
        const ys = line.points.flatMap((p) => (p.y === null ? [] : [p.y]));
        return ys.length
          ? fill(t.sweep.lineSummary, {
              series: lineName(line),
              min: yText(Math.min(...ys)),
              max: yText(Math.max(...ys)),
            })
          : fill(t.sweep.lineSummaryNone, { series: lineName(line) });
      })
      .join(lang === 'zh' ? '；' : '; '),
  });
  const many = lines.reduce((n, l) => n + l.points.length, 0) > 80;
  const inRange = current !== undefined && current >= spec.from && current <= spec.to;

  return (
    <figure
      className="explore-sweep"
      data-measure={spec.measure}
      data-over={spec.over}
      data-view={asTable ? 'table' : 'chart'}
    >
      <figcaption className="explore-sweep-caption">
        <span className="explore-sweep-title">{title}</span>
        {/* The label says what the button does next; no aria-pressed, which with a changing label
            would read as "Show as a chart, pressed". */}
        <button type="button" data-on={asTable || undefined} onClick={() => setAsTable((v) => !v)}>
          {asTable ? t.sweep.showChart : t.sweep.showTable}
        </button>
      </figcaption>
      {asTable ? (
        <div className="explore-sweep-table">
          <table>
            <caption>{title}</caption>
            <thead>
              <tr>
                <th scope="col">{overName}</th>
                {lines.map((line, i) => (
                  <th key={i} scope="col">
                    {lines.length === 1
                      ? measureName
                      : lang === 'zh'
                        ? `${measureName}（${lineName(line)}）`
                        : `${measureName} (${lineName(line)})`}
                  </th>
                ))}
                {lines.length === 1 && <th scope="col">{t.sweep.outcome}</th>}
              </tr>
            </thead>
            <tbody>
              {lines[0]?.points.map((point, row) => (
                <tr key={point.x} aria-current={point.x === current || undefined}>
                  <th scope="row">{xText(point.x)}</th>
                  {lines.map((line, i) => (
                    <td key={i}>{yText(line.points[row]?.y ?? null)}</td>
                  ))}
                  {lines.length === 1 && <td>{outcomes[point.outcome]?.title ?? point.outcome}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <div className="viz-scroll">
          <svg
            className="explore-sweep-svg"
            viewBox={`0 0 ${g.width} ${g.height}`}
            width={g.width}
            height={g.height}
            role="img"
            aria-labelledby={`${id}-title ${id}-desc`}
          >
            <title id={`${id}-title`}>{title}</title>
            <desc id={`${id}-desc`}>{description}</desc>
            <g className="explore-sweep-grid">
              {layout.yTicks.map((tick) => (
                <g key={tick.value}>
                  <line x1={g.left} x2={g.right} y1={tick.at} y2={tick.at} />
                  <text x={g.left - 6} y={tick.at + 4} textAnchor="end">
                    {yText(tick.value)}
                  </text>
                </g>
              ))}
              {layout.xTicks.map((tick) => (
                <text key={tick.value} x={tick.at} y={g.bottom + 16} textAnchor="middle">
                  {String(tick.value)}
                </text>
              ))}
              <line
                className="explore-sweep-axis"
                x1={g.left}
                x2={g.right}
                y1={g.bottom}
                y2={g.bottom}
              />
              <line
                className="explore-sweep-axis"
                x1={g.left}
                x2={g.left}
                y1={g.top}
                y2={g.bottom}
              />
            </g>
            <text
              className="explore-sweep-axis-label"
              data-axis="x"
              x={(g.left + g.right) / 2}
              y={g.height - 14}
              textAnchor="middle"
            >
              {overUnit ? fill(t.sweep.axisWithUnit, { name: overName, unit: overUnit }) : overName}
            </text>
            <text
              className="explore-sweep-axis-label"
              data-axis="y"
              transform={`translate(14 ${(g.top + g.bottom) / 2}) rotate(-90)`}
              textAnchor="middle"
            >
              {measureName}
            </text>
            {inRange && (
              <line
                className="explore-sweep-current"
                x1={layout.x(current)}
                x2={layout.x(current)}
                y1={g.top}
                y2={g.bottom}
              />
            )}
            {layout.lines.map((line, i) => (
              <g key={i} className="explore-sweep-line" data-series={i}>
                {/* Hundreds of points are dots alone; a few are joined by a line. Either way the
                    dots are one path of round caps, not an element each: the page carries the
                    built chart, so its bytes count. */}
                {!many && <path d={line.path} strokeDasharray={DASHES[i % DASHES.length]} />}
                <path
                  className="explore-sweep-dots"
                  data-size={many ? 'small' : 'large'}
                  d={dotsPath(line.dots, many ? 0 : 1)}
                />
              </g>
            ))}
          </svg>
        </div>
      )}
      {lines.length > 1 && (
        <ul className="explore-sweep-legend">
          {lines.map((line, i) => (
            <li key={i} data-series={i}>
              <svg width="28" height="10" aria-hidden="true">
                <line x1="0" x2="28" y1="5" y2="5" strokeDasharray={DASHES[i % DASHES.length]} />
              </svg>
              {lineName(line)}
            </li>
          ))}
        </ul>
      )}
      {inRange && (
        <p className="explore-sweep-current-note">
          <span aria-hidden="true">┆ </span>
          {fill(t.sweep.current, { value: xText(current) })}
        </p>
      )}
    </figure>
  );
}

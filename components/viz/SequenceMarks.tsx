// The pieces of the sequence diagram other than arrows: notes on the lifelines (states, errors,
// EOF, what happened to a host), outage bands, and arrowheads.
import { formatCompact } from './format';
import type { Arrow, Band, Note } from './layout/sequence';
import { textWidth } from './layout/textWidth';
import { fill, type VizLang, vizStrings } from './strings';

const NOTE_FONT = 11;

export function arrowHead(a: Arrow): string {
  const angle = Math.atan2(a.y2 - a.y1, a.x2 - a.x1);
  const size = 7;
  const spread = 0.45;
  const p1 = [a.x2 - size * Math.cos(angle - spread), a.y2 - size * Math.sin(angle - spread)];
  const p2 = [a.x2 - size * Math.cos(angle + spread), a.y2 - size * Math.sin(angle + spread)];
  return `${a.x2},${a.y2} ${p1[0]!.toFixed(1)},${p1[1]!.toFixed(1)} ${p2[0]!.toFixed(1)},${p2[1]!.toFixed(1)}`;
}

function noteText(note: Note, lang: VizLang): string {
  const t = vizStrings(lang);
  const prefix = note.conn !== undefined ? `#${note.conn + 1} ` : '';
  switch (note.kind) {
    case 'action':
      return t.hostActions[note.text as keyof typeof t.hostActions] ?? note.text;
    case 'eof':
      return prefix + 'EOF';
    default:
      return prefix + note.text;
  }
}

export function NoteMark({ note, x, lang }: { note: Note; x: number; lang: VizLang }) {
  const text = noteText(note, lang);
  const left = note.host === 'client';
  const anchorX = left ? x - 8 : x + 8;
  const anchor = left ? 'end' : 'start';
  if (note.kind === 'error' || note.kind === 'eof') {
    const w = textWidth(text, NOTE_FONT) + 12;
    const boxX = left ? anchorX - w : anchorX;
    return (
      <g className="viz-note" data-kind={note.kind} data-host={note.host}>
        <line className="viz-note-tie" x1={x} y1={note.y} x2={anchorX} y2={note.y} />
        <rect x={boxX} y={note.y - 9} width={w} height={18} rx={4} />
        <text x={boxX + w / 2} y={note.y + 4} textAnchor="middle">
          {text}
        </text>
      </g>
    );
  }
  return (
    <g className="viz-note" data-kind={note.kind} data-host={note.host}>
      <circle cx={x} cy={note.y} r={note.kind === 'state' ? 2.5 : 3.5} />
      <text x={anchorX} y={note.y + 4} textAnchor={anchor}>
        {text}
      </text>
    </g>
  );
}

export function BandRect({ band, width, lang }: { band: Band; width: number; lang: VizLang }) {
  const t = vizStrings(lang);
  const label = fill(t.outages[band.kind], { host: t.hosts[band.host] });
  return (
    <g className="viz-band" data-kind={band.kind} data-host={band.host}>
      <title>{`${label}: ${formatCompact(band.from)} – ${formatCompact(band.to)}`}</title>
      <rect x={0} y={band.y0} width={width} height={band.y1 - band.y0} />
      {band.kind === 'unplugged' && (
        <line className="viz-cut" x1={band.cutX} y1={band.y0} x2={band.cutX} y2={band.y1} />
      )}
    </g>
  );
}

const TIP_FONT = 11;
const TIP_LINE = 15;

/** A callout next to the arrow a reader hovers or focuses (the panel under the diagram says the
 *  same for screen readers, so this one is hidden from them). */
export function ArrowTip({
  arrow,
  lines,
  width,
  height,
}: {
  arrow: Arrow;
  lines: string[];
  width: number;
  height: number;
}) {
  const w = Math.max(...lines.map((l) => textWidth(l, TIP_FONT))) + 16;
  const h = lines.length * TIP_LINE + 10;
  const x = Math.min(Math.max(arrow.labelX - w / 2, 4), width - w - 4);
  const below = arrow.labelY + 14;
  const y = below + h > height - 4 ? arrow.labelY - 22 - h : below;
  return (
    <g className="viz-tip" aria-hidden="true">
      <rect x={x} y={y} width={w} height={h} rx={5} />
      {lines.map((line, i) => (
        <text key={i} x={x + 8} y={y + 5 + TIP_LINE * (i + 1) - 4}>
          {line}
        </text>
      ))}
    </g>
  );
}

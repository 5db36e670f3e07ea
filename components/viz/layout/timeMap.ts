// Maps run time to vertical position in the sequence diagram. Runs span 200 ms handshakes and
// hours of idling, so a linear axis cannot show both: gaps between moments that matter are drawn
// with a height that grows with the logarithm of their length, and long quiet gaps collapse into
// a fixed-height labelled break. The mapping stays monotonic so arrows never point up.

export interface TimeMapOptions {
  /** Smallest height of any gap between two moments, px. */
  minGap: number;
  /** Largest height of a gap that is drawn to (log) scale, px. */
  maxGap: number;
  /** Height added per doubling of a gap's length, px. */
  perDoubling: number;
  /** Gap length that counts as one unit of the log scale, ms. */
  unit: number;
  /** Gaps at least this long become breaks, ms. */
  breakAfter: number;
  /** Height of a break, px. */
  breakHeight: number;
}

export interface Moment {
  t: number;
  /** Pixels needed below this moment before the next one (stacked labels). */
  reserve?: number;
}

export interface Span {
  from: number;
  to: number;
  min: number;
}

export interface TimeBreak {
  from: number;
  to: number;
  /** Where the break zone starts and ends, px. */
  y0: number;
  y1: number;
}

export interface TimeMap {
  y(t: number): number;
  height: number;
  breaks: TimeBreak[];
  knots: { t: number; y: number }[];
}

export const defaultTimeMapOptions: TimeMapOptions = {
  minGap: 18,
  maxGap: 64,
  perDoubling: 4.5,
  unit: 1,
  breakAfter: 300_000,
  breakHeight: 44,
};

/** Height of a gap drawn to scale (not collapsed). */
export function gapHeight(gap: number, reserve: number, options: TimeMapOptions): number {
  const scaled = options.perDoubling * Math.log2(1 + Math.max(0, gap) / options.unit);
  return Math.max(options.minGap, reserve, Math.min(options.maxGap, scaled));
}

/** Merge moments at the same time (keeping the largest reserve) and sort them. */
function mergeMoments(moments: Moment[]): Required<Moment>[] {
  const byTime = new Map<number, number>();
  for (const m of moments) {
    if (!Number.isFinite(m.t)) throw new Error(`time map: moment time must be finite, got ${m.t}`);
    byTime.set(m.t, Math.max(byTime.get(m.t) ?? 0, m.reserve ?? 0));
  }
  return [...byTime.entries()].sort((a, b) => a[0] - b[0]).map(([t, reserve]) => ({ t, reserve }));
}

export function buildTimeMap(
  moments: Moment[],
  options: TimeMapOptions = defaultTimeMapOptions,
  /** Stretches to collapse whatever their length (segments left out of a huge run). */
  forced: { from: number; to: number }[] = [],
  /** Stretches that must be at least this tall (a segment's flight, so its label has room). */
  spans: Span[] = [],
): TimeMap {
  const spansEndingAt = new Map<number, Span[]>();
  for (const span of spans)
    spansEndingAt.set(span.to, [...(spansEndingAt.get(span.to) ?? []), span]);
  const yAt = new Map<number, number>();
  const merged = mergeMoments(moments);
  if (merged.length === 0) merged.push({ t: 0, reserve: 0 });
  const knots: { t: number; y: number }[] = [];
  const breaks: TimeBreak[] = [];
  let y = 0;
  merged.forEach((m, i) => {
    const prev = merged[i - 1];
    if (prev) {
      const gap = m.t - prev.t;
      const prevY = y;
      const isForced = forced.some((f) => f.from <= prev.t && m.t <= f.to);
      if (gap >= options.breakAfter || (isForced && gap > 0)) {
        const y0 = prevY + Math.max(prev.reserve, options.minGap / 2);
        y = y0 + options.breakHeight;
        breaks.push({ from: prev.t, to: m.t, y0, y1: y });
      } else {
        y = prevY + gapHeight(gap, prev.reserve, options);
      }
    }
    for (const span of spansEndingAt.get(m.t) ?? []) {
      const from = yAt.get(span.from);
      if (from !== undefined) y = Math.max(y, from + span.min);
    }
    yAt.set(m.t, y);
    knots.push({ t: m.t, y });
  });
  const last = merged[merged.length - 1]!;
  const height = y + last.reserve;

  function mapTime(t: number): number {
    const first = knots[0]!;
    if (t <= first.t) return first.y;
    // Binary search for the knot interval holding t.
    let lo = 0;
    let hi = knots.length - 1;
    if (t >= knots[hi]!.t) return knots[hi]!.y;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (knots[mid]!.t <= t) lo = mid;
      else hi = mid;
    }
    const a = knots[lo]!;
    const b = knots[hi]!;
    return a.y + ((t - a.t) / (b.t - a.t)) * (b.y - a.y);
  }

  return { y: mapTime, height, breaks, knots };
}

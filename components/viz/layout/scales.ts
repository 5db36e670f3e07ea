// The two mappings the timeline needs, time → x: piecewise linear (several domain stops, for an
// axis with a collapsed stretch) and logarithmic. Both clamp to their range. Written out rather
// than taken from d3-scale, whose interpolators and number formatting cost ~11 KB gzip in the
// page bundle for what is a few lines of arithmetic here; the tick choice is ours either way.

export type Scale = (value: number) => number;

/** Piecewise linear through (domain[i], range[i]); domain ascending, same length as range. */
export function linearScale(domain: number[], range: number[]): Scale {
  if (domain.length < 2 || domain.length !== range.length) {
    throw new Error(
      `linearScale: needs at least two stops and as many range values as domain values, got ${domain.length} and ${range.length}`,
    );
  }
  const last = domain.length - 1;
  return (value) => {
    if (value <= domain[0]!) return range[0]!;
    if (value >= domain[last]!) return range[last]!;
    let i = 1;
    while (domain[i]! < value) i++;
    const d0 = domain[i - 1]!;
    const d1 = domain[i]!;
    const r0 = range[i - 1]!;
    const r1 = range[i]!;
    return d1 === d0 ? r1 : r0 + ((value - d0) / (d1 - d0)) * (r1 - r0);
  };
}

/** Logarithmic from [d0, d1] (both > 0) to [r0, r1]. */
export function logScale([d0, d1]: [number, number], [r0, r1]: [number, number]): Scale {
  if (!(d0 > 0 && d1 > d0)) {
    throw new Error(`logScale: needs 0 < start < end, got [${d0}, ${d1}]`);
  }
  const l0 = Math.log(d0);
  const span = Math.log(d1) - l0;
  return (value) => {
    const clamped = Math.min(Math.max(value, d0), d1);
    return r0 + ((Math.log(clamped) - l0) / span) * (r1 - r0);
  };
}

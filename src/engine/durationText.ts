// Durations as text for readers (cards, prose, error messages). Apart from duration.ts, which
// parses durations and throws the lab's errors, so that the errors can use it too.

function trimNumber(n: number, digits: number): string {
  return n.toFixed(digits).replace(/\.?0+$/, '');
}

/**
 * Milliseconds as short human text for cards and prose: '0.03 ms', '201 ms', '12.9 s',
 * '925.8 s', '16 m 40 s', '2 h 11 m 15 s'.
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms);
  const sign = ms < 0 ? '-' : '';
  const a = Math.abs(ms);
  if (a < 1) return `${sign}${trimNumber(a, 3)} ms`;
  if (a < 1000) return `${sign}${trimNumber(a, a < 10 ? 1 : 0)} ms`;
  if (a < 1_000_000) return `${sign}${trimNumber(a / 1000, 1)} s`;
  const totalS = Math.round(a / 1000);
  const h = Math.floor(totalS / 3600);
  const m = Math.floor((totalS % 3600) / 60);
  const s = totalS % 60;
  const parts: string[] = [];
  if (h) parts.push(`${h} h`);
  if (m) parts.push(`${m} m`);
  if (s || parts.length === 0) parts.push(`${s} s`);
  return sign + parts.join(' ');
}

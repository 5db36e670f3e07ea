// The result of the latest successful run (or the one computed at build time): how much time it
// simulated, how long it took, whether the code has changed since, and the run itself drawn by
// the visualisations.
import { RunView } from '../viz/RunView';
import { formatDuration } from '../viz/format';
import type { ShownResult } from './runState';
import { fill, type PlaygroundLang, type PlaygroundStrings } from './strings';

interface Props {
  shown: ShownResult;
  stale: boolean;
  lang: PlaygroundLang;
  t: PlaygroundStrings;
}

export function ResultPanel({ shown, stale, lang, t }: Props) {
  const meta = fill(t.result.meta, {
    span: formatDuration(shown.result.end, lang),
    wall: formatWall(shown.wallMs),
  });
  return (
    <div
      className="playground-result"
      data-stale={stale || undefined}
      data-outcome={shown.result.outcome.id}
    >
      <p className="playground-result-meta">
        {shown.origin === 'build' && <span>{t.result.precomputed} · </span>}
        <span>{meta}</span>
      </p>
      {stale && <p className="playground-stale">{t.result.stale}</p>}
      <RunView result={shown.result} lang={lang} headingLevel={3} />
    </div>
  );
}

/** Wall time with a precision that fits its size: 0.42 ms, 12.3 ms, 240 ms, 1.25 s. */
export function formatWall(ms: number): string {
  if (ms < 1) return `${ms.toFixed(2)} ms`;
  if (ms < 100) return `${ms.toFixed(1)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

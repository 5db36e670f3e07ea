// Shown over the code while the editor loads: which step it is on, as a real progress bar. It
// sits on top of the code, so nothing below moves.
import type { PlaygroundStrings } from './strings';

interface Props {
  step: number;
  t: PlaygroundStrings;
}

export function EditorLoading({ step, t }: Props) {
  const total = t.loadingSteps.length;
  const current = t.loadingSteps[Math.min(step, total - 1)];
  return (
    <div className="playground-loading" role="status">
      <span>
        {t.loadingEditor} {current} ({Math.min(step + 1, total)}/{total})
      </span>
      <progress max={total} value={step} aria-label={t.loadingEditor} />
    </div>
  );
}

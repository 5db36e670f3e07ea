// The playground's controls. Run shows its shortcut; every button has a visible text label.
import type { Ref } from 'react';
import { fill, type PlaygroundStrings } from './strings';

interface Props {
  t: PlaygroundStrings;
  editing: boolean;
  running: boolean;
  edited: boolean;
  runRef: Ref<HTMLButtonElement>;
  onEdit: () => void;
  onRun: () => void;
  onReset: () => void;
  onShare: () => void;
  /** The compare view is open; it exists only while the code differs from the original. */
  comparing: boolean;
  compareId: string;
  onCompare: () => void;
  runAll?: { progress?: { done: number; total: number }; onRunAll: () => void };
}

export function Toolbar({
  t,
  editing,
  running,
  edited,
  runRef,
  onEdit,
  onRun,
  onReset,
  onShare,
  comparing,
  compareId,
  onCompare,
  runAll,
}: Props) {
  return (
    <div className="playground-toolbar">
      <button
        type="button"
        ref={runRef}
        className="playground-run"
        onClick={onRun}
        disabled={running}
        aria-keyshortcuts="Control+Enter Meta+Enter"
      >
        {running ? t.running : t.run}
        <kbd aria-hidden="true">Ctrl+Enter</kbd>
      </button>
      {!editing && (
        <button type="button" onClick={onEdit}>
          {t.edit}
        </button>
      )}
      <button type="button" onClick={onReset} disabled={!edited}>
        {t.reset}
      </button>
      {/* Always there, disabled until there is an edit, like Reset: no buttons move on the first edit. */}
      <button
        type="button"
        onClick={onCompare}
        disabled={!edited}
        aria-pressed={edited && comparing}
        aria-controls={edited && comparing ? compareId : undefined}
      >
        {t.compare}
      </button>
      <button type="button" onClick={onShare}>
        {t.share}
      </button>
      {runAll && (
        <button
          type="button"
          className="playground-run-all"
          onClick={runAll.onRunAll}
          disabled={runAll.progress !== undefined}
        >
          {runAll.progress ? fill(t.runAllProgress, runAll.progress) : t.runAll}
        </button>
      )}
    </div>
  );
}

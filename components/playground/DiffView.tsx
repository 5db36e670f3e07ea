// The reader's code against the lesson's original, line by line: what they removed and what they
// added, with line numbers of both. Loaded only when the reader asks to compare.
import { useMemo } from 'react';
import { lineDiff, MAX_DIFF_LINES, type DiffLine } from '../../src/runner/lineDiff';
import { fill, type PlaygroundStrings } from './strings';

interface Props {
  original: string;
  code: string;
  t: PlaygroundStrings;
  id: string;
}

const signs: Record<DiffLine['kind'], string> = { same: ' ', removed: '−', added: '+' };

export default function DiffView({ original, code, t, id }: Props) {
  const lines = useMemo(() => {
    try {
      return lineDiff(original, code);
    } catch {
      return undefined; // longer than MAX_DIFF_LINES: said below
    }
  }, [original, code]);

  if (!lines) {
    return (
      <div className="playground-diff-view" id={id}>
        <p>{fill(t.diff.tooLong, { limit: MAX_DIFF_LINES })}</p>
      </div>
    );
  }
  const added = lines.filter((line) => line.kind === 'added').length;
  const removed = lines.filter((line) => line.kind === 'removed').length;
  return (
    <div className="playground-diff-view" id={id} role="region" aria-label={t.diff.heading}>
      <p className="playground-diff-summary">
        {added + removed === 0 ? t.diff.none : fill(t.diff.summary, { added, removed })}
      </p>
      {/* Long lines wrap, so nothing scrolls sideways and no part needs keyboard scrolling. */}
      <pre>
        <code>
          {lines.map((line, index) => (
            <span key={index} className={`playground-diff-line is-${line.kind}`}>
              <span className="playground-diff-number" aria-hidden="true">
                {line.kind === 'added' ? '' : line.before}
              </span>
              <span className="playground-diff-number" aria-hidden="true">
                {line.kind === 'removed' ? '' : line.after}
              </span>
              <span className="playground-diff-sign" aria-hidden="true">
                {signs[line.kind]}
              </span>
              {line.kind !== 'same' && (
                <span className="visually-hidden">
                  {fill(line.kind === 'added' ? t.diff.added : t.diff.removed, {
                    line: line.kind === 'added' ? line.after : line.before,
                  })}
                </span>
              )}
              {line.text}
              {'\n'}
            </span>
          ))}
        </code>
      </pre>
    </div>
  );
}

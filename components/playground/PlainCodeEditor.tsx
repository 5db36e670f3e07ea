// The editor on touch devices (and wherever Monaco could not load): a plain textarea with the
// same metrics as the highlighted code, the same run shortcut, and the platform's own text
// handling, which screen readers and on-screen keyboards understand best.
import { useEffect, useRef } from 'react';

interface Props {
  value: string;
  label: string;
  describedBy: string;
  focusOnMount: boolean;
  onChange: (value: string) => void;
  onRun: () => void;
  onEscape: () => void;
}

export function PlainCodeEditor({
  value,
  label,
  describedBy,
  focusOnMount,
  onChange,
  onRun,
  onEscape,
}: Props) {
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (focusOnMount) area.current?.focus();
  }, [focusOnMount]);
  const rows = value.split('\n').length;
  return (
    <textarea
      ref={area}
      className="playground-textarea"
      value={value}
      rows={rows}
      aria-label={label}
      aria-describedby={describedBy}
      spellCheck={false}
      autoCapitalize="off"
      autoCorrect="off"
      autoComplete="off"
      onChange={(event) => onChange(event.target.value)}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          onRun();
        } else if (event.key === 'Escape') {
          event.preventDefault();
          onEscape();
        }
      }}
    />
  );
}

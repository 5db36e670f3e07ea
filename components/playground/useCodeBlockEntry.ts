// The code block itself is the way into the editor: a click on it, or Enter while it has focus,
// opens the editor; Ctrl/Cmd+Enter runs it. The block is the build's HTML (or the restored
// draft), so it is wired here rather than rendered: made focusable (it also scrolls long lines)
// and labelled with the keyboard hint. Without JavaScript it stays a plain, scrollable block.
import { useEffect, useRef, type RefObject } from 'react';

interface Actions {
  edit: (how: 'pointer' | 'keyboard') => void;
  run: () => void;
}

export function useCodeBlockEntry(
  wrapper: RefObject<HTMLElement | null>,
  { enabled, label, version }: { enabled: boolean; label: string; version: unknown },
  actions: Actions,
): void {
  const latest = useRef(actions);
  latest.current = actions;

  useEffect(() => {
    const pre = wrapper.current?.querySelector('pre');
    if (!enabled || !pre) return;
    pre.tabIndex = 0;
    pre.setAttribute('role', 'group');
    pre.setAttribute('aria-label', label);
    const onClick = () => {
      // Selecting text to copy it is not a request to edit.
      if (!document.getSelection()?.toString()) latest.current.edit('pointer');
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Enter') return;
      event.preventDefault();
      if (event.ctrlKey || event.metaKey) latest.current.run();
      else latest.current.edit('keyboard');
    };
    pre.addEventListener('click', onClick);
    pre.addEventListener('keydown', onKeyDown);
    return () => {
      pre.removeEventListener('click', onClick);
      pre.removeEventListener('keydown', onKeyDown);
    };
    // `version` changes when the block is replaced (original ↔ restored draft).
  }, [wrapper, enabled, label, version]);
}

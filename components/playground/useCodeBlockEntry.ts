// The code block itself is the way into the editor: a click on it, or Enter while it has focus,
// opens the editor; Ctrl/Cmd+Enter runs it. The block is the build's HTML (or the restored
// draft), so its pre is labelled here rather than rendered (made focusable, as it also scrolls
// long lines, and given the keyboard hint); the handlers are React's, on the wrapper the events
// bubble to, so a click that arrived before hydration and is replayed reaches them. Without
// JavaScript it stays a plain, scrollable block.
import { useEffect, useRef, type KeyboardEvent, type RefObject } from 'react';

interface Actions {
  edit: (how: 'pointer' | 'keyboard') => void;
  run: () => void;
}

export function useCodeBlockEntry(
  wrapper: RefObject<HTMLElement | null>,
  { label, version }: { label: string; version: unknown },
  actions: Actions,
) {
  const latest = useRef(actions);
  latest.current = actions;

  useEffect(() => {
    const pre = wrapper.current?.querySelector('pre');
    if (!pre) return;
    pre.tabIndex = 0;
    pre.setAttribute('role', 'group');
    pre.setAttribute('aria-label', label);
    // `version` changes when the block is replaced (original ↔ restored draft).
  }, [wrapper, label, version]);

  return {
    onClick: () => {
      // Selecting text to copy it is not a request to edit.
      if (!document.getSelection()?.toString()) latest.current.edit('pointer');
    },
    onKeyDown: (event: KeyboardEvent) => {
      if (event.key !== 'Enter' || !(event.target instanceof HTMLPreElement)) return;
      event.preventDefault();
      if (event.ctrlKey || event.metaKey) latest.current.run();
      else latest.current.edit('keyboard');
    },
  };
}

// The code in a playground and where it came from: the lesson's original, the reader's saved
// draft, or a share link. Edits are saved as they happen; nothing is ever run on load. A share
// link never costs the reader their own edits: a draft it replaces can be brought back, and a
// link that cannot be read leaves the draft where it was.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { browserStorage, createDraftStore } from '../../src/runner/drafts';
import { ShareLinkError, decodeCode, parseShareFragment } from '../../src/runner/share';

export type CodeNotice =
  'restored' | 'shared' | 'sharedDamaged' | 'sharedTooLarge' | 'resetDone' | undefined;
export type SaveState = 'original' | 'saved' | 'unsaved';

export function useSnippetCode(snippetId: string, original: string) {
  const store = useMemo(() => createDraftStore(browserStorage()), []);
  const [code, setCodeValue] = useState(original);
  // The current code without waiting for a render: editor change events compare against it.
  const codeRef = useRef(original);
  const setCodeState = useCallback((next: string) => {
    codeRef.current = next;
    setCodeValue(next);
  }, []);
  const [saveState, setSaveState] = useState<SaveState>('original');
  const [notice, setNotice] = useState<CodeNotice>(undefined);
  /** The code a reset or a share link replaced, which the reader can bring back. */
  const [beforeReset, setBeforeReset] = useState<string | undefined>(undefined);
  /** Counts the times a share link replaced the code, so an open editor can take it in. */
  const [linksOpened, setLinksOpened] = useState(0);

  const persist = useCallback(
    (next: string) => {
      const saved = store.save(snippetId, original, next);
      setSaveState(next === original ? 'original' : saved ? 'saved' : 'unsaved');
    },
    [store, snippetId, original],
  );

  // A share link for this snippet wins over a draft; either is loaded, never run. A link pasted
  // into the address bar of the page already open arrives as a hash change.
  useEffect(() => {
    let cancelled = false;
    const openShareLink = (): boolean => {
      const shared = parseShareFragment(location.hash);
      if (shared?.snippetId !== snippetId) return false;
      const draft = store.load(snippetId, original);
      decodeCode(shared.payload).then(
        (sharedCode) => {
          if (cancelled) return;
          const current = codeRef.current;
          setCodeState(sharedCode);
          persist(sharedCode);
          // What the reader had, if the link replaced it, can be brought back.
          const mine = current !== original ? current : draft;
          setBeforeReset(mine !== undefined && mine !== sharedCode ? mine : undefined);
          // Saved as the draft now: the link leaves the address bar, so a reload after further
          // edits brings those edits back rather than the link's code again.
          if (store.load(snippetId, original) === sharedCode || sharedCode === original) {
            history.replaceState(history.state, '', location.pathname + location.search);
          }
          setNotice('shared');
          setLinksOpened((count) => count + 1);
        },
        (error: unknown) => {
          if (cancelled) return;
          const tooLarge = error instanceof ShareLinkError && error.reason === 'tooLarge';
          setNotice(tooLarge ? 'sharedTooLarge' : 'sharedDamaged');
        },
      );
      return true;
    };

    const draft = store.load(snippetId, original);
    if (draft !== undefined && draft !== original) {
      // Shown at once, and kept if a share link turns out to be unreadable.
      setCodeState(draft);
      setSaveState('saved');
    }
    if (!openShareLink() && draft !== undefined && draft !== original) setNotice('restored');
    const onHashChange = () => void openShareLink();
    addEventListener('hashchange', onHashChange);
    return () => {
      cancelled = true;
      removeEventListener('hashchange', onHashChange);
    };
  }, [snippetId, original, store, persist, setCodeState, codeRef]);

  const setCode = useCallback(
    (next: string) => {
      if (next === codeRef.current) return;
      setCodeState(next);
      persist(next);
      setBeforeReset(undefined);
      setNotice((current) => (current === 'resetDone' ? undefined : current));
    },
    [persist, setCodeState],
  );

  /** Back to the original; the previous code is kept so the reset can be undone. */
  const reset = useCallback(() => {
    setBeforeReset(code);
    setCodeState(original);
    store.remove(snippetId, original);
    setSaveState('original');
    setNotice('resetDone');
  }, [code, original, snippetId, store, setCodeState]);

  const undoReset = useCallback(() => {
    if (beforeReset === undefined) return undefined;
    const restored = beforeReset;
    setCodeState(restored);
    persist(restored);
    setBeforeReset(undefined);
    setNotice(undefined);
    return restored;
  }, [beforeReset, persist, setCodeState]);

  return {
    code,
    codeRef,
    setCode,
    saveState,
    notice,
    reset,
    undoReset,
    canUndoReset: beforeReset !== undefined,
    linksOpened,
  };
}

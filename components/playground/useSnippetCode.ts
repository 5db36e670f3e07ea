// The code in a playground and where it came from: the lesson's original, the reader's saved
// draft, or a share link. Edits are saved as they happen; nothing is ever run on load.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { browserStorage, createDraftStore } from '../../src/runner/drafts';
import { decodeCode, parseShareFragment } from '../../src/runner/share';

export type CodeNotice = 'restored' | 'shared' | 'sharedInvalid' | 'resetDone' | undefined;
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
  const [beforeReset, setBeforeReset] = useState<string | undefined>(undefined);

  const persist = useCallback(
    (next: string) => {
      const saved = store.save(snippetId, original, next);
      setSaveState(next === original ? 'original' : saved ? 'saved' : 'unsaved');
    },
    [store, snippetId, original],
  );

  // A share link for this snippet wins over a draft; either is loaded, never run.
  useEffect(() => {
    let cancelled = false;
    const shared = parseShareFragment(location.hash);
    if (shared?.snippetId === snippetId) {
      decodeCode(shared.payload).then(
        (sharedCode) => {
          if (cancelled) return;
          setCodeState(sharedCode);
          persist(sharedCode);
          setNotice('shared');
        },
        () => !cancelled && setNotice('sharedInvalid'),
      );
    } else {
      const draft = store.load(snippetId, original);
      if (draft !== undefined && draft !== original) {
        setCodeState(draft);
        setSaveState('saved');
        setNotice('restored');
      }
    }
    return () => {
      cancelled = true;
    };
  }, [snippetId, original, store, persist, setCodeState]);

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
  };
}

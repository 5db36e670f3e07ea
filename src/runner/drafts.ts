// The reader's edits, kept in localStorage per snippet. The key includes a fingerprint of the
// original, so when a lesson's snippet is revised an old draft is not brought back over it.
import { fingerprint } from './hash';

const PREFIX = 'tcp-unplugged:draft:';

export interface DraftStore {
  /** The saved draft for this revision of the snippet, if any. */
  load(snippetId: string, original: string): string | undefined;
  /** Saves the draft; saving the original itself removes the draft. Returns false when storage refused. */
  save(snippetId: string, original: string, code: string): boolean;
  remove(snippetId: string, original: string): void;
}

export function draftKey(snippetId: string, original: string): string {
  return `${PREFIX}${snippetId}:${fingerprint(original)}`;
}

/** Storage is passed in (localStorage in the page) so the rules can be tested on their own. */
export function createDraftStore(storage: Storage | undefined): DraftStore {
  return {
    load(snippetId, original) {
      try {
        return storage?.getItem(draftKey(snippetId, original)) ?? undefined;
      } catch {
        return undefined;
      }
    },
    save(snippetId, original, code) {
      if (!storage) return false;
      try {
        if (code === original) {
          storage.removeItem(draftKey(snippetId, original));
          return true;
        }
        forgetOtherRevisions(storage, snippetId, original);
        storage.setItem(draftKey(snippetId, original), code);
        return true;
      } catch {
        // Private mode or a full quota: the edit stays in the editor, only persistence failed.
        return false;
      }
    },
    remove(snippetId, original) {
      try {
        storage?.removeItem(draftKey(snippetId, original));
      } catch {
        /* nothing to remove */
      }
    },
  };
}

/** Drafts of earlier revisions of the snippet can never be restored again; drop them. */
function forgetOtherRevisions(storage: Storage, snippetId: string, original: string): void {
  const current = draftKey(snippetId, original);
  const prefix = `${PREFIX}${snippetId}:`;
  const stale: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key && key.startsWith(prefix) && key !== current) stale.push(key);
  }
  for (const key of stale) storage.removeItem(key);
}

/** The browser's localStorage, or undefined where it is unavailable (blocked, server side). */
export function browserStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

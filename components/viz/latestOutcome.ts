// The outcome of the reader's latest run, remembered across pages so the decision tree on the
// summary chapter can point at it. Storage may be unavailable (private mode, file://): then the
// tree simply highlights nothing.
import type { OutcomeId } from 'tcp-lab';
import { outcomeIds } from './outcomeMeta';

const KEY = 'tcp-unplugged-latest-outcome';
const EVENT = 'tcp-unplugged:outcome';

export function rememberOutcome(id: OutcomeId): void {
  try {
    localStorage.setItem(KEY, id);
  } catch {
    // Nothing to do: the tree just will not highlight.
  }
  window.dispatchEvent(new Event(EVENT));
}

export function readLatestOutcome(): OutcomeId | undefined {
  try {
    const value = localStorage.getItem(KEY);
    return (outcomeIds as string[]).includes(value ?? '') ? (value as OutcomeId) : undefined;
  } catch {
    return undefined;
  }
}

/** Subscribe to changes from this page (custom event) and from other tabs (storage event). */
export function subscribeLatestOutcome(onChange: () => void): () => void {
  window.addEventListener(EVENT, onChange);
  window.addEventListener('storage', onChange);
  return () => {
    window.removeEventListener(EVENT, onChange);
    window.removeEventListener('storage', onChange);
  };
}

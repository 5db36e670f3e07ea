// Runs on every move of a control, but never more than one at a time: a move during a run asks
// for one more run when it ends (with the code as it is then), however many moves there were.
import { useCallback, useRef } from 'react';

export function useCoalescedRun(run: () => Promise<void>): () => void {
  const running = useRef(false);
  const again = useRef(false);
  return useCallback(() => {
    if (running.current) {
      again.current = true;
      return;
    }
    running.current = true;
    void (async () => {
      try {
        do {
          again.current = false;
          await run();
        } while (again.current);
      } finally {
        running.current = false;
      }
    })();
  }, [run]);
}

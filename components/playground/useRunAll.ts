// "Run all" for a page: the first playground on the page (hydrated or not) offers the button when
// there is more than one; pressing it wakes every playground and runs them in order.
import { useEffect, useState, type RefObject } from 'react';
import { registerPlayground, runAll } from './runAllRegistry';

export interface RunAllControl {
  progress?: { done: number; total: number };
  onRunAll: () => void;
}

export function useRunAll(
  root: RefObject<HTMLElement | null>,
  run: () => Promise<void>,
): RunAllControl | undefined {
  const [visible, setVisible] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | undefined>();

  useEffect(() => {
    const element = root.current;
    if (!element) return;
    const all = document.querySelectorAll('section.playground');
    setVisible(all.length > 1 && all[0] === element);
    return registerPlayground({ element, run });
  }, [root, run]);

  if (!visible) return undefined;
  return {
    progress,
    onRunAll: () =>
      void runAll((done, total) => setProgress({ done, total })).finally(() =>
        setProgress(undefined),
      ),
  };
}

// "Run all" for a page: every hydrated playground registers how to run itself, and the first one
// on the page offers the button when there is more than one.
import { useEffect, useState, type RefObject } from 'react';
import { onRegistryChange, playgroundsInOrder, registerPlayground, runAll } from './runAllRegistry';

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
    const update = () => {
      const all = playgroundsInOrder();
      setVisible(all.length > 1 && all[0]?.element === element);
    };
    const unsubscribe = onRegistryChange(update);
    const unregister = registerPlayground({ element, run });
    update();
    return () => {
      unregister();
      unsubscribe();
    };
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

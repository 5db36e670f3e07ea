// Monaco's two workers, bundled by Vite from the installed package (never fetched from a CDN):
// the editor worker (diffing, word ranges) and the TypeScript language service.
import EditorWorker from 'monaco-editor/editor/editor.worker.js?worker';
import TypeScriptWorker from 'monaco-editor/languages/features/typescript/ts.worker.js?worker';

export function installMonacoWorkers(): void {
  (globalThis as { MonacoEnvironment?: unknown }).MonacoEnvironment = {
    getWorker(_workerId: string, label: string): Worker {
      return label === 'typescript' || label === 'javascript'
        ? new TypeScriptWorker()
        : new EditorWorker();
    },
  };
}

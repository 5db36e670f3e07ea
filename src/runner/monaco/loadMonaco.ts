// Loads the editor on demand: Monaco's core with the editing features a snippet needs
// (editorFeatures.ts), TypeScript highlighting and language service only, then gives the
// service the lab's types. Each step is reported so the page can show progress.
//
// Monaco's ESM modules import their CSS from JavaScript, which the site build does not emit for
// chunks loaded on demand; the package's prebuilt stylesheet (fonts inlined) is linked instead.
import monacoStylesheet from '/node_modules/monaco-editor/min/vs/editor/editor.main.css?url';
import { LAB_PACKAGE_ROOT, labTypeFiles } from './labTypeSources';
import { installMonacoWorkers } from './workers';

export type MonacoApi = typeof import('monaco-editor/editor');
export type TypeScriptApi = typeof import('monaco-editor/languages/features/typescript/register');

export interface LoadedMonaco {
  monaco: MonacoApi;
  typescript: TypeScriptApi;
}

let loading: Promise<LoadedMonaco> | undefined;
let stepsDone = 0;
const stepListeners = new Set<(step: number) => void>();

/**
 * Loads once per page (a hover may have started it already); `onStep(n)` hears each step n
 * (1..3) as it completes, including those completed before the call.
 */
export function loadMonaco(onStep?: (step: number) => void): Promise<LoadedMonaco> {
  if (onStep) {
    for (let step = 1; step <= stepsDone; step++) onStep(step);
    stepListeners.add(onStep);
  }
  loading ??= load().catch((error: unknown) => {
    loading = undefined;
    stepsDone = 0;
    throw error;
  });
  const forget = () => onStep && stepListeners.delete(onStep);
  loading.then(forget, forget);
  return loading;
}

function completed(step: number): void {
  stepsDone = step;
  for (const listener of stepListeners) listener(step);
}

async function load(): Promise<LoadedMonaco> {
  installMonacoWorkers();
  const [monaco] = await Promise.all([
    import('monaco-editor/editor'),
    import('./editorFeatures'),
    linkStylesheet(monacoStylesheet),
  ]);
  completed(1);
  const [typescript] = await Promise.all([
    import('monaco-editor/languages/features/typescript/register'),
    import('monaco-editor/languages/definitions/typescript/register'),
  ]);
  completed(2);
  configureTypeScript(typescript);
  completed(3);
  return { monaco, typescript };
}

function linkStylesheet(href: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    link.onload = () => resolve();
    link.onerror = () => reject(new Error(`could not load ${href}`));
    document.head.append(link);
  });
}

function configureTypeScript({
  typescriptDefaults,
  ModuleKind,
  ModuleResolutionKind,
  ScriptTarget,
}: TypeScriptApi): void {
  typescriptDefaults.setCompilerOptions({
    target: ScriptTarget.ES2020,
    module: ModuleKind.ESNext,
    moduleResolution: ModuleResolutionKind.NodeJs,
    strict: true,
    noEmit: true,
    // The engine imports its own modules with their .ts extensions.
    allowImportingTsExtensions: true,
    allowNonTsExtensions: true,
    // The engine's sources use modern syntax; its own strictness is checked by the project.
    skipLibCheck: true,
    lib: ['es2022'],
  });
  typescriptDefaults.setDiagnosticsOptions({
    noSemanticValidation: false,
    noSyntaxValidation: false,
  });
  typescriptDefaults.setExtraLibs([
    ...labTypeFiles().map(({ path, content }) => ({ filePath: path, content })),
    {
      filePath: `${LAB_PACKAGE_ROOT}package.json`,
      content: JSON.stringify({ name: 'tcp-lab', types: 'index.ts' }),
    },
    // Snippets log with console.log; the runner captures it.
    {
      filePath: 'file:///snippet-globals.d.ts',
      content:
        'declare const console: { log(...values: unknown[]): void; info(...values: unknown[]): void; warn(...values: unknown[]): void; error(...values: unknown[]): void; };',
    },
  ]);
}

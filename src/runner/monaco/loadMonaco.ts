// Loads the editor on demand: Monaco's core with the editing features a snippet needs
// (editorFeatures.ts), TypeScript highlighting and language service only, then gives the
// service the lab's types. Each step is reported so the page can show progress.
//
// Every piece is imported statically here, and this module is itself imported on demand: one
// dynamic import, for which the bundler preloads every chunk at once (modulepreload), instead of a
// chain of imports each waiting for the one before. The TypeScript mode, which Monaco would import
// only once the first TypeScript model exists, comes in the same wave; it also registers editor
// contributions and services of its own, which must exist before the first editor is created or
// a second editor on the page fails to create them (ICodeLensCache, treeViewsDndService).
//
// Monaco's ESM modules import their CSS from JavaScript, which the site build does not emit for
// chunks loaded on demand; the package's prebuilt stylesheet (fonts inlined) is linked instead.
import monacoStylesheet from '/node_modules/monaco-editor/min/vs/editor/editor.main.css?url';
import * as monaco from 'monaco-editor/editor';
import './editorFeatures';
import * as typescript from 'monaco-editor/languages/features/typescript/register';
import 'monaco-editor/languages/features/typescript/tsMode';
import 'monaco-editor/languages/definitions/typescript/register';
import 'monaco-editor/languages/definitions/typescript/typescript';
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
  completed(1); // the code is here: this module could not run without it
  await linkStylesheet(monacoStylesheet);
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

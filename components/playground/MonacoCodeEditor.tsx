// The full editor: Monaco with the TypeScript service, mounted over the highlighted code it
// replaces. It loads only when this component mounts, which happens when the reader asks to edit.
import { useEffect, useRef } from 'react';
import type { TypeProblem } from '../../src/runner/monaco/diagnostics';
import type { LoadedMonaco } from '../../src/runner/monaco/loadMonaco';

/** What the playground can do with an open editor. */
export interface EditorHandle {
  /** Replaces the whole text as one undoable edit. */
  replaceAll(code: string): void;
  typeProblems(): Promise<TypeProblem[]>;
  /** Marks problems found by the runner (syntax or runtime errors); an empty list clears them. */
  markRunProblems(problems: TypeProblem[]): void;
  showLine(line: number, column: number): void;
  focus(): void;
}

interface Props {
  value: string;
  modelPath: string;
  label: string;
  /** Arrived by keyboard: Tab keeps moving focus until the reader types or clicks in the editor. */
  keyboardActivated: boolean;
  lineHeight: number;
  onChange: (value: string) => void;
  onRun: () => void;
  onEscape: () => void;
  onStep: (step: number) => void;
  onReady: (handle: EditorHandle) => void;
  onFail: (error: unknown) => void;
  /** The TypeScript service has answered once: from now on Run does not wait for it to start. */
  onTypeServiceReady?: () => void;
}

const RUN_MARKER_OWNER = 'snippet-runner';

type Model = ReturnType<LoadedMonaco['monaco']['editor']['createModel']>;

export function MonacoCodeEditor(props: Props) {
  const host = useRef<HTMLDivElement>(null);
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    let disposed = false;
    const cleanups: (() => void)[] = [];
    // Imported here, not at the top: Monaco and the engine's sources are in the page's JavaScript
    // only once the reader asks to edit.
    import('../../src/runner/monaco/editorRuntime')
      .then(async ({ loadMonaco, typeProblems }) => {
        const loaded = await loadMonaco((step) => latest.current.onStep(step));
        if (disposed || !host.current) return;
        cleanups.push(mount(loaded, host.current, typeProblems));
      })
      .catch((error: unknown) => latest.current.onFail(error));
    return () => {
      disposed = true;
      for (const cleanup of cleanups) cleanup();
    };
  }, []);

  function mount(
    loaded: LoadedMonaco,
    element: HTMLDivElement,
    typeProblems: (loaded: LoadedMonaco, model: Model) => Promise<TypeProblem[]>,
  ): () => void {
    const { monaco } = loaded;
    const { value, modelPath, label, keyboardActivated, lineHeight } = latest.current;
    const uri = monaco.Uri.parse(`file:///snippets/${modelPath}`);
    const model =
      monaco.editor.getModel(uri) ?? monaco.editor.createModel(value, 'typescript', uri);
    if (model.getValue() !== value) model.setValue(value);
    const editor = monaco.editor.create(element, {
      model,
      ariaLabel: label,
      theme: currentTheme(),
      fontSize: 14,
      lineHeight,
      fontFamily: getComputedStyle(element).fontFamily,
      lineNumbers: 'off',
      glyphMargin: false,
      folding: false,
      lineDecorationsWidth: 16,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      scrollbar: {
        // No scrollbars taking room: the editor is exactly as tall as the highlighted code it
        // replaces. Long lines still scroll (caret, trackpad, Shift+wheel).
        vertical: 'hidden',
        horizontal: 'hidden',
        verticalScrollbarSize: 0,
        horizontalScrollbarSize: 0,
        alwaysConsumeMouseWheel: false,
      },
      scrollBeyondLastColumn: 0,
      overviewRulerLanes: 0,
      renderLineHighlight: 'none',
      padding: { top: 12, bottom: 12 },
      automaticLayout: true,
      fixedOverflowWidgets: true,
      tabFocusMode: keyboardActivated,
      accessibilitySupport: 'auto',
    });

    // Tab passes through until the reader does something that means "I am editing here".
    const leaveTabFocus = () => editor.updateOptions({ tabFocusMode: false });
    const subscriptions = [
      editor.onMouseDown(leaveTabFocus),
      editor.onDidChangeModelContent(() => {
        leaveTabFocus();
        latest.current.onChange(model.getValue());
      }),
      editor.onDidContentSizeChange(({ contentHeight }) => {
        element.style.height = `${contentHeight}px`;
      }),
    ];
    element.style.height = `${editor.getContentHeight()}px`;
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => latest.current.onRun());
    // Esc first closes Monaco's own widgets; only then does it leave the editor.
    editor.addCommand(
      monaco.KeyCode.Escape,
      () => latest.current.onEscape(),
      '!suggestWidgetVisible && !findWidgetVisible && !parameterHintsVisible && !renameInputVisible && !markersNavigationVisible && !inSnippetMode && !editorHasMultipleSelections',
    );

    const themeWatcher = new MutationObserver(() => monaco.editor.setTheme(currentTheme()));
    themeWatcher.observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['data-theme'],
    });

    // Start the TypeScript service now (its worker takes seconds to boot), so the reader's first
    // Run, which asks it for type errors, does not wait for it.
    void typeProblems(loaded, model).then(
      () => latest.current.onTypeServiceReady?.(),
      () => undefined,
    );

    latest.current.onReady({
      replaceAll(code) {
        editor.pushUndoStop();
        editor.executeEdits('playground', [{ range: model.getFullModelRange(), text: code }]);
        editor.pushUndoStop();
      },
      typeProblems: () => typeProblems(loaded, model),
      markRunProblems(problems) {
        monaco.editor.setModelMarkers(
          model,
          RUN_MARKER_OWNER,
          problems.map(({ line, column, message }) => ({
            severity: monaco.MarkerSeverity.Error,
            message,
            startLineNumber: line,
            startColumn: column,
            endLineNumber: line,
            endColumn: model.getLineMaxColumn(Math.min(line, model.getLineCount())),
          })),
        );
      },
      showLine(line, column) {
        editor.setPosition({ lineNumber: line, column });
        editor.revealLineInCenterIfOutsideViewport(line);
        editor.focus();
      },
      focus: () => editor.focus(),
    });

    return () => {
      themeWatcher.disconnect();
      for (const subscription of subscriptions) subscription.dispose();
      editor.dispose();
    };
  }

  return <div ref={host} className="playground-monaco" />;
}

function currentTheme(): string {
  return document.documentElement.dataset.theme === 'dark' ? 'vs-dark' : 'vs';
}

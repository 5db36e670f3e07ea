// A live snippet: the highlighted code and its precomputed result from the build, which become an
// editor and a fresh run when the reader asks. Hydrated on intent (client:intent: pointer over,
// focus, touch); Monaco loads only on edit.
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { islandData } from '../../src/lib/islands/islandData';
import type { BuildRun } from '../../src/runner/buildRuns';
import { Explorer, type ExploreSetup } from '../explore/Explorer';
import { CHAT_SAFE_LENGTH, MAX_SHARED_CODE_BYTES, shareUrl } from '../../src/runner/share';
import { ConsoleOutput } from './ConsoleOutput';
import { EditorLoading } from './EditorLoading';
import { ErrorCard } from './ErrorCard';
import { MonacoCodeEditor, type EditorHandle } from './MonacoCodeEditor';
import { PlainCodeEditor } from './PlainCodeEditor';
import { ResultPanel } from './ResultPanel';
import { announce, prepareAnnouncer } from './liveRegion';
import { pageRunner } from './pageRunner';
import { announcement } from './announcement';
import type { TypeProblem } from '../../src/runner/monaco/diagnostics';
import { applyOutcome, isStale, runProblems, type RunView } from './runState';
import { fill, playgroundStrings, type PlaygroundLang } from './strings';
import { Toolbar } from './Toolbar';
import { useCodeBlockEntry } from './useCodeBlockEntry';
import { useRunAll } from './useRunAll';
import { useSnippetCode } from './useSnippetCode';

export interface PlaygroundIslandProps {
  snippetId: string;
  fileName: string;
  lang: PlaygroundLang;
  original: string;
  /** The build-time run's JSON file (src/lib/islands/islandData.ts): what the page shows. */
  runUrl: string;
  /** The code highlighted at build time (Astro slot), shown until the editor takes over. */
  code?: ReactNode;
  /** Controls, sweep chart and compare the chapter chose (components/explore). */
  explore?: ExploreSetup;
}

type EditorMode = 'static' | 'loading' | 'monaco' | 'plain';
type DiffViewComponent = typeof import('./DiffView').default;

function preloadEditor(): void {
  void import('../../src/runner/monaco/editorRuntime')
    .then(({ loadMonaco }) => loadMonaco())
    .catch(() => undefined);
}
const LINE_HEIGHT = 21;

export default function PlaygroundIsland({
  snippetId,
  fileName,
  lang,
  original,
  runUrl,
  code: highlighted,
  explore,
}: PlaygroundIslandProps) {
  const t = playgroundStrings(lang);
  const precomputed = islandData<BuildRun>(runUrl);
  const ids = useId();
  const hintId = `${ids}-hint`;
  const root = useRef<HTMLElement>(null);
  const runButton = useRef<HTMLButtonElement>(null);
  const staticCode = useRef<HTMLDivElement>(null);
  const editor = useRef<EditorHandle | undefined>(undefined);
  const { code, codeRef, setCode, saveState, notice, reset, undoReset, canUndoReset, linksOpened } =
    useSnippetCode(snippetId, original);
  const [mode, setMode] = useState<EditorMode>('static');
  const [keyboardActivated, setKeyboardActivated] = useState(false);
  const [loadingStep, setLoadingStep] = useState(0);
  const [editorError, setEditorError] = useState<string | undefined>(undefined);
  const [running, setRunning] = useState(false);
  /** Finished runs, whatever their outcome: lets tests and benchmarks see a run land. */
  const [runCount, setRunCount] = useState(0);
  const [typeServiceReady, setTypeServiceReady] = useState(false);
  /** The type checker's verdict on the code of the latest run, once it has answered. */
  const [typeCheck, setTypeCheck] = useState<{ source: string; problems: TypeProblem[] }>();
  const [hydrated, setHydrated] = useState(false);
  const [share, setShare] = useState<{ url?: string; message: string } | undefined>(undefined);
  const [comparing, setComparing] = useState(false);
  const [diffView, setDiffView] = useState<{ View?: DiffViewComponent; error?: string }>({});
  const [view, setView] = useState<RunView>({
    shown: { ...precomputed, source: original, origin: 'build' },
    logs: precomputed.logs,
    droppedLogs: precomputed.droppedLogs,
    noRun: false,
  });

  const startEditing = useCallback(
    (how: 'pointer' | 'keyboard' | 'button') => {
      if (mode !== 'static') {
        editor.current?.focus();
        return;
      }
      setKeyboardActivated(how === 'keyboard');
      setMode(matchMedia('(pointer: coarse)').matches ? 'plain' : 'loading');
    },
    [mode],
  );

  // Run never waits for the type checker (its worker takes seconds to start): the code runs at
  // once, as tsc still emits JavaScript for code with type errors, and the checker's errors are
  // shown beside the result when it answers.
  const run = useCallback(async () => {
    const source = codeRef.current;
    setRunning(true);
    editor.current?.typeProblems().then(
      (problems) => setTypeCheck({ source, problems }),
      () => undefined,
    );
    try {
      const outcome = await pageRunner().run(source);
      setView((previous) => applyOutcome(previous, source, outcome));
      editor.current?.markRunProblems(runProblems(outcome));
      announce(announcement(outcome, t, lang));
    } finally {
      setRunning(false);
      setRunCount((count) => count + 1);
    }
  }, [codeRef, lang, t]);

  useEffect(() => {
    setHydrated(true);
    prepareAnnouncer();
    // Hydration follows the reader's intent, so start the runner worker for the first Run, and
    // the editor too when the pointer is already on the code.
    pageRunner().warm();
    if (root.current?.querySelector('.playground-code:hover')) preloadEditor();
  }, []);
  const runAllControl = useRunAll(root, run);

  const codeBlockHandlers = useCodeBlockEntry(
    staticCode,
    {
      label: `${fill(t.codeView, { name: fileName })}. ${t.keyboardHint}`,
      version: code === original,
    },
    { edit: startEditing, run: () => void run() },
  );

  // The reader asked to edit (click, Edit, or Enter on the code): once the editor is shown (it
  // loads hidden, and hidden elements cannot take focus), the caret goes there.
  useEffect(() => {
    if (mode === 'monaco') editor.current?.focus();
  }, [mode]);

  // A share link opened while the editor is open: the editor shows the link's code.
  useEffect(() => {
    if (linksOpened > 0) editor.current?.replaceAll(codeRef.current);
  }, [linksOpened, codeRef]);

  const leaveEditor = useCallback(() => runButton.current?.focus(), []);

  const onReset = () => {
    reset();
    editor.current?.replaceAll(original);
    editor.current?.markRunProblems([]);
  };
  const onUndoReset = () => {
    const restored = undoReset();
    if (restored !== undefined) editor.current?.replaceAll(restored);
  };
  const onShare = async () => {
    try {
      const url = await shareUrl(location, snippetId, codeRef.current);
      history.replaceState(history.state, '', url);
      // The link is shown at once; copying may wait on a permission prompt, or be refused.
      // A long link still works in a browser or a mail, but chat apps may cut it: say so.
      const long =
        url.length > CHAT_SAFE_LENGTH
          ? ` ${fill(t.shareLong, { length: url.length.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en'), limit: CHAT_SAFE_LENGTH.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en') })}`
          : '';
      setShare({ url, message: t.shareReady + long });
      navigator.clipboard?.writeText(url).then(
        () =>
          setShare((current) =>
            current?.url === url ? { url, message: t.shareCopied + long } : current,
          ),
        () => undefined,
      );
    } catch (error) {
      setShare({
        message: fill(t.shareFailed, {
          reason: error instanceof Error ? error.message : String(error),
        }),
      });
    }
  };

  // The compare view's code is loaded the first time the reader asks for it.
  const onCompare = () => {
    setComparing((open) => !open);
    if (diffView.View) return;
    import('./DiffView').then(
      (module) => setDiffView({ View: module.default }),
      (error: unknown) =>
        setDiffView({
          error: fill(t.diff.loadFailed, {
            reason: error instanceof Error ? error.message : String(error),
          }),
        }),
    );
  };
  const compareId = `${ids}-compare`;
  const showCompare = comparing && code !== original;

  const label = fill(t.codeLabel, { name: fileName });
  const stale = isStale(view, code);
  const statusText =
    notice === 'restored'
      ? t.status.restored
      : notice === 'shared'
        ? t.status.shared
        : notice === 'sharedDamaged'
          ? t.status.sharedDamaged
          : notice === 'sharedTooLarge'
            ? fill(t.status.sharedTooLarge, { limit: MAX_SHARED_CODE_BYTES / 1024 })
            : notice === 'resetDone'
              ? t.resetDone
              : undefined;

  return (
    <section
      ref={root}
      className="playground"
      aria-label={label}
      data-snippet={snippetId}
      data-mode={mode}
      data-hydrated={hydrated || undefined}
      data-runs={runCount}
      data-type-service={typeServiceReady ? 'ready' : undefined}
      // Signs of interest start the runner worker, so the first Run does not wait for it to load.
      onPointerEnter={() => pageRunner().warm()}
      onFocus={() => pageRunner().warm()}
    >
      <div
        className="playground-code"
        // A mouse resting on the code is likely to click it: start loading the editor.
        onPointerEnter={(event) => {
          if (event.pointerType === 'mouse' && mode === 'static') preloadEditor();
        }}
        style={{ ['--playground-line-height' as string]: `${LINE_HEIGHT}px` }}
      >
        {(mode === 'static' || mode === 'loading') && (
          // The build's highlighted code, or the reader's restored draft in the same metrics.
          <div className="playground-static" ref={staticCode} {...codeBlockHandlers}>
            {code === original && highlighted ? (
              highlighted
            ) : (
              <pre className="playground-plain-code">
                {/* A final newline is an empty last line, as in the editor. */}
                <code>{code.endsWith('\n') ? `${code}\n` : code}</code>
              </pre>
            )}
          </div>
        )}
        {(mode === 'loading' || mode === 'monaco') && (
          <div
            className={
              mode === 'loading' ? 'playground-editor-host is-loading' : 'playground-editor-host'
            }
          >
            <MonacoCodeEditor
              value={code}
              modelPath={`${snippetId}.ts`}
              label={`${fill(t.editorLabel, { name: fileName })}. ${t.keyboardHint} ${t.tabHint}`}
              keyboardActivated={keyboardActivated}
              lineHeight={LINE_HEIGHT}
              onChange={setCode}
              onRun={() => void run()}
              onEscape={leaveEditor}
              onStep={setLoadingStep}
              onReady={(handle) => {
                editor.current = handle;
                setMode('monaco');
              }}
              onTypeServiceReady={() => setTypeServiceReady(true)}
              onFail={(error) => {
                setEditorError(
                  fill(t.editorFailed, {
                    reason: error instanceof Error ? error.message : String(error),
                  }),
                );
                setMode('plain');
              }}
            />
          </div>
        )}
        {mode === 'loading' && <EditorLoading step={loadingStep} t={t} />}
        {(mode === 'monaco' || mode === 'plain') && (
          // Paper gets the code as text, not the editor (components/site/print.css).
          <pre className="playground-print-code">
            <code>{code}</code>
          </pre>
        )}
        {mode === 'plain' && (
          <PlainCodeEditor
            value={code}
            label={`${fill(t.textareaLabel, { name: fileName })}. ${t.keyboardHint}`}
            describedBy={hintId}
            focusOnMount
            onChange={setCode}
            onRun={() => void run()}
            onEscape={leaveEditor}
          />
        )}
      </div>
      <div className="playground-bar">
        {/* Rendered on the server too: the buttons are there before hydration (which they
            trigger), and hidden only when scripts are off (noscript style in Playground.astro). */}
        <Toolbar
          t={t}
          editing={mode !== 'static'}
          running={running}
          edited={code !== original}
          runRef={runButton}
          onEdit={() => startEditing('button')}
          onRun={() => void run()}
          onReset={onReset}
          onShare={() => void onShare()}
          comparing={comparing}
          compareId={compareId}
          onCompare={onCompare}
          runAll={runAllControl}
        />
        {/* The keyboard hint takes the status's place while the code has focus: same cell, no reflow. */}
        <div className="playground-bar-text">
          <p className="playground-status" data-state={saveState}>
            {saveState === 'saved'
              ? t.status.saved
              : saveState === 'unsaved'
                ? t.status.unsaved
                : t.status.original}
          </p>
          <p id={hintId} className="playground-hint">
            {t.keyboardHint} {mode === 'monaco' ? t.tabHint : ''}
          </p>
        </div>
      </div>
      {showCompare &&
        (diffView.View ? (
          <diffView.View original={original} code={code} t={t} id={compareId} />
        ) : (
          <div className="playground-diff-view" id={compareId}>
            <p role={diffView.error ? 'alert' : undefined}>{diffView.error ?? '…'}</p>
          </div>
        ))}
      {(statusText || editorError || share) && (
        <div className="playground-notices">
          {statusText && (
            <p>
              {statusText}{' '}
              {(notice === 'resetDone' || notice === 'shared') && canUndoReset && (
                <button type="button" onClick={onUndoReset}>
                  {notice === 'shared' ? t.backToMyEdits : t.undoReset}
                </button>
              )}
            </p>
          )}
          {editorError && <p>{editorError}</p>}
          {share && (
            <p className="playground-share">
              {share.message}{' '}
              {share.url && (
                <input
                  type="text"
                  readOnly
                  value={share.url}
                  aria-label={t.share}
                  onFocus={(event) => event.currentTarget.select()}
                />
              )}
            </p>
          )}
        </div>
      )}
      {explore && (
        <Explorer
          setup={explore}
          lang={lang}
          code={code}
          original={original}
          shown={view.shown}
          hydrated={hydrated}
          onCode={(next) => {
            setCode(next);
            editor.current?.replaceAll(next);
          }}
          run={run}
        />
      )}
      {typeCheck && typeCheck.source === code && typeCheck.problems.length > 0 && (
        <ErrorCard
          failure={{ status: 'type-errors', problems: typeCheck.problems }}
          t={t}
          onShowLine={
            editor.current ? (line, column) => editor.current?.showLine(line, column) : undefined
          }
        />
      )}
      {view.failure && (
        <ErrorCard
          failure={view.failure}
          t={t}
          onShowLine={
            editor.current ? (line, column) => editor.current?.showLine(line, column) : undefined
          }
        />
      )}
      {view.noRun && <p className="playground-no-run">{t.result.noRun}</p>}
      <ConsoleOutput logs={view.logs} dropped={view.droppedLogs} t={t} />
      {view.shown && <ResultPanel shown={view.shown} stale={stale} lang={lang} t={t} />}
    </section>
  );
}

import type { Strings } from '../strings';
import type zhPlayground from '../zh/playground';

// English strings of the live code playground. Placeholders in braces are filled at runtime.
const playground: Strings<typeof zhPlayground> = {
  codeLabel: 'Runnable code: {name}',
  keyboardHint: 'Press Enter to edit; Ctrl+Enter (⌘+Enter on a Mac) runs; Esc leaves the editor.',
  tabHint: 'Inside the editor Tab indents: press Esc, then Tab, to move on.',
  codeView: 'Code of {name}',
  edit: 'Edit',
  run: 'Run',
  running: 'Running…',
  runAll: 'Run all code on this page',
  runAllProgress: 'Running {done} of {total}…',
  reset: 'Reset',
  resetDone: 'Back to the original code.',
  undoReset: 'Undo reset',
  backToMyEdits: 'Back to my edits',
  share: 'Share',
  shareCopied: 'Link copied to the clipboard.',
  shareReady: 'Share link:',
  shareFailed: 'Could not make a share link: {reason}',
  shareLong:
    'It is {length} characters long: some chat apps cut links longer than {limit}, so send it by mail or in a document.',
  compare: 'Compare with original',
  diff: {
    heading: 'Your code compared with the original',
    summary: '{added} line(s) added, {removed} removed.',
    none: 'No change from the original.',
    added: 'Added, line {line}: ',
    removed: 'Removed, line {line}: ',
    tooLong: 'The code is longer than {limit} lines, too long to compare line by line.',
    loadFailed: 'The comparison could not be loaded: {reason}',
  },
  editorLabel: 'Code editor: {name}',
  textareaLabel: 'Edit code: {name}',
  loadingEditor: 'Loading the editor…',
  loadingSteps: ['editor', 'TypeScript language service', 'type declarations of the lab API'],
  editorFailed:
    'The editor failed to load ({reason}); a plain text box replaces it and runs the same way.',
  status: {
    original: 'Original code',
    saved: 'Edited · saved',
    unsaved: 'Edited · not saved on this device (the browser blocks local storage)',
    restored: 'Your earlier edits are back. Not run yet.',
    shared: 'Code from a share link. Not run yet.',
    sharedDamaged:
      'The code in this share link could not be read: the link is damaged, perhaps cut short when it was copied. Your code here is unchanged.',
    sharedTooLarge:
      'This share link carries more than {limit} KB of code, more than a playground opens; it was not loaded. Your code here is unchanged.',
  },
  result: {
    heading: 'Result',
    precomputed: 'Computed when the site was built',
    meta: 'Simulated {span} · took {wall}',
    stale: 'The code has changed since this result. Press Run to update it.',
    noRun: 'The code never calls lab.run(), so there is no result to show.',
  },
  errors: {
    compileTitle: 'The code does not compile; it was not run',
    compile: 'Line {line}, column {column}: {message}',
    typeErrors: 'The code has {count} type error(s); it ran anyway, as tsc still emits JavaScript.',
    runtimeTitle: 'The code stopped with an error',
    atLine: 'Line {line}: ',
    lab: 'The lab did not accept the value of {argument}: {message}',
    labNoArgument: 'The lab stopped this run: {message}',
    import: 'Snippets can only import tcp-lab: {message}',
    timeoutTitle: 'The run took too long and was stopped',
    timeout:
      'This run went past the {limit}-second limit and was stopped. A loop that never ends does this, and so does a simulation with very many events (a fast timer, a distant `until`). The runner has been restarted; change the code and run it again.',
    crashed: 'The runner stopped unexpectedly: {message}',
  },
  console: {
    heading: 'Console output',
    dropped: '{count} more lines were not shown.',
  },
  announce: {
    done: 'Run finished: {outcome}',
    failed: 'Run failed: {message}',
  },
};

export default playground;

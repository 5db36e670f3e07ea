// What a reader editing a short TypeScript snippet expects of the editor beyond typing:
// completion lists, hover information, signature help, bracket matching, comment toggling,
// word and line editing, multiple cursors, jumping between errors, the context menu.
// `monaco-editor/editor` is the bare editor: each import below registers one of these
// contributions, so this module must load before an editor is created.
//
// The completion list is the suggest controller itself (`features/suggest/register` brings only
// its inline variant).
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/features/snippet/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/parameterHints/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/wordOperations/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/multicursor/register';
import 'monaco-editor/features/cursorUndo/register';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/contextmenu/register';

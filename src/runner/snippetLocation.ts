// Finds where in the reader's TypeScript a runtime error happened, from the error's stack.
// The evaluated function is named by a sourceURL comment, so its frames read
// "snippet.ts:LINE:COLUMN" in V8, SpiderMonkey and JavaScriptCore alike.
export const SNIPPET_FILE = 'snippet.ts';

const frame = new RegExp(`${SNIPPET_FILE.replace('.', '\\.')}:(\\d+):(\\d+)`);

/** Line in the evaluated code of the first frame inside the snippet (the innermost call). */
export function snippetFrame(error: unknown): { line: number; column: number } | undefined {
  const stack = (error as { stack?: unknown } | null)?.stack;
  if (typeof stack !== 'string') return undefined;
  const match = frame.exec(stack);
  if (!match) return undefined;
  return { line: Number(match[1]), column: Number(match[2]) };
}

let measuredOffset: number | undefined;

/**
 * How many lines `new Function` puts before the body ("function anonymous(...) {" and so on).
 * Engines differ, so it is measured once rather than assumed.
 */
export function functionBodyLineOffset(): number {
  if (measuredOffset !== undefined) return measuredOffset;
  try {
    new Function(`throw new Error('probe');\n//# sourceURL=${SNIPPET_FILE}`)();
  } catch (error) {
    measuredOffset = (snippetFrame(error)?.line ?? 1) - 1;
  }
  return measuredOffset ?? 0;
}

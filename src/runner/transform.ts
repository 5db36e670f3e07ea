// Turns a snippet's TypeScript into JavaScript that can be evaluated as a function body.
// Sucrase only strips types and rewrites imports; it keeps every statement on its original line,
// so a line in the generated code is the same line in the reader's TypeScript.
import { transform } from 'sucrase';

export interface CompileError {
  message: string;
  /** 1-based line and column in the reader's TypeScript. */
  line: number;
  column: number;
}

export type TransformResult = { ok: true; code: string } | { ok: false; error: CompileError };

export function transformSnippet(source: string): TransformResult {
  try {
    const { code } = transform(source, {
      transforms: ['typescript', 'imports'],
      // Browsers and Node both run modern JavaScript: only types and imports need rewriting.
      disableESTransforms: true,
      production: true,
    });
    return { ok: true, code };
  } catch (error) {
    return { ok: false, error: toCompileError(error) };
  }
}

interface SucraseSyntaxError {
  message: string;
  loc?: { line: number; column: number };
}

function toCompileError(error: unknown): CompileError {
  const { message, loc } = error as SucraseSyntaxError;
  // Sucrase appends "(line:column)" (both 1-based) to its messages; the location is kept apart.
  const text = String(message ?? error).replace(/\s*\(\d+:\d+\)$/, '');
  return { message: text, line: loc?.line ?? 1, column: loc?.column ?? 1 };
}

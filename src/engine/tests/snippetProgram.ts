/**
 * A lesson snippet as a plain function, for the golden-trace test and the engine bench: its types
 * stripped and its `tcp-lab` import turned into parameters, so the caller decides what each
 * imported name is bound to (the engine itself, or a createLab with options of its own).
 */
import { readFileSync } from 'node:fs';
import { stripTypeScriptTypes } from 'node:module';

const quiet = { log() {}, info() {}, warn() {}, error() {}, table() {} };

/** Compile `file`; `bind(bindings)` returns a runner (console silenced) that can be called again. */
export function loadSnippetProgram(file: string): {
  bind(bindings: Record<string, unknown>): () => void;
} {
  const source = stripTypeScriptTypes(readFileSync(file, 'utf8'));
  const names: string[] = [];
  const body = source.replace(
    /import\s*\{([^}]*)\}\s*from\s*['"]tcp-lab['"];?/g,
    (_, list: string) => {
      for (const part of list.split(',')) {
        const name = part
          .trim()
          .split(/\s+as\s+/)
          .pop();
        if (name) names.push(name);
      }
      return '';
    },
  );
  if (/\bimport\b[^(]/.test(body)) throw new Error(`${file}: imports something other than tcp-lab`);
  const program = new Function('console', ...names, body) as (...args: unknown[]) => void;
  return {
    bind(bindings) {
      const args = names.map((name) => bindings[name]);
      return () => program(quiet, ...args);
    },
  };
}

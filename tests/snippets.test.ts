// Every <Playground snippet=… expect=…/> in the chapters, run in Node on the real engine through
// the same pipeline the build and the browser use, must reach the outcome its page promises.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as engine from 'tcp-lab';
import { describe, expect, it } from 'vitest';
import { findPlaygroundTags } from '../src/runner/playgroundTags';
import { runSnippet } from '../src/runner/runSnippet';

const root = join(import.meta.dirname, '..');
const contentDir = join(root, 'content');
const snippetDir = join(contentDir, 'snippets');

function mdxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'snippets' ? [] : mdxFiles(path);
    return entry.name.endsWith('.mdx') ? [path] : [];
  });
}

const embeds = mdxFiles(contentDir).flatMap((file) => {
  const lang = relative(contentDir, file).split(/[\\/]/)[0];
  return findPlaygroundTags(readFileSync(file, 'utf8')).map((tag) => ({
    ...tag,
    file: relative(root, file),
    lang,
  }));
});

function outcomeOf(path: string) {
  const run = runSnippet(readFileSync(path, 'utf8'), engine);
  if (run.status === 'ok') return run.result.outcome.id;
  if (run.status === 'compile-error')
    return `compile error at ${run.error.line}:${run.error.column}: ${run.error.message}`;
  if (run.status === 'runtime-error')
    return `${run.error.name} at line ${run.error.line ?? '?'}: ${run.error.message}`;
  return 'no lab.run()';
}

describe('lesson snippets reach the outcome their page promises', () => {
  it('the chapters embed at least one snippet', () => {
    expect(embeds.length).toBeGreaterThan(0);
  });

  for (const { file, line, lang, snippet, expect: promised } of embeds) {
    it(`${file}:${line} <Playground snippet="${snippet}"> → ${promised ?? '(no expect)'}`, () => {
      const base = join(snippetDir, `${snippet}.ts`);
      expect(existsSync(base), `content/snippets/${snippet}.ts does not exist`).toBe(true);
      const variant = join(snippetDir, `${snippet}.zh.ts`);
      const path = lang === 'zh' && existsSync(variant) ? variant : base;
      const outcome = outcomeOf(path);
      if (promised === undefined)
        expect(outcome, `${relative(root, path)} should run`).not.toMatch(/ /);
      else expect(outcome, relative(root, path)).toBe(promised);
    });
  }
});

describe('translated snippets behave like their originals', () => {
  const variants = readdirSync(snippetDir).filter((name) => name.endsWith('.zh.ts'));
  for (const variant of variants) {
    it(variant, () => {
      const original = join(snippetDir, variant.replace(/\.zh\.ts$/, '.ts'));
      expect(existsSync(original), `${variant} has no ${relative(snippetDir, original)}`).toBe(
        true,
      );
      expect(outcomeOf(join(snippetDir, variant))).toBe(outcomeOf(original));
    });
  }
});

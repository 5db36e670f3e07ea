import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { OUTCOMES } from '../../engine/outcome';
import { readChapterIndex } from './chapterIndex';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A content folder with the given chapters; each file gets the frontmatter lines given. */
function contentWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'chapters-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'zh'));
  mkdirSync(join(dir, 'en'));
  for (const [path, front] of Object.entries(files)) {
    writeFileSync(join(dir, path), `---\ntitle: T\ndescription: D\n${front}\n---\n\nText.\n`);
  }
  return dir;
}

const both = (slug: string, front: string) => ({
  [`zh/${slug}.mdx`]: front,
  [`en/${slug}.mdx`]: front,
});

describe('readChapterIndex', () => {
  it('orders chapters by their order, whatever the file names', () => {
    const dir = contentWith({
      ...both('b-second', 'order: 20'),
      ...both('a-third', 'order: 30\noutcomes: [idle-forever]'),
      ...both('c-first', 'order: 10'),
    });
    expect(readChapterIndex(dir)).toEqual([
      { slug: 'c-first', order: 10, outcomes: [] },
      { slug: 'b-second', order: 20, outcomes: [] },
      { slug: 'a-third', order: 30, outcomes: ['idle-forever'] },
    ]);
  });

  it('takes a new chapter between two others from its own two files alone', () => {
    const dir = contentWith({
      ...both('first', 'order: 10'),
      ...both('second', 'order: 20'),
      ...both('between', 'order: 15'),
    });
    expect(readChapterIndex(dir).map((c) => c.slug)).toEqual(['first', 'between', 'second']);
  });

  it('names the chapter that lacks a language and the file to add', () => {
    const dir = contentWith({ ...both('one', 'order: 10'), 'zh/two.mdx': 'order: 20' });
    expect(() => readChapterIndex(dir)).toThrow(
      'content/zh/two.mdx has no en version: add content/en/two.mdx',
    );
  });

  it('names a file whose order is missing, and languages that disagree', () => {
    expect(() => readChapterIndex(contentWith(both('one', 'outcomes: []')))).toThrow(
      "content/en/one.mdx: 'order' must be a number",
    );
    const dir = contentWith({ 'zh/one.mdx': 'order: 10', 'en/one.mdx': 'order: 11' });
    expect(() => readChapterIndex(dir)).toThrow(
      "content/zh/one.mdx: 'order' is 10 but content/en/one.mdx says 11",
    );
  });

  it('names two chapters at one place', () => {
    const dir = contentWith({ ...both('one', 'order: 10'), ...both('two', 'order: 10') });
    expect(() => readChapterIndex(dir)).toThrow("share 'order' 10");
  });

  it('names outcomes claimed twice, unknown, or by nobody', () => {
    const known = ['idle-forever', 'sender-aborts'];
    const twice = contentWith({
      ...both('one', 'order: 10\noutcomes: [idle-forever]'),
      ...both('two', 'order: 20\noutcomes: [idle-forever, sender-aborts]'),
    });
    expect(() => readChapterIndex(twice, known)).toThrow(
      "content/en/two.mdx: outcome 'idle-forever' is already explained by content/en/one.mdx",
    );
    const unknown = contentWith(both('one', 'order: 10\noutcomes: [idle-forever, sender-abort]'));
    expect(() => readChapterIndex(unknown, known)).toThrow(
      "content/en/one.mdx: 'sender-abort' is not an outcome the lab reports",
    );
    expect(() => readChapterIndex(unknown, known)).toThrow(
      "no chapter explains the outcome 'sender-aborts'",
    );
  });

  it('accepts the lesson as it is, with every outcome explained once', () => {
    const index = readChapterIndex(
      undefined,
      OUTCOMES.map((outcome) => outcome.id),
    );
    expect(index[0]!.slug).toBe('the-question');
    expect(index.at(-1)!.slug).toBe('summary');
  });
});

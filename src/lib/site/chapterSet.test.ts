import { describe, expect, it } from 'vitest';
import { parseChapterId } from './chapterSet';

describe('parseChapterId', () => {
  it('splits a loader id into language and slug', () => {
    expect(parseChapterId('zh/the-question')).toEqual({ lang: 'zh', slug: 'the-question' });
  });

  it('names the file when it is not under a language folder', () => {
    expect(() => parseChapterId('fr/intro', 'content/fr/intro.mdx')).toThrow(
      'Chapter file content/fr/intro.mdx: expected content/<zh|en>/<slug>.mdx',
    );
  });
});

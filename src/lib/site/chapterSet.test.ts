import { describe, expect, it } from 'vitest';
import { checkChapterSet, parseChapterId } from './chapterSet';

const chapter = (lang: 'zh' | 'en', slug: string, order: number) => ({
  lang,
  slug,
  order,
  file: `content/${lang}/${slug}.mdx`,
});

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

describe('checkChapterSet', () => {
  it('accepts chapters present in both languages with matching orders', () => {
    expect(() =>
      checkChapterSet([
        chapter('zh', 'the-question', 1),
        chapter('en', 'the-question', 1),
        chapter('zh', 'data-in-flight', 2),
        chapter('en', 'data-in-flight', 2),
      ]),
    ).not.toThrow();
  });

  it('names the chapter that lacks its translation and the file to add', () => {
    expect(() =>
      checkChapterSet([
        chapter('zh', 'the-question', 1),
        chapter('en', 'the-question', 1),
        chapter('zh', 'crashes', 6),
      ]),
    ).toThrow('content/zh/crashes.mdx has no en translation: add content/en/crashes.mdx');
  });

  it('names both files when two chapters of a language share an order', () => {
    expect(() =>
      checkChapterSet([
        chapter('en', 'a', 1),
        chapter('en', 'b', 1),
        chapter('zh', 'a', 1),
        chapter('zh', 'b', 2),
      ]),
    ).toThrow(/content\/en\/a\.mdx and content\/en\/b\.mdx both have order 1/);
  });

  it('names a translation whose order differs', () => {
    expect(() => checkChapterSet([chapter('zh', 'a', 1), chapter('en', 'a', 2)])).toThrow(
      'content/zh/a.mdx has order 1 but its translation content/en/a.mdx has order 2',
    );
  });
});

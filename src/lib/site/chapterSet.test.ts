import { describe, expect, it } from 'vitest';
import { checkChapterSet, parseChapterId } from './chapterSet';

const chapter = (lang: 'zh' | 'en', slug: string) => ({
  lang,
  slug,
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
  const order = ['the-question', 'data-in-flight'];

  it('accepts every chapter of the order in both languages', () => {
    expect(() =>
      checkChapterSet(
        [
          chapter('zh', 'the-question'),
          chapter('en', 'the-question'),
          chapter('zh', 'data-in-flight'),
          chapter('en', 'data-in-flight'),
        ],
        order,
      ),
    ).not.toThrow();
  });

  it('names the chapter that lacks a language and the file to add', () => {
    expect(() =>
      checkChapterSet(
        [
          chapter('zh', 'the-question'),
          chapter('en', 'the-question'),
          chapter('zh', 'data-in-flight'),
        ],
        order,
      ),
    ).toThrow('chapter "data-in-flight" has no en version: add content/en/data-in-flight.mdx');
  });

  it('names a file that is not in the chapter order', () => {
    expect(() =>
      checkChapterSet(
        [
          ...order.flatMap((slug) => [chapter('zh', slug), chapter('en', slug)]),
          chapter('en', 'crashes'),
        ],
        order,
      ),
    ).toThrow(
      'content/en/crashes.mdx is not in the chapter order: add "crashes" to src/lib/site/chapterOrder.ts',
    );
  });

  it('accepts the lesson as it is ordered', () => {
    const all = [
      'the-question',
      'data-in-flight',
      'idle-connection',
      'application-keepalive',
      'crashes',
      'user-timeout',
      'in-production',
      'middleboxes',
      'on-your-machine',
      'summary',
    ];
    expect(() =>
      checkChapterSet(all.flatMap((slug) => [chapter('zh', slug), chapter('en', slug)])),
    ).not.toThrow();
  });
});

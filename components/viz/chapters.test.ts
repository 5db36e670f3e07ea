import { describe, expect, it } from 'vitest';
import { readChapterIndex } from '../../src/lib/site/chapterIndex';
import { chapterNumber, chapterSlugs, chapterUrl, outcomeChapter } from './chapters';
import { outcomeIds } from './outcomeMeta';

describe('chapter links', () => {
  it('builds URLs under any base path', () => {
    expect(chapterUrl('zh', 'data-in-flight', '/')).toBe('/zh/data-in-flight/');
    expect(chapterUrl('en', 'crashes', '/tcp-unplugged')).toBe('/tcp-unplugged/en/crashes/');
    expect(chapterUrl('en', 'crashes', '/tcp-unplugged/')).toBe('/tcp-unplugged/en/crashes/');
  });
  it('numbers chapters by their place in the reading order', () => {
    const order = readChapterIndex().map((chapter) => chapter.slug);
    expect(chapterSlugs).toEqual(order);
    order.forEach((slug, i) => expect(chapterNumber(slug)).toBe(i + 1));
    expect(chapterNumber('the-question')).toBe(1);
    expect(chapterNumber('summary')).toBe(order.length);
    expect(() => chapterNumber('no-such-chapter')).toThrow('No chapter "no-such-chapter"');
  });
  it('sends every outcome to a chapter', () => {
    for (const id of outcomeIds) expect(outcomeChapter[id]).toBeTruthy();
    expect(Object.keys(outcomeChapter).sort()).toEqual([...outcomeIds].sort());
  });
});

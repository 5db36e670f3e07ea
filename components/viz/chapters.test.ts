import { describe, expect, it } from 'vitest';
import { chapterNumber, chapterUrl, outcomeChapter } from './chapters';
import { outcomeIds } from './outcomeMeta';

describe('chapter links', () => {
  it('builds URLs under any base path', () => {
    expect(chapterUrl('zh', 'data-in-flight', '/')).toBe('/zh/data-in-flight/');
    expect(chapterUrl('en', 'crashes', '/tcp-unplugged')).toBe('/tcp-unplugged/en/crashes/');
    expect(chapterUrl('en', 'crashes', '/tcp-unplugged/')).toBe('/tcp-unplugged/en/crashes/');
  });
  it('numbers chapters as the table of contents does', () => {
    expect(chapterNumber('the-question')).toBe(1);
    expect(chapterNumber('in-production')).toBe(7);
    expect(chapterNumber('middleboxes')).toBe(8);
    expect(chapterNumber('on-your-machine')).toBe(9);
    expect(chapterNumber('summary')).toBe(10);
  });
  it('sends every outcome to a chapter', () => {
    for (const id of outcomeIds) expect(outcomeChapter[id]).toBeTruthy();
    expect(Object.keys(outcomeChapter).sort()).toEqual([...outcomeIds].sort());
  });
});

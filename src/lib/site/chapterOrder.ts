// The one list of chapters, in reading order. Everything that numbers or orders chapters reads it:
// the sidebar and home page (src/lib/site/chapters.ts), chapter links in prose, the outcome cards
// and the decision tree (components/viz/chapters.ts), and the tests.
export const chapterSlugs = [
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
] as const;
export type ChapterSlug = (typeof chapterSlugs)[number];

export function isChapterSlug(slug: string): slug is ChapterSlug {
  return (chapterSlugs as readonly string[]).includes(slug);
}

/** Chapter number, 1-based, as the table of contents numbers it. */
export function chapterNumber(slug: ChapterSlug): number {
  return chapterSlugs.indexOf(slug) + 1;
}

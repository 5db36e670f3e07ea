// The chapters in reading order, as the chapters' own frontmatter gives it (chapterIndex.ts).
// Everything that numbers or orders chapters reads it: the sidebar and home page
// (src/lib/site/chapters.ts), chapter links in prose, the outcome cards and the decision tree
// (components/viz/chapters.ts).
import { chapterIndex } from 'virtual:chapter-index';

/** A chapter's file name without extension: its URL segment in both languages. */
export type ChapterSlug = string;

export const chapterSlugs: readonly ChapterSlug[] = chapterIndex.map((chapter) => chapter.slug);

export function isChapterSlug(slug: string): boolean {
  return chapterSlugs.includes(slug);
}

/** Chapter number, 1-based, as the table of contents numbers it. */
export function chapterNumber(slug: ChapterSlug): number {
  const index = chapterSlugs.indexOf(slug);
  if (index < 0) {
    throw new Error(`No chapter "${slug}" (chapters: ${chapterSlugs.join(', ')})`);
  }
  return index + 1;
}

/** The chapter that explains each outcome: the one that lists it under `outcomes`. */
export const outcomeChapterSlug: Readonly<Record<string, ChapterSlug>> = Object.fromEntries(
  chapterIndex.flatMap((chapter) => chapter.outcomes.map((id) => [id, chapter.slug])),
);

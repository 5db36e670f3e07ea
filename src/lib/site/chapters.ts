import { getCollection, type CollectionEntry } from 'astro:content';
import type { Lang } from '../../i18n';
import { chapterNumber, isChapterSlug, type ChapterSlug } from './chapterOrder';
import { checkChapterSet, parseChapterId } from './chapterSet';

export type ChapterEntry = CollectionEntry<'chapters'>;

export interface Chapter {
  lang: Lang;
  /** File name without extension: the translation key shared by both languages. */
  slug: ChapterSlug;
  /** 1-based place in the reading order (src/lib/site/chapterOrder.ts). */
  number: number;
  entry: ChapterEntry;
}

/** All chapters of one language, in reading order. Validates the whole set first. */
export async function getChapters(lang?: Lang): Promise<Chapter[]> {
  const entries = await getCollection('chapters');
  const chapters = entries.map((entry) => {
    const file = entry.filePath ?? `content/${entry.id}.mdx`;
    return { ...parseChapterId(entry.id, file), entry, file };
  });
  checkChapterSet(chapters);
  return chapters
    .filter((chapter) => lang === undefined || chapter.lang === lang)
    .flatMap(({ lang: chapterLang, slug, entry }) =>
      isChapterSlug(slug) ? [{ lang: chapterLang, slug, number: chapterNumber(slug), entry }] : [],
    )
    .sort((a, b) => a.number - b.number);
}

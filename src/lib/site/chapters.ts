import { getCollection, type CollectionEntry } from 'astro:content';
import type { Lang } from '../../i18n';
import { chapterNumber, isChapterSlug, type ChapterSlug } from './chapterOrder';
import { parseChapterId } from './chapterSet';

export type ChapterEntry = CollectionEntry<'chapters'>;

export interface Chapter {
  lang: Lang;
  /** File name without extension: the translation key shared by both languages. */
  slug: ChapterSlug;
  /** 1-based place in the reading order (the chapters' `order`, src/lib/site/chapterIndex.ts). */
  number: number;
  entry: ChapterEntry;
}

/** All chapters of one language, in reading order (the set itself is checked by chapterIndex.ts). */
export async function getChapters(lang?: Lang): Promise<Chapter[]> {
  const entries = await getCollection('chapters');
  const chapters = entries.map((entry) => {
    const file = entry.filePath ?? `content/${entry.id}.mdx`;
    return { ...parseChapterId(entry.id, file), entry, file };
  });
  return chapters
    .filter((chapter) => lang === undefined || chapter.lang === lang)
    .flatMap(({ lang: chapterLang, slug, entry }) =>
      isChapterSlug(slug) ? [{ lang: chapterLang, slug, number: chapterNumber(slug), entry }] : [],
    )
    .sort((a, b) => a.number - b.number);
}

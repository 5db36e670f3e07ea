import { getCollection, type CollectionEntry } from 'astro:content';
import type { Lang } from '../../i18n';
import { checkChapterSet, parseChapterId } from './chapterSet';

export type ChapterEntry = CollectionEntry<'chapters'>;

export interface Chapter {
  lang: Lang;
  /** File name without extension: the translation key shared by both languages. */
  slug: string;
  entry: ChapterEntry;
}

/** All chapters of one language, in reading order. Validates the whole set first. */
export async function getChapters(lang?: Lang): Promise<Chapter[]> {
  const entries = await getCollection('chapters');
  const chapters = entries.map((entry) => {
    const file = entry.filePath ?? `content/${entry.id}.mdx`;
    return { ...parseChapterId(entry.id, file), entry, file, order: entry.data.order };
  });
  checkChapterSet(chapters);
  return chapters
    .filter((chapter) => lang === undefined || chapter.lang === lang)
    .sort((a, b) => a.order - b.order)
    .map(({ lang: chapterLang, slug, entry }) => ({ lang: chapterLang, slug, entry }));
}

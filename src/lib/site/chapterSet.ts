import { languages, type Lang } from '../../i18n';
import { chapterSlugs } from './chapterOrder';

// Pure checks on the set of chapter files, kept apart from astro:content so they can be unit tested.

/** Splits a glob-loader id such as "zh/the-question" into its language and slug. */
export function parseChapterId(id: string, filePath = id): { lang: Lang; slug: string } {
  const match = /^(zh|en)\/([a-z0-9-]+)$/.exec(id);
  if (!match) {
    throw new Error(
      `Chapter file ${filePath}: expected content/<zh|en>/<slug>.mdx with a lowercase, hyphenated slug.`,
    );
  }
  return { lang: match[1] as Lang, slug: match[2]! };
}

/**
 * Checks that every chapter file is in the chapter order (src/lib/site/chapterOrder.ts) and that
 * every chapter there exists in every language; throws an error naming the offending file otherwise.
 */
export function checkChapterSet(
  chapters: readonly { lang: Lang; slug: string; file: string }[],
  order: readonly string[] = chapterSlugs,
): void {
  const problems: string[] = [];
  for (const chapter of chapters) {
    if (!order.includes(chapter.slug)) {
      problems.push(
        `${chapter.file} is not in the chapter order: add "${chapter.slug}" to src/lib/site/chapterOrder.ts`,
      );
    }
  }
  for (const slug of order) {
    for (const lang of languages) {
      if (!chapters.some((chapter) => chapter.lang === lang && chapter.slug === slug)) {
        problems.push(`chapter "${slug}" has no ${lang} version: add content/${lang}/${slug}.mdx`);
      }
    }
  }
  if (problems.length > 0) {
    throw new Error(`Chapter set is inconsistent:\n  - ${problems.join('\n  - ')}`);
  }
}

import { languages, type Lang } from '../../i18n';

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
 * Checks that every chapter exists in every language and that each order number is used once
 * per language; throws an error naming the offending file otherwise.
 */
export function checkChapterSet(
  chapters: readonly { lang: Lang; slug: string; order: number; file: string }[],
): void {
  const problems: string[] = [];
  for (const chapter of chapters) {
    for (const lang of languages) {
      if (lang === chapter.lang) continue;
      if (!chapters.some((other) => other.lang === lang && other.slug === chapter.slug)) {
        problems.push(
          `${chapter.file} has no ${lang} translation: add content/${lang}/${chapter.slug}.mdx`,
        );
      }
    }
    const sameOrder = chapters.find(
      (other) => other !== chapter && other.lang === chapter.lang && other.order === chapter.order,
    );
    if (sameOrder && chapter.file < sameOrder.file) {
      problems.push(`${chapter.file} and ${sameOrder.file} both have order ${chapter.order}`);
    }
    const translation = chapters.find(
      (other) => other.lang !== chapter.lang && other.slug === chapter.slug,
    );
    if (translation && translation.order !== chapter.order && chapter.lang === 'zh') {
      problems.push(
        `${chapter.file} has order ${chapter.order} but its translation ${translation.file} has order ${translation.order}`,
      );
    }
  }
  if (problems.length > 0) {
    throw new Error(`Chapter set is inconsistent:\n  - ${problems.join('\n  - ')}`);
  }
}

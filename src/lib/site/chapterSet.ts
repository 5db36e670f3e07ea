import type { Lang } from '../../i18n';

// The chapter file's id as the content collection gives it, kept apart from astro:content so it
// can be unit tested. The set of chapters is checked by chapterIndex.ts.

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

// Which chapter explains each outcome, and the URL of a chapter under the site's base path.
import type { OutcomeId } from 'tcp-lab';
import type { VizLang } from './strings';

import { outcomeChapterSlug, type ChapterSlug } from '../../src/lib/site/chapterOrder';

export { chapterNumber, chapterSlugs, type ChapterSlug } from '../../src/lib/site/chapterOrder';

/** The chapter that explains each outcome (it lists the outcome in its frontmatter). */
export const outcomeChapter = outcomeChapterSlug as Readonly<Record<OutcomeId, ChapterSlug>>;

/** The site's base path with exactly one trailing slash. */
export function siteBase(): string {
  const base: string = import.meta.env?.BASE_URL ?? '/';
  return base.endsWith('/') ? base : `${base}/`;
}

export function chapterUrl(lang: VizLang, slug: ChapterSlug, base: string = siteBase()): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  return `${root}${lang}/${slug}/`;
}

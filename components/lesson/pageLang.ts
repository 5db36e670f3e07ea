// Lesson components live inside chapter pages (<base>/<lang>/<slug>/); the page's language is
// the first path segment after the base, so authors never have to pass it by hand.
import { isLang, type Lang } from '../../src/i18n';

export function langOfPath(pathname: string, base: string): Lang {
  const trimmedBase = base.replace(/\/+$/, '');
  const rest =
    trimmedBase && pathname.startsWith(trimmedBase) ? pathname.slice(trimmedBase.length) : pathname;
  const first = rest.split('/').find((part) => part !== '');
  if (isLang(first)) return first;
  throw new Error(
    `Lesson components belong on chapter pages under /<zh|en>/; this page is ${pathname} (base ${base}). Pass lang="zh" or lang="en" explicitly.`,
  );
}

/** The page's language: Astro's current locale when it is set, else the path's first segment. */
export function pageLang(currentLocale: string | undefined, pathname: string, base: string): Lang {
  return isLang(currentLocale) ? currentLocale : langOfPath(pathname, base);
}

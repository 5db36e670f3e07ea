import type { Lang } from '../../i18n';

// Every internal link goes through here so the site works under any base path
// (BASE_PATH=/tcp-unplugged/ npm run build). Astro's BASE_URL may or may not end in a slash.
export function withBase(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/+$/, '');
  return `${base}/${path.replace(/^\/+/, '')}`;
}

export function chapterUrl(lang: Lang, slug: string): string {
  return withBase(`${lang}/${slug}/`);
}

export function langHomeUrl(lang: Lang): string {
  return withBase(`${lang}/`);
}

export function searchUrl(lang: Lang): string {
  return withBase(`${lang}/search/`);
}

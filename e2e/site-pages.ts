import type { APIRequestContext } from '@playwright/test';

// Page discovery for the site tests: the sitemap is the list of every public page, so a page
// missing from it, or listed but broken, is caught.

/** Paths (relative to the base URL, e.g. "zh/the-question/") of every page in the sitemap. */
export async function sitemapPages(request: APIRequestContext): Promise<string[]> {
  const index = await request.get('sitemap-index.xml');
  if (!index.ok()) throw new Error(`sitemap-index.xml answered ${index.status()}`);
  const sitemaps = locs(await index.text());
  const pages: string[] = [];
  for (const sitemap of sitemaps) {
    const response = await request.get(relativeToBase(sitemap));
    if (!response.ok()) throw new Error(`${sitemap} answered ${response.status()}`);
    pages.push(...locs(await response.text()).map(relativeToBase));
  }
  return [...new Set(pages)].sort();
}

function locs(xml: string): string[] {
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!.trim());
}

/**
 * Sitemap URLs carry the deploy host (SITE_URL); the tests serve the same files elsewhere, so
 * keep only the part after the base path.
 */
function relativeToBase(url: string): string {
  const base = basePath();
  const path = new URL(url).pathname;
  if (!path.startsWith(base)) throw new Error(`${url} is not under the base path ${base}`);
  return path.slice(base.length);
}

export const chapterPath = /^(zh|en)\/[a-z0-9-]+\/$/;

/** The base path the site under test was built for, always with leading and trailing slash. */
export function basePath(): string {
  const trimmed = (process.env.BASE_PATH ?? '/tcp-unplugged/').replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

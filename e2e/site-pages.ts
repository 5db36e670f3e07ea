import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// Page discovery for the site tests. The sitemap is the list of every public page, so a page
// missing from it, or listed but broken, is caught. It is read from the built site on disk when
// the spec loads, so each page becomes its own test and the pages run in parallel.

/** The base path the site under test was built for, always with leading and trailing slash. */
export function basePath(): string {
  const trimmed = (process.env.BASE_PATH ?? '/tcp-unplugged/').replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** A chapter page; the measured-versus-simulated page is not one. */
export const chapterPath = /^(zh|en)\/(?!measured\/)[a-z0-9-]+\/$/;

/** Paths relative to the base URL ("zh/the-question/") of every page in the built sitemap. */
export function sitemapPages(siteDir = process.env.SITE_DIR ?? 'dist'): string[] {
  const index = join(siteDir, 'sitemap-index.xml');
  if (!existsSync(index)) {
    throw new Error(
      `${index} is missing: build the site first (BASE_PATH=${basePath()} npm run build)`,
    );
  }
  const pages = locs(readFileSync(index, 'utf8')).flatMap((sitemap) =>
    locs(readFileSync(join(siteDir, relativeToBase(sitemap)), 'utf8')),
  );
  return [...new Set(pages.map(relativeToBase))].sort();
}

export function locs(xml: string): string[] {
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!.trim());
}

/**
 * Sitemap URLs carry the deploy host (SITE_URL); the tests serve the same files elsewhere, so
 * keep only the part after the base path.
 */
export function relativeToBase(url: string): string {
  const base = basePath();
  const path = new URL(url).pathname;
  if (!path.startsWith(base)) throw new Error(`${url} is not under the base path ${base}`);
  return path.slice(base.length);
}

// Which chapter explains each outcome, and the URL of a chapter under the site's base path.
import type { OutcomeId } from 'tcp-lab';
import type { VizLang } from './strings';

export const chapterSlugs = [
  'the-question',
  'data-in-flight',
  'idle-connection',
  'application-keepalive',
  'summary',
  'crashes',
  'user-timeout',
  'in-production',
] as const;
export type ChapterSlug = (typeof chapterSlugs)[number];

export const outcomeChapter: Record<OutcomeId, ChapterSlug> = {
  'survives-after-replug': 'data-in-flight',
  'sender-aborts': 'data-in-flight',
  'peer-reset-after-abort': 'data-in-flight',
  'idle-forever': 'idle-connection',
  'keepalive-detects-dead-peer': 'idle-connection',
  'keepalive-answered': 'idle-connection',
  'app-idle-close': 'application-keepalive',
  'app-heartbeat-detects': 'application-keepalive',
  'process-crash': 'crashes',
  'host-crash': 'crashes',
  'host-reboot-reset': 'crashes',
  'peer-process-hung': 'crashes',
  'user-timeout': 'user-timeout',
  'unplugged-side-unreachable': 'user-timeout',
  'connect-timeout': 'user-timeout',
  'still-established': 'the-question',
  'closed-normally': 'the-question',
};

/** Chapter number, 1-based, as the table of contents numbers it. */
export function chapterNumber(slug: ChapterSlug): number {
  return chapterSlugs.indexOf(slug) + 1;
}

/** The site's base path with exactly one trailing slash. */
export function siteBase(): string {
  const base: string = import.meta.env?.BASE_URL ?? '/';
  return base.endsWith('/') ? base : `${base}/`;
}

export function chapterUrl(lang: VizLang, slug: ChapterSlug, base: string = siteBase()): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  return `${root}${lang}/${slug}/`;
}

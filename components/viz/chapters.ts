// Which chapter explains each outcome, and the URL of a chapter under the site's base path.
import type { OutcomeId } from 'tcp-lab';
import type { VizLang } from './strings';

import type { ChapterSlug } from '../../src/lib/site/chapterOrder';

export { chapterNumber, chapterSlugs, type ChapterSlug } from '../../src/lib/site/chapterOrder';

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
  'interface-down': 'wifi-off',
  'address-changed': 'wifi-off',
};

/** The site's base path with exactly one trailing slash. */
export function siteBase(): string {
  const base: string = import.meta.env?.BASE_URL ?? '/';
  return base.endsWith('/') ? base : `${base}/`;
}

export function chapterUrl(lang: VizLang, slug: ChapterSlug, base: string = siteBase()): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  return `${root}${lang}/${slug}/`;
}

// The reader's progress through the lesson, kept in localStorage: which chapters they have read
// to the end, and where they were last (chapter and section) in each language, so the lesson's
// start page can offer to resume there. Anything unreadable in storage counts as no progress.
export const PROGRESS_KEY = 'tcp-unplugged:progress';

export interface Position {
  slug: string;
  /** The id and text of the last section heading the reader scrolled past, if any. */
  section?: { id: string; title: string };
}

export interface Progress {
  read: Record<string, string[]>;
  last: Record<string, Position>;
}

const empty = (): Progress => ({ read: {}, last: {} });
const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

export function parseProgress(raw: string | null | undefined): Progress {
  if (!raw) return empty();
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return empty();
  }
  if (typeof data !== 'object' || data === null) return empty();
  const progress = empty();
  const { read, last } = data as Partial<Record<keyof Progress, unknown>>;
  if (typeof read === 'object' && read !== null) {
    for (const [lang, slugs] of Object.entries(read)) {
      if (Array.isArray(slugs)) progress.read[lang] = [...new Set(slugs.filter(isText))];
    }
  }
  if (typeof last === 'object' && last !== null) {
    for (const [lang, position] of Object.entries(last as Record<string, unknown>)) {
      const { slug, section } = (position ?? {}) as { slug?: unknown; section?: unknown };
      if (!isText(slug)) continue;
      const { id, title } = (section ?? {}) as { id?: unknown; title?: unknown };
      progress.last[lang] =
        isText(id) && isText(title) ? { slug, section: { id, title } } : { slug };
    }
  }
  return progress;
}

export function markRead(progress: Progress, lang: string, slug: string): Progress {
  const read = progress.read[lang] ?? [];
  if (read.includes(slug)) return progress;
  return { ...progress, read: { ...progress.read, [lang]: [...read, slug] } };
}

export function isRead(progress: Progress, lang: string, slug: string): boolean {
  return progress.read[lang]?.includes(slug) ?? false;
}

export function setPosition(progress: Progress, lang: string, position: Position): Progress {
  return { ...progress, last: { ...progress.last, [lang]: position } };
}

/** Storage may be missing or refuse (private mode, quota): progress is then simply not kept. */
export function loadProgress(storage: Storage | undefined): Progress {
  try {
    return parseProgress(storage?.getItem(PROGRESS_KEY));
  } catch {
    return empty();
  }
}

export function saveProgress(storage: Storage | undefined, progress: Progress): void {
  try {
    storage?.setItem(PROGRESS_KEY, JSON.stringify(progress));
  } catch {
    /* not kept: nothing else depends on it */
  }
}

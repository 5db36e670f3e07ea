import { describe, expect, it } from 'vitest';
import {
  PROGRESS_KEY,
  isRead,
  loadProgress,
  markRead,
  parseProgress,
  saveProgress,
  setPosition,
} from './readingProgress';

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  };
}

describe('reading progress', () => {
  it('keeps read chapters and the last position per language, across a save and load', () => {
    const storage = memoryStorage();
    let progress = loadProgress(storage);
    progress = markRead(progress, 'en', 'the-question');
    progress = markRead(progress, 'en', 'the-question');
    progress = setPosition(progress, 'zh', {
      slug: 'crashes',
      section: { id: 'reboot', title: '重启' },
    });
    saveProgress(storage, progress);

    const back = loadProgress(storage);
    expect(back.read).toEqual({ en: ['the-question'] });
    expect(isRead(back, 'en', 'the-question')).toBe(true);
    expect(isRead(back, 'zh', 'the-question')).toBe(false);
    expect(back.last.zh).toEqual({ slug: 'crashes', section: { id: 'reboot', title: '重启' } });
    expect(back.last.en).toBeUndefined();
  });

  it('treats anything unreadable in storage as no progress, keeping what is well-formed', () => {
    expect(parseProgress('{not json')).toEqual({ read: {}, last: {} });
    expect(parseProgress('null')).toEqual({ read: {}, last: {} });
    expect(
      parseProgress(
        JSON.stringify({
          read: { en: ['a', 3, '', 'a'], zh: 'x' },
          last: { en: { slug: 'b', section: { id: 7 } }, zh: { section: {} } },
        }),
      ),
    ).toEqual({ read: { en: ['a'] }, last: { en: { slug: 'b' } } });
  });

  it('carries on without storage, or when storage refuses', () => {
    const refusing = memoryStorage();
    refusing.setItem = () => {
      throw new DOMException('quota', 'QuotaExceededError');
    };
    expect(() => saveProgress(refusing, markRead(loadProgress(refusing), 'en', 'x'))).not.toThrow();
    expect(refusing.getItem(PROGRESS_KEY)).toBeNull();
    expect(loadProgress(undefined)).toEqual({ read: {}, last: {} });
  });
});

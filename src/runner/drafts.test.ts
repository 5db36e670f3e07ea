import { describe, expect, it } from 'vitest';
import { createDraftStore, draftKey } from './drafts';

class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

describe('drafts', () => {
  it('restores a saved draft of the same revision', () => {
    const store = createDraftStore(new MemoryStorage());
    store.save('unplug', 'original', 'edited');
    expect(store.load('unplug', 'original')).toBe('edited');
  });

  it('does not bring a draft back over a revised lesson snippet, and drops the old one', () => {
    const storage = new MemoryStorage();
    const store = createDraftStore(storage);
    store.save('unplug', 'revision 1', 'my edit');
    expect(store.load('unplug', 'revision 2')).toBeUndefined();
    store.save('unplug', 'revision 2', 'newer edit');
    expect(storage.getItem(draftKey('unplug', 'revision 1'))).toBeNull();
    expect(store.load('unplug', 'revision 2')).toBe('newer edit');
  });

  it('keeps snippets apart', () => {
    const store = createDraftStore(new MemoryStorage());
    store.save('a', 'same', 'edit of a');
    expect(store.load('b', 'same')).toBeUndefined();
  });

  it('removes the draft when the code is back to the original, or on reset', () => {
    const store = createDraftStore(new MemoryStorage());
    store.save('a', 'orig', 'edit');
    store.save('a', 'orig', 'orig');
    expect(store.load('a', 'orig')).toBeUndefined();
    store.save('a', 'orig', 'edit');
    store.remove('a', 'orig');
    expect(store.load('a', 'orig')).toBeUndefined();
  });

  it('reports a refused write instead of throwing (full quota, private mode)', () => {
    const storage = new MemoryStorage();
    storage.setItem = () => {
      throw new DOMException('quota', 'QuotaExceededError');
    };
    expect(createDraftStore(storage).save('a', 'orig', 'edit')).toBe(false);
    expect(createDraftStore(undefined).save('a', 'orig', 'edit')).toBe(false);
  });
});

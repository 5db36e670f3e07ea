import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchIslandData, islandData, provideIslandData } from './islandData';

afterEach(() => vi.unstubAllGlobals());

describe('island data', () => {
  it('gives the server what the page provided', () => {
    provideIslandData('/runs/en/provided.json', { a: 1 });
    expect(islandData('/runs/en/provided.json')).toEqual({ a: 1 });
  });

  it('says which file is missing when nothing fetched it', () => {
    expect(() => islandData('/runs/en/never.json')).toThrow(
      'No island data for /runs/en/never.json: it is fetched before the island hydrates.',
    );
  });

  it('fetches a file once, however many islands ask at the same time', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({ logs: ['hi'] })));
    vi.stubGlobal('fetch', fetch);
    await Promise.all([
      fetchIslandData('/runs/en/once.json'),
      fetchIslandData('/runs/en/once.json'),
    ]);
    await fetchIslandData('/runs/en/once.json');
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(islandData('/runs/en/once.json')).toEqual({ logs: ['hi'] });
  });

  it('fails with the address and status, and tries again on the next call', async () => {
    const fetch = vi
      .fn()
      .mockResolvedValueOnce(new Response('', { status: 404 }))
      .mockResolvedValueOnce(new Response('{"ok":true}'));
    vi.stubGlobal('fetch', fetch);
    await expect(fetchIslandData('/runs/en/retry.json')).rejects.toThrow(
      '/runs/en/retry.json: HTTP 404',
    );
    await fetchIslandData('/runs/en/retry.json');
    expect(islandData('/runs/en/retry.json')).toEqual({ ok: true });
  });
});

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  CHAT_SAFE_LENGTH,
  MAX_SHARED_CODE_BYTES,
  ShareLinkError,
  decodeCode,
  encodeCode,
  parseShareFragment,
  shareFragment,
  shareUrl,
} from './share';

const code = `import { createLab } from 'tcp-lab';\n// 拔掉网线：连接还在吗？\nconst lab = createLab({ rtt: '20ms' });\nlab.run({ until: '3h' });\n`;

describe('share links', () => {
  it('round-trips code, including non-Latin comments', async () => {
    expect(await decodeCode(await encodeCode(code))).toBe(code);
  });

  it('gives the same link for the same code', async () => {
    expect(await encodeCode(code)).toBe(await encodeCode(code));
  });

  it('uses only URL-safe characters', async () => {
    expect(await encodeCode(code.repeat(20))).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('compresses repetitive code', async () => {
    const long = code.repeat(50);
    expect((await encodeCode(long)).length).toBeLessThan(long.length / 10);
  });

  it('reads back the snippet id and payload from a fragment', () => {
    expect(parseShareFragment(shareFragment('unplug-with-data', 'H4sI_-x'))).toEqual({
      snippetId: 'unplug-with-data',
      payload: 'H4sI_-x',
    });
    expect(parseShareFragment('#introduction')).toBeUndefined();
    expect(parseShareFragment('#code=Bad.Id.x')).toBeUndefined();
  });

  it('rejects a damaged payload with an error rather than garbage', async () => {
    const payload = await encodeCode(code);
    await expect(decodeCode(payload.slice(0, payload.length / 2))).rejects.toThrow();
  });

  it('names a damaged payload as damaged', async () => {
    await expect(decodeCode('not-gzip-at-all')).rejects.toMatchObject({ reason: 'damaged' });
    await expect(decodeCode('A')).rejects.toBeInstanceOf(ShareLinkError);
    // Cut or altered in a chat app: the fragment is still recognised, and reported as damaged.
    const altered = parseShareFragment('#code=unplug-with-data.H4sI%20abc');
    expect(altered?.snippetId).toBe('unplug-with-data');
    await expect(decodeCode(altered!.payload)).rejects.toMatchObject({ reason: 'damaged' });
  });

  it('refuses code that unpacks past the limit, without unpacking all of it', async () => {
    // 1 MB of one letter gzips to about 1 KB: a short link that unpacks far past the limit.
    const bomb = await encodeCode('a'.repeat(MAX_SHARED_CODE_BYTES * 16));
    await expect(decodeCode(bomb)).rejects.toMatchObject({ reason: 'tooLarge' });
    const justFits = 'a'.repeat(MAX_SHARED_CODE_BYTES);
    expect(await decodeCode(await encodeCode(justFits))).toBe(justFits);
  });

  it('refuses a payload too long to be real code before reading it', async () => {
    await expect(decodeCode('A'.repeat(70_000))).rejects.toMatchObject({ reason: 'tooLarge' });
  });

  it('keeps a typical lesson edit under the length chat apps accept', async () => {
    const snippet = readFileSync(
      fileURLToPath(new URL('../../content/snippets/unplug-with-data.ts', import.meta.url)),
      'utf8',
    );
    const edited = snippet.replace("'31s'", "'45s'");
    const url = await shareUrl(
      { origin: 'https://example.org', pathname: '/tcp-unplugged/en/the-question/', search: '' },
      'unplug-with-data',
      edited,
    );
    expect(url.length).toBeLessThan(CHAT_SAFE_LENGTH);
  });
});

import { describe, expect, it } from 'vitest';
import { decodeCode, encodeCode, parseShareFragment, shareFragment } from './share';

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
});

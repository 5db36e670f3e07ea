// Share links: the code travels in the URL fragment (never sent to any server), gzip-compressed
// with the platform's CompressionStream and written in base64url. Same code, same link.
const FRAGMENT_KEY = 'code';

/** Links longer than this are cut or refused by some chat apps and mail clients. */
export const CHAT_SAFE_LENGTH = 2000;
/** The most code a link may carry once unpacked: far above any lesson edit, and a bound on what a
    crafted link can make the page decompress. */
export const MAX_SHARED_CODE_BYTES = 64 * 1024;
/** A payload longer than this cannot unpack to an acceptable size from real code. */
const MAX_PAYLOAD_CHARS = 64 * 1024;

/** Why a share link's code could not be read: 'damaged' (not base64url gzip of UTF-8 text), or
    'tooLarge' (more than MAX_SHARED_CODE_BYTES). */
export class ShareLinkError extends Error {
  constructor(readonly reason: 'damaged' | 'tooLarge') {
    super(reason === 'tooLarge' ? 'share link code is too large' : 'share link code is damaged');
    this.name = 'ShareLinkError';
  }
}

export async function encodeCode(code: string): Promise<string> {
  const bytes = new TextEncoder().encode(code);
  const compressed = await pipeThrough(bytes, new CompressionStream('gzip'));
  return toBase64Url(compressed);
}

export async function decodeCode(payload: string): Promise<string> {
  if (payload.length > MAX_PAYLOAD_CHARS) throw new ShareLinkError('tooLarge');
  let plain: Uint8Array;
  try {
    plain = await pipeThrough(
      fromBase64Url(payload),
      new DecompressionStream('gzip'),
      MAX_SHARED_CODE_BYTES,
    );
  } catch (error) {
    throw error instanceof ShareLinkError ? error : new ShareLinkError('damaged');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(plain);
  } catch {
    throw new ShareLinkError('damaged');
  }
}

/** '#code=<snippet id>.<payload>' — ids are [a-z0-9-], payloads base64url, so '.' separates them. */
export function shareFragment(snippetId: string, payload: string): string {
  return `#${FRAGMENT_KEY}=${snippetId}.${payload}`;
}

export function parseShareFragment(
  hash: string,
): { snippetId: string; payload: string } | undefined {
  // The payload is checked when decoded, so a link damaged in transit is reported, not ignored.
  const match = new RegExp(`^#?${FRAGMENT_KEY}=([a-z0-9][a-z0-9-]*)\\.(.+)$`).exec(hash);
  if (!match) return undefined;
  return { snippetId: match[1]!, payload: match[2]! };
}

export async function shareUrl(
  location: { origin: string; pathname: string; search: string },
  snippetId: string,
  code: string,
): Promise<string> {
  return `${location.origin}${location.pathname}${location.search}${shareFragment(snippetId, await encodeCode(code))}`;
}

/** Runs bytes through a (de)compressor; with a limit, stops reading as soon as the output passes
    it, so a small link that unpacks to gigabytes costs no more than the limit. */
async function pipeThrough(
  bytes: Uint8Array,
  transform: CompressionStream | DecompressionStream,
  limit = Infinity,
): Promise<Uint8Array> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(transform).getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.length;
    if (length > limit) {
      await reader.cancel().catch(() => undefined);
      throw new ShareLinkError('tooLarge');
    }
    chunks.push(value);
  }
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  // Bad characters, or a length no base64 text has: the link was cut or altered.
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) throw new ShareLinkError('damaged');
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

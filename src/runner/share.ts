// Share links: the code travels in the URL fragment (never sent to any server), gzip-compressed
// with the platform's CompressionStream and written in base64url. Same code, same link.
const FRAGMENT_KEY = 'code';

export async function encodeCode(code: string): Promise<string> {
  const bytes = new TextEncoder().encode(code);
  const compressed = await pipeThrough(bytes, new CompressionStream('gzip'));
  return toBase64Url(compressed);
}

export async function decodeCode(payload: string): Promise<string> {
  const bytes = fromBase64Url(payload);
  const plain = await pipeThrough(bytes, new DecompressionStream('gzip'));
  return new TextDecoder('utf-8', { fatal: true }).decode(plain);
}

/** '#code=<snippet id>.<payload>' — ids are [a-z0-9-], payloads base64url, so '.' separates them. */
export function shareFragment(snippetId: string, payload: string): string {
  return `#${FRAGMENT_KEY}=${snippetId}.${payload}`;
}

export function parseShareFragment(
  hash: string,
): { snippetId: string; payload: string } | undefined {
  const match = new RegExp(`^#?${FRAGMENT_KEY}=([a-z0-9][a-z0-9-]*)\\.([A-Za-z0-9_-]+)$`).exec(
    hash,
  );
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

async function pipeThrough(
  bytes: Uint8Array,
  transform: CompressionStream | DecompressionStream,
): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(transform);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

import { type Meeting, serializeMeetingContent } from '../minutes';

/**
 * The document's fingerprint: SHA-256 of its canonical content — the
 * version-1 interchange serialization of the meeting (serializeMeetingContent: no comments), which is canonical by construction (the fixture
 * tests prove a round trip byte for byte). Web Crypto, so it runs in Node,
 * the renderer and the CLI alike.
 */
export async function fingerprint(meeting: Meeting): Promise<string> {
  const bytes = new TextEncoder().encode(serializeMeetingContent(meeting));
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The printed form: the first 16 hex digits in groups of four ("3f2a 9c01 77be 0d54"). */
export function shortFingerprint(hex: string): string {
  return (hex.slice(0, 16).match(/.{1,4}/g) ?? []).join(' ');
}

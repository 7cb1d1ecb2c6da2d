import { type Meeting, serializeMeetingContent } from '../minutes';

/**
 * The record of a version, as a signature copy carries it: the version-1 interchange serialization
 * of its document, content only (serializeMeetingContent: comments are review, not record; a
 * `.minuta.json` file that imports as it is). It is canonical by construction — the
 * schema fixes the key order, the indentation is fixed, and the fixture tests prove a round trip byte
 * for byte — so equal documents give equal bytes. The one definition of what a fingerprint covers.
 */
export function recordJson(meeting: Meeting): string {
  return serializeMeetingContent(meeting);
}

/** SHA-256 (hex) of bytes, with Web Crypto, so it runs in Node, the renderer and the CLI alike. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The document's fingerprint: SHA-256 of its record's UTF-8 bytes (recordJson). A signature copy
 * embeds exactly those bytes, so `sha256sum` of the file `pdfdetach` extracts prints the fingerprint;
 * pages print its first 16 digits (shortFingerprint), the metadata and closing note all 64.
 */
export async function fingerprint(meeting: Meeting): Promise<string> {
  return sha256Hex(new TextEncoder().encode(recordJson(meeting)));
}

/** The printed form: the first 16 hex digits in groups of four ("3f2a 9c01 77be 0d54"). */
export function shortFingerprint(hex: string): string {
  return (hex.slice(0, 16).match(/.{1,4}/g) ?? []).join(' ');
}

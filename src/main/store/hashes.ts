import { createHash } from 'node:crypto';
import { canonicalJson } from '../../shared/canonicalJson';

/**
 * The store's content addresses.
 *
 * - A block record is stored as its canonical JSON (src/shared/canonicalJson.ts) under
 *   `hash = SHA-256(that text)`, hex.
 * - A revision stores three canonical texts: `head` (the meeting without its body), `body` (the
 *   top-level block ids in order) and `manifest` (an object: block id → record hash, for every block
 *   of the document). Its `digest` is
 *
 *       SHA-256( canonicalJson([head, body, manifest]) ) = SHA-256( "[" + head + "," + body + "," + manifest + "]" )
 *
 *   Because the manifest names every record by its hash, the digest commits to the whole document:
 *   change one character anywhere and either a record's hash or the digest no longer matches.
 */
export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function revisionDigest(headJson: string, bodyJson: string, manifestJson: string): string {
  return sha256(`[${headJson},${bodyJson},${manifestJson}]`);
}

/** The manifest's canonical text (keys sorted, as canonicalJson writes any object). */
export function manifestText(manifest: ReadonlyMap<string, string>): string {
  return canonicalJson(Object.fromEntries(manifest));
}

/** SHA-256 of bytes, hex (attachments). */
export function sha256Bytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

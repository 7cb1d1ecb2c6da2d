import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { excerpt, listProblems, MinutaError } from '../../shared/errors';
import { LIMITS, checkDocumentSize, parseInterchangeBytes, type InterchangeBase, type InterchangeReview, type Meeting } from '../../shared/minutes';
import type { CommentThread } from '../../shared/minutes/comments';
import { storageError } from '../store/storageErrors';

/**
 * Reading a minutes file (`.minuta.json`, the interchange format) from disk: the CLI's `import` and the
 * app's Import both come through here, so a file is accepted or refused the same way by both. Nothing
 * is stored here; a refused file changes nothing. Every refusal is a MinutaError (`invalid`, or the
 * storage code of a read failure), its message bounded and naming the file by its name only.
 */

/**
 * At most `limit + 1` bytes of a file, however big it claims (or turns out) to be: stat's size is not
 * trusted, since a /proc file says 0 and a file being written keeps growing while we read. Reading one
 * byte past the limit is how we know it is too big.
 */
export function readBounded(file: string, limit: number): Uint8Array {
  // Checked before opening too: opening a FIFO would wait for a writer forever.
  if (!statSync(file).isFile()) throw new MinutaError('invalid', `${excerpt(basename(file))} is not a file`);
  const fd = openSync(file, 'r');
  try {
    if (!fstatSync(fd).isFile()) throw new MinutaError('invalid', `${excerpt(basename(file))} is not a file`);
    const chunks: Uint8Array[] = [];
    let total = 0;
    while (total <= limit) {
      const chunk = new Uint8Array(Math.min(1 << 20, limit + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      total += n;
    }
    const bytes = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) {
      bytes.set(c, at);
      at += c.length;
    }
    return bytes;
  } finally {
    closeSync(fd);
  }
}

/** `maxBytes` is LIMITS.maxDocumentBytes; tests lower it to prove the bound holds where stat lies. */
export function readMinutesFile(file: string, maxBytes: number = LIMITS.maxDocumentBytes): Meeting {
  return readMinutesBundle(file, maxBytes).meeting;
}

/** The meeting, its comment threads and review suggestions (a version-1 file has none), and the stored state it was written from, if it says. */
export function readMinutesBundle(
  file: string,
  maxBytes: number = LIMITS.maxDocumentBytes,
): { meeting: Meeting; comments: CommentThread[]; review: InterchangeReview; base?: InterchangeBase } {
  const name = excerpt(basename(file), 80);
  let bytes: Uint8Array;
  try {
    bytes = readBounded(file, maxBytes);
  } catch (error) {
    if (error instanceof MinutaError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new MinutaError('invalid', `cannot read ${name}: no such file`);
    if (code === 'EISDIR') throw new MinutaError('invalid', `${name} is a folder, not a minutes file`);
    if (code === 'EACCES' || code === 'EPERM') throw new MinutaError('invalid', `cannot read ${name}: no permission`);
    throw storageError(error, `reading ${name}`) ?? new MinutaError('invalid', `cannot read ${name}: ${excerpt(String(error), 120)}`);
  }
  const tooBig = checkDocumentSize(bytes.byteLength, maxBytes);
  if (tooBig) throw new MinutaError('invalid', `${name}: ${tooBig}`);
  const parsed = parseInterchangeBytes(bytes);
  if (!parsed.ok) throw new MinutaError('invalid', `${name}: ${listProblems(parsed.errors)}`);
  return { meeting: parsed.meeting, comments: parsed.comments, review: parsed.review, ...(parsed.base ? { base: parsed.base } : {}) };
}

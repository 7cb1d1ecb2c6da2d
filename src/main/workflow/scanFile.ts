import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { MinutaError, excerpt } from '../../shared/errors';
import { MAX_SCAN_BYTES, sniffScanType, type ScanType } from '../../shared/workflow/states';

/**
 * A scanned wet-ink copy, checked before it is stored: not empty, at most MAX_SCAN_BYTES, and a PDF,
 * PNG or JPEG by its content (never its name), whole enough to be one (a PDF ends in %%EOF and has a
 * cross-reference; a PNG starts with its IHDR chunk and ends with IEND; a JPEG ends with its EOI
 * marker). Anything else is refused with `invalid`, naming what is wrong; nothing is stored.
 */
export function checkScan(bytes: Uint8Array, name: string): ScanType {
  const what = `"${excerpt(name, 80)}"`;
  if (bytes.length === 0) throw new MinutaError('invalid', `The file ${what} is empty`, 'file');
  if (bytes.length > MAX_SCAN_BYTES) throw new MinutaError('invalid', `The file ${what} is larger than ${MAX_SCAN_BYTES / 1024 / 1024} MB`, 'file');
  const type = sniffScanType(bytes);
  if (!type) throw new MinutaError('invalid', `The file ${what} is not a PDF, PNG or JPEG (judged by its content, not its name)`, 'file');
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 1024))).toString('latin1');
  const whole =
    type === 'application/pdf'
      ? /%%EOF\s*$/.test(tail) && /startxref\s+\d+/.test(tail)
      : type === 'image/png'
        ? Buffer.from(bytes.subarray(12, 16)).toString('latin1') === 'IHDR' && tail.endsWith('IEND\xaeB`\x82')
        : bytes[bytes.length - 2] === 0xff && bytes[bytes.length - 1] === 0xd9;
  if (!whole) {
    const kind = type === 'application/pdf' ? 'PDF' : type === 'image/png' ? 'PNG' : 'JPEG';
    throw new MinutaError('invalid', `The file ${what} starts like a ${kind} but is not a whole one (damaged or cut short)`, 'file');
  }
  return type;
}

/** Reads a scan with a hard bound (a /proc file or a growing file cannot exhaust memory), then checks it. */
export function readScanFile(path: string): { bytes: Uint8Array; mediaType: ScanType } {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    throw new MinutaError('not-found', `The file "${excerpt(path, 80)}" does not exist or cannot be read`, 'file');
  }
  try {
    if (!fstatSync(fd).isFile()) throw new MinutaError('invalid', `"${excerpt(path, 80)}" is not a file`, 'file');
    // Whatever the size claims: read in chunks and stop one byte past the bound.
    const chunks: Buffer[] = [];
    let total = 0;
    while (total <= MAX_SCAN_BYTES) {
      const chunk = Buffer.alloc(Math.min(1024 * 1024, MAX_SCAN_BYTES + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
    }
    const bytes = new Uint8Array(Buffer.concat(chunks, total));
    return { bytes, mediaType: checkScan(bytes, path) };
  } finally {
    closeSync(fd);
  }
}

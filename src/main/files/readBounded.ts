import { closeSync, openSync, readSync } from 'node:fs';
import { MinutaError, excerpt } from '../../shared/errors';

/** Reads at most `max` bytes (a file that claims less but grows, or /dev/zero, cannot exhaust memory). */
export function readBounded(path: string, max: number): Uint8Array {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw new MinutaError('invalid', `cannot open ${excerpt(path, 200)}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(1 << 20);
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      if (total > max) throw new MinutaError('invalid', `${excerpt(path, 200)} is larger than ${max / 1024 / 1024} MB: not a signature copy`);
      chunks.push(chunk.subarray(0, n));
    }
    return new Uint8Array(Buffer.concat(chunks));
  } finally {
    closeSync(fd);
  }
}

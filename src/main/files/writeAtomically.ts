import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes through a temporary file beside the destination and a rename: an interrupted or failed write
 * (a full disk, a read-only folder) never leaves half a file under the real name, and never leaves the
 * temporary file behind either. The app's exports and the CLI's both write through here.
 */
export function writeFileAtomically(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (error) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // Removing can fail only where writing already failed (EROFS, EACCES): there is no file to remove.
    }
    throw error;
  }
}

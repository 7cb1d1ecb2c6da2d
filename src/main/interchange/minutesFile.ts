import { type Stats, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { LIMITS, parseInterchange, type Meeting } from '../../shared/minutes';

/**
 * Reading a minutes file (`.minuta.json`, the interchange format) from disk: the CLI's `import` and the
 * app's Import both come through here, so a file is accepted or refused the same way by both. Nothing
 * is stored here; a refused file changes nothing.
 */
export class MinutesFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MinutesFileError';
  }
}

export function readMinutesFile(file: string): Meeting {
  let stat: Stats;
  try {
    stat = statSync(file);
  } catch {
    throw new MinutesFileError(`cannot read ${file}: no such file`);
  }
  if (!stat.isFile()) throw new MinutesFileError(`${basename(file)} is not a file`);
  // Checked before reading: a huge file is refused without being loaded.
  if (stat.size > LIMITS.maxDocumentBytes) {
    throw new MinutesFileError(`${file}: ${stat.size} bytes is larger than the ${LIMITS.maxDocumentBytes}-byte limit of a minutes file`);
  }
  const parsed = parseInterchange(readFileSync(file, 'utf8'));
  if (!parsed.ok) {
    const more = parsed.errors.length > 1 ? ` (and ${parsed.errors.length - 1} more problem(s))` : '';
    throw new MinutesFileError(`${file}: ${parsed.errors[0]}${more}`);
  }
  return parsed.meeting;
}

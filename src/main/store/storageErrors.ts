import { excerpt, MinutaError, type ErrorCode } from '../../shared/errors';

/**
 * The one mapping of storage failures (SQLite result codes, filesystem errno codes) to the error
 * model. The IPC dispatcher, the CLI's single catch and the background timers all go through here, so
 * a full disk is `disk-full` whichever path hits it first, never `internal`.
 *
 * better-sqlite3 reports extended result codes (`SQLITE_IOERR_WRITE`, `SQLITE_READONLY_DBMOVED`,
 * `SQLITE_BUSY_SNAPSHOT`, …), so SQLite codes are matched by their primary code (the prefix).
 */
const SQLITE_PRIMARY: Record<string, ErrorCode> = {
  SQLITE_FULL: 'disk-full',
  SQLITE_READONLY: 'read-only',
  SQLITE_PERM: 'read-only',
  SQLITE_BUSY: 'locked',
  SQLITE_LOCKED: 'locked',
  SQLITE_CORRUPT: 'corrupt',
  SQLITE_NOTADB: 'corrupt',
};

const ERRNO: Record<string, ErrorCode> = {
  ENOSPC: 'disk-full',
  EDQUOT: 'disk-full',
  EFBIG: 'disk-full',
  EROFS: 'read-only',
  EACCES: 'read-only',
  EPERM: 'read-only',
  EBUSY: 'locked',
};

/** What a person should read for each code, whatever the underlying library said. */
const EXPLANATION: Partial<Record<ErrorCode, string>> = {
  'disk-full': 'The disk is full: free some space and try again. Everything saved before is intact.',
  'read-only': 'The database or folder can only be read: nothing can be saved there.',
  locked: 'Another program is holding the database (another Minuta, a backup or a sync tool); try again in a moment.',
  corrupt: 'The database file is damaged: restore it from a backup (minuta backup makes one).',
};

function codeOf(error: unknown): string | undefined {
  if (error === null || typeof error !== 'object') return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/** The error-model code of a SQLite or filesystem failure, or undefined when it is neither. */
export function storageCodeOf(error: unknown): ErrorCode | undefined {
  const code = codeOf(error);
  if (!code) return undefined;
  if (code.startsWith('SQLITE_')) {
    // A guard trigger refused the statement (a sealed record, a pinned revision, the audit log): the
    // record is immutable, which for the caller is what read-only means. Never `internal`.
    if (code === 'SQLITE_CONSTRAINT_TRIGGER') return 'read-only';
    const primary = /^SQLITE_[A-Z]+/.exec(code)?.[0] ?? code;
    if (SQLITE_PRIMARY[primary]) return SQLITE_PRIMARY[primary];
    // SQLite reports some write failures as I/O errors carrying the OS errno in the message only;
    // a full disk during a WAL append arrives as SQLITE_FULL, but fsync on some filesystems does not.
    if (primary === 'SQLITE_IOERR' && /ENOSPC|disk is full|No space left/i.test(messageOf(error))) return 'disk-full';
    return undefined;
  }
  return ERRNO[code];
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * A storage failure as a MinutaError (`doing` says what was attempted, e.g. "saveMeeting"), or
 * undefined when the error is not a storage failure (then it stays whatever it was: a bug is internal).
 * A MinutaError passes through unchanged.
 */
export function storageError(error: unknown, doing?: string): MinutaError | undefined {
  if (error instanceof MinutaError) return error;
  const code = storageCodeOf(error);
  if (!code) return undefined;
  const what = doing ? `${doing} failed: ` : '';
  const detail = excerpt(messageOf(error), 120);
  // The trigger's own words say which record and why ("the meeting is sealed: …").
  if (codeOf(error) === 'SQLITE_CONSTRAINT_TRIGGER') return new MinutaError(code, `${what}This record cannot change: ${detail}`);
  // SQLITE_NOTADB is "corrupt" in the error model, but what a person needs to hear is different.
  const explanation = codeOf(error) === 'SQLITE_NOTADB' ? 'The file is not a Minuta database (or is damaged beyond reading).' : EXPLANATION[code];
  return new MinutaError(code, `${what}${explanation ?? detail} (${detail})`);
}

/** Any thrown value as a MinutaError: storage failures by the mapping above, anything else `internal`. */
export function toMinutaError(error: unknown, doing?: string): MinutaError {
  return (
    storageError(error, doing) ??
    new MinutaError('internal', `${doing ? `${doing} failed: ` : ''}${excerpt(messageOf(error), 300)}`)
  );
}

import Database from 'better-sqlite3';
import { accessSync, constants, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { latestVersion, migrate, NewerDatabaseError } from './migrations';
import { MinutaError } from '../../shared/errors';
import { storageError } from './storageErrors';

export type Db = Database.Database;

/** How long a write waits for another connection's write lock before it fails as `locked`. */
export const BUSY_TIMEOUT_MS = 5_000;

export interface OpenOptions {
  /** Overrides BUSY_TIMEOUT_MS (tests prove the timeout without waiting five seconds). */
  busyTimeoutMs?: number;
}

/** A SQLite file that is not ours: opening it must not add our tables to someone else's data. */
export class NotMinutaDatabaseError extends MinutaError {
  constructor(file: string) {
    super('invalid', `${file} is a SQLite database of another program, not a Minuta database; it was not changed.`);
    this.name = 'NotMinutaDatabaseError';
  }
}

/** Why a database was opened read-only, per open connection (absent: it is writable). */
const readOnlyReasons = new WeakMap<Db, string>();

/** Why this database can only be read (for the banner and the refusals), or undefined when writable. */
export function readOnlyReasonOf(db: Db): string | undefined {
  return readOnlyReasons.get(db);
}

function notWritable(path: string): string | undefined {
  try {
    accessSync(path, constants.W_OK);
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'EROFS' ? 'read-only media' : 'no permission to write';
  }
}

/**
 * Whether an existing database file can only be read, and why. The folder counts too: SQLite creates
 * the WAL and shared-memory files beside the database, so a writable file in a read-only folder still
 * cannot take a single save. (access(2) answers EROFS for read-only media even to root.)
 */
export function readOnlyReason(file: string): string | undefined {
  if (file === ':memory:' || !existsSync(file)) return undefined;
  const fileProblem = notWritable(file);
  if (fileProblem) return `the file is ${fileProblem === 'read-only media' ? 'on read-only media' : 'not writable (no permission)'}`;
  const dirProblem = notWritable(dirname(file));
  if (dirProblem) return `its folder is ${dirProblem === 'read-only media' ? 'on read-only media' : 'not writable (no permission)'}`;
  return undefined;
}

/**
 * Opens (creating if needed) the Minuta database file and brings its schema up to date. A file that
 * cannot be written (see readOnlyReason) is opened read-only instead, without touching it:
 * readOnlyReasonOf(db) says why, and the services refuse every change with `read-only`.
 *
 * WAL lets the UI read while an autosave writes; synchronous=NORMAL is durable across an application
 * crash (the only thing lost on a power cut is the last transactions, never integrity). Seals switch
 * to FULL for their own write.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const readOnly = readOnlyReason(file);
  if (file !== ':memory:' && !readOnly) mkdirSync(dirname(file), { recursive: true });
  const db = readOnly ? openReadOnly(file) : new Database(file);
  try {
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? BUSY_TIMEOUT_MS))}`);
    if (isForeignDatabase(db)) throw new NotMinutaDatabaseError(file);
    if (readOnly) {
      readOnlyReasons.set(db, readOnly);
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version > latestVersion()) throw new NewerDatabaseError(version, latestVersion());
      if (version < latestVersion()) {
        throw new MinutaError('read-only', `${file} needs upgrading to this version of Minuta, but ${readOnly}.`);
      }
      db.pragma('foreign_keys = ON');
      return db;
    }
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // No checkpoint inside a save: SQLite's automatic checkpoint would copy the WAL back and fsync
    // within whichever autosave crossed the threshold (that was the whole p99 of a save). The app
    // checkpoints on an idle timer instead (startCheckpoints), and closing the database checkpoints.
    db.pragma('wal_autocheckpoint = 0');
    migrate(db);
    return db;
  } catch (error) {
    closeQuietly(db);
    throw error;
  }
}

/**
 * A read-only connection to a database that cannot be written. SQLite reads a WAL-mode file through
 * its shared-memory file (-shm); where that cannot be created (read-only media, a folder without
 * write permission) a plain read-only open fails with SQLITE_CANTOPEN. Then, if the WAL holds nothing,
 * the database file alone is the whole database: it is read into memory and opened from there (the
 * header marked non-WAL in our copy only). If the WAL does hold changes, reading the file alone would
 * show an older state without a word, so that is refused instead.
 */
function openReadOnly(file: string): Db {
  let db: Db | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    db.prepare('SELECT 1 FROM sqlite_schema LIMIT 1').get();
    return db;
  } catch (error) {
    if (db) closeQuietly(db);
    if (!String((error as { code?: unknown }).code).startsWith('SQLITE_CANTOPEN')) throw error;
  }
  const wal = `${file}-wal`;
  if (existsSync(wal) && statSync(wal).size > 0) {
    throw new MinutaError(
      'read-only',
      `${file} has changes in its -wal file that cannot be read where it is: copy the database with its -wal file to a writable folder`,
    );
  }
  const bytes = readFileSync(file);
  // Bytes 18-19 = 2 mark WAL mode, which an in-memory database cannot use; 1 is the rollback journal.
  if (bytes.length >= 100 && bytes[18] === 2 && bytes[19] === 2) bytes[18] = bytes[19] = 1;
  return new Database(bytes, { readonly: true });
}

/** Tables but no user_version: a database another program made (ours always records its version). */
function isForeignDatabase(db: Db): boolean {
  if ((db.pragma('user_version', { simple: true }) as number) !== 0) return false;
  return db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' LIMIT 1").get() !== undefined;
}

/**
 * THE way to write. Returns `fn` wrapped in a transaction that starts with BEGIN IMMEDIATE, i.e. takes
 * the write lock first, waiting up to busy_timeout for another connection to release it.
 *
 * Why not `db.transaction(fn)` (BEGIN DEFERRED): such a transaction starts as a reader and upgrades
 * to a writer at its first write. In WAL mode, if another connection committed in between, that
 * upgrade fails at once with SQLITE_BUSY(_SNAPSHOT) and SQLite does not call the busy handler (waiting
 * could never help: the snapshot is stale), so a save that reads before it writes gave up in a
 * fraction of a second although busy_timeout is five seconds. Nested inside another transaction it
 * becomes a savepoint, as db.transaction does.
 */
export function writeTransaction<A extends unknown[], R>(db: Db, fn: (...args: A) => R): (...args: A) => R {
  const transaction = db.transaction(fn);
  return (...args: A) => transaction.immediate(...args);
}

export interface BackgroundOptions {
  intervalMs?: number;
  /**
   * Told about each failure (already mapped: `disk-full`, `locked`, …). A background job never throws:
   * a timer that threw would be an uncaught exception, which ends a plain Node process. It simply runs
   * again at its next tick, by which time the disk may have room again.
   */
  onError?: (error: MinutaError) => void;
}

/** Runs `job` every `intervalMs` off the save path; failures go to onError, never up. Returns a stop function. */
export function startBackgroundJob(name: string, job: () => void, { intervalMs = 5_000, onError }: BackgroundOptions = {}): () => void {
  const timer = setInterval(() => {
    try {
      job();
    } catch (error) {
      const mapped = storageError(error, name) ?? new MinutaError('internal', `${name} failed: ${String(error).slice(0, 300)}`);
      try {
        onError?.(mapped);
      } catch {
        // The reporter itself failed (e.g. a closed log stream): the timer must still not throw.
      }
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * Moves the WAL back into the database file every `intervalMs` while the app runs, off the save path.
 * PASSIVE never waits for readers or writers, so it cannot stall an autosave. Returns a stop function.
 */
export function startCheckpoints(db: Db, options: BackgroundOptions = {}): () => void {
  if (db.readonly) return () => undefined;
  return startBackgroundJob(
    'checkpoint',
    () => {
      if (db.open) db.pragma('wal_checkpoint(PASSIVE)');
    },
    options,
  );
}

/**
 * Closes the connection and never throws (closing runs on quit and after failures, where a throw
 * would mask the real problem or crash the app): a failure is reported through onError. SQLite
 * keeps what was committed whatever happens here; the WAL is replayed at the next open.
 */
export function closeQuietly(db: Db, onError?: (error: MinutaError) => void): void {
  try {
    if (db.open) db.close();
  } catch (error) {
    onError?.(storageError(error, 'close') ?? new MinutaError('internal', `close failed: ${String(error).slice(0, 300)}`));
  }
}

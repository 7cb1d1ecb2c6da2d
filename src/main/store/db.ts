import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from './migrations';

export type Db = Database.Database;

/**
 * Opens (creating if needed) the Minuta database file and brings its schema up to date.
 *
 * WAL lets the UI read while an autosave writes; synchronous=NORMAL is durable across an application
 * crash (the only thing lost on a power cut is the last transactions, never integrity). Seals switch
 * to FULL for their own write.
 */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // No checkpoint inside a save: SQLite's automatic checkpoint would copy the WAL back and fsync
    // within whichever autosave crossed the threshold (that was the whole p99 of a save). The app
    // checkpoints on an idle timer instead (startCheckpoints), and closing the database checkpoints.
    db.pragma('wal_autocheckpoint = 0');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Moves the WAL back into the database file every `intervalMs` while the app runs, off the save path.
 * PASSIVE never waits for readers or writers, so it cannot stall an autosave. Returns a stop function.
 */
export function startCheckpoints(db: Db, intervalMs = 5_000): () => void {
  const timer = setInterval(() => {
    if (db.open) db.pragma('wal_checkpoint(PASSIVE)');
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

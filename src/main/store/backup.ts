import type { Db } from './db';

/**
 * An online backup with SQLite's backup API: consistent even while the app keeps writing, and the
 * result is a complete database file (WAL content included) that Minuta opens as it is.
 */
export async function backupDatabase(db: Db, destination: string): Promise<void> {
  await db.backup(destination);
}

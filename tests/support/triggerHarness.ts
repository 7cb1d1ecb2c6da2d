import Database from 'better-sqlite3';
import { copyFileSync } from 'node:fs';

export interface Attempt {
  refused: boolean;
  changed: boolean;
  error?: string;
}

/**
 * Runs one SQL statement form on a fresh copy of a template database, as an attacker with the file
 * would (foreign keys on or off, some triggers dropped to prove each one is needed), and reports whether
 * SQLite refused it and whether anything `snapshot` reads changed. The tests of the store's
 * immutability rules share it.
 */
export function attemptOnCopy(
  template: string,
  copy: string,
  sql: string,
  options: { foreignKeys: boolean; drop?: readonly string[]; snapshot: (db: Database.Database) => string },
): Attempt {
  copyFileSync(template, copy);
  const db = new Database(copy);
  try {
    db.pragma(`foreign_keys = ${options.foreignKeys ? 'ON' : 'OFF'}`);
    for (const t of options.drop ?? []) db.exec(`DROP TRIGGER ${t}`);
    const before = options.snapshot(db);
    let refused = false;
    let error: string | undefined;
    try {
      db.exec(sql);
    } catch (e) {
      refused = true;
      error = (e as Error).message;
    }
    return { refused, changed: options.snapshot(db) !== before, ...(error ? { error } : {}) };
  } finally {
    db.close();
  }
}

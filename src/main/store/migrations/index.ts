import type Database from 'better-sqlite3';
import { migration001 } from './001-meetings';
import { migration002 } from './002-search';
import { migration003 } from './003-block-records';
import { migration004 } from './004-workflow';
import { migration005 } from './005-trash-archive';
import { migration006 } from './006-comments';
import { migration007 } from './007-review-suggestions';
import { migration008 } from './008-decisions';
import { MinutaError } from '../../../shared/errors';

export interface Migration {
  /** Strictly increasing, starting at 1; recorded in PRAGMA user_version once applied. */
  version: number;
  name: string;
  up(db: Database.Database): void;
}

/**
 * Every migration ever shipped, in order. A shipped migration is never edited: add a new one.
 */
export const migrations: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008];

/** `unavailable`: reading this schema is a capability this version of Minuta does not have. */
export class NewerDatabaseError extends MinutaError {
  constructor(readonly found: number, readonly supported: number) {
    super(
      'unavailable',
      `This database was written by a newer Minuta (schema version ${found}; this version understands up to ${supported}). ` +
        'Update Minuta to open it; the file was not changed.',
    );
    this.name = 'NewerDatabaseError';
  }
}

export function latestVersion(list: readonly Migration[] = migrations): number {
  return list.at(-1)?.version ?? 0;
}

/** Applies every pending migration, each in its own transaction together with its user_version bump. */
export function migrate(db: Database.Database, list: readonly Migration[] = migrations): number {
  list.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = latestVersion(list);
  if (current > latest) throw new NewerDatabaseError(current, latest);
  for (const m of list.slice(current)) {
    // IMMEDIATE (see writeTransaction in ../db): wait for another writer instead of failing at once.
    db.transaction(() => {
      m.up(db);
      // PRAGMA cannot take a bound parameter; the version is our own integer.
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
  return latestVersion(list);
}

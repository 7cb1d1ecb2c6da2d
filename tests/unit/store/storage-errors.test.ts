import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { storageCodeOf, toMinutaError } from '../../../src/main/store/storageErrors';
import { createDispatch } from '../../../src/main/ipc/dispatch';
import { methods, type Handlers } from '../../../src/shared/ipc/contract';
import { MinutaError } from '../../../src/shared/errors';
import { tempDir } from '../../support/temp';

/** The one mapping of SQLite and filesystem failures to the error model, with real errors where cheap. */
let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir('minuta-errors-');
});
afterEach(() => tmp.cleanup());

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('did not throw');
}

describe('storage errors', () => {
  it('maps real SQLite errors by their primary code', () => {
    const garbage = join(tmp.dir, 'garbage.sqlite');
    writeFileSync(garbage, 'this is not a database, just words '.repeat(200));
    const notADb = thrown(() => new Database(garbage).pragma('journal_mode = WAL'));
    expect((notADb as { code: string }).code).toBe('SQLITE_NOTADB');
    expect(storageCodeOf(notADb)).toBe('corrupt');
    expect(toMinutaError(notADb).message).toMatch(/not a Minuta database/);

    const file = join(tmp.dir, 'ro.sqlite');
    new Database(file).exec('CREATE TABLE t (x)');
    const ro = new Database(file, { readonly: true });
    const readOnly = thrown(() => ro.exec('INSERT INTO t VALUES (1)'));
    ro.close();
    expect(storageCodeOf(readOnly)).toBe('read-only');

    const constraint = thrown(() => {
      const db = new Database(':memory:');
      db.exec('CREATE TABLE u (x UNIQUE); INSERT INTO u VALUES (1); INSERT INTO u VALUES (1)');
    });
    // A constraint violation is our bug, not a storage fault: it stays internal.
    expect(storageCodeOf(constraint)).toBeUndefined();
    expect(toMinutaError(constraint).code).toBe('internal');
  });

  it.each([
    ['SQLITE_FULL', 'disk-full'],
    ['SQLITE_IOERR_WRITE', undefined],
    ['SQLITE_READONLY_DBMOVED', 'read-only'],
    ['SQLITE_BUSY', 'locked'],
    ['SQLITE_BUSY_SNAPSHOT', 'locked'],
    ['SQLITE_LOCKED_SHAREDCACHE', 'locked'],
    ['SQLITE_CORRUPT_INDEX', 'corrupt'],
    ['ENOSPC', 'disk-full'],
    ['EDQUOT', 'disk-full'],
    ['EROFS', 'read-only'],
    ['EACCES', 'read-only'],
    ['ENOENT', undefined],
  ])('%s → %s', (code, expected) => {
    expect(storageCodeOf(Object.assign(new Error('x'), { code }))).toBe(expected);
  });

  it('reaches the IPC envelope through dispatch: a SqliteError SQLITE_FULL from a handler is disk-full', async () => {
    const sqliteFull = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    const handlers = Object.fromEntries(methods.map((m) => [m, () => { throw sqliteFull; }])) as unknown as Handlers;
    const logged: unknown[] = [];
    const result = await createDispatch(handlers, (e) => logged.push(e))('listMeetings', undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'disk-full' } });
    if (!result.ok) expect(result.error.message).toMatch(/^listMeetings failed: The disk is full/);
    // A MinutaError keeps its code; anything else is internal and logged.
    handlers.listMeetings = () => {
      throw new MinutaError('conflict', 'changed elsewhere');
    };
    expect(await createDispatch(handlers)('listMeetings', undefined)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    handlers.listMeetings = () => {
      throw new TypeError('x is undefined');
    };
    expect(await createDispatch(handlers, (e) => logged.push(e))('listMeetings', undefined)).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(logged).toHaveLength(1);
  });
});

import { afterEach, beforeEach, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../../src/main/store/db';
import { createMeetingStore } from '../../../src/main/store/meetings';
import { startServices } from '../../../src/main/services/startup';
import { loadFixture, tempDir } from '../../support/temp';

/**
 * Damage below the records: a b-tree page whose header is garbage. The file still opens (the schema on
 * page 1 is intact), so only SQLite's quick_check at start can tell (it throws SQLITE_CORRUPT on this
 * damage; damage it reports as rows instead goes through the same screen, see startServices). The app must not serve from it:
 * it starts on the startup error screen ("damaged: restore the backup"), and changes no page of the file.
 */
let tmp: ReturnType<typeof tempDir>;
let file: string;
beforeEach(() => {
  tmp = tempDir('minuta-startup-check-');
  file = join(tmp.dir, 'minuta.sqlite');
  const db = openDatabase(file);
  const store = createMeetingStore(db);
  store.create(loadFixture(2018), 'ana');
  store.create(loadFixture(2019), 'ana');
  store.flushIndex();
  db.pragma('journal_mode = DELETE'); // everything in the main file, no WAL beside it
  db.close();
});
afterEach(() => tmp.cleanup());

it('a database whose pages fail quick_check starts on the damaged screen, and no page of the file changes', () => {
  // A leaf page of the block records (dbstat names each table's pages): nothing reads it at start.
  const stat = new Database(file, { readonly: true });
  const page = stat.prepare("SELECT pageno FROM dbstat WHERE name = 'block_records' AND pagetype = 'leaf' ORDER BY pageno DESC LIMIT 1").pluck().get() as number;
  stat.close();
  const bytes = readFileSync(file);
  const pageSize = bytes.readUInt16BE(16);
  bytes.fill(0xff, (page - 1) * pageSize, (page - 1) * pageSize + 12); // its b-tree header: garbage
  writeFileSync(file, bytes);
  const check = new Database(file, { readonly: true });
  expect(check.pragma('quick_check', { simple: true })).not.toBe('ok');
  check.close();
  // Opening switches the journal to WAL (two bytes of the 100-byte file header); nothing else may change.
  const pages = () => createHash('sha256').update(readFileSync(file).subarray(100)).digest('hex');
  const before = pages();

  const startup = startServices({ databasePath: file, version: 'test', author: 'ana' });
  expect(startup.ok).toBe(false);
  expect(startup.state).toMatchObject({ status: 'failed', problem: 'damaged' });
  expect(pages()).toBe(before);
});

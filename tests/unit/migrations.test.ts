import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { latestVersion, migrate, migrations, NewerDatabaseError } from '../../src/main/store/migrations';
import { openDatabase } from '../../src/main/store/db';

const dirs: string[] = [];
function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'minuta-mig-'));
  dirs.push(dir);
  return join(dir, 'minuta.sqlite');
}
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});

describe('migrations', () => {
  it('are numbered 1..n without gaps', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });

  it('001 creates a STRICT meetings table and records user_version 1', () => {
    const db = new Database(tempFile());
    migrate(db, migrations.slice(0, 1));
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    const sql = (db.prepare("SELECT sql FROM sqlite_master WHERE name = 'meetings'").get() as { sql: string }).sql;
    expect(sql).toMatch(/STRICT/);
    // STRICT means a wrong type is refused by SQLite itself.
    expect(() =>
      db.prepare("INSERT INTO meetings VALUES ('a', 'b', 'c', 'd', ?)").run(Buffer.from('x')),
    ).toThrow(/cannot store BLOB/);
    db.close();
  });

  it('openDatabase sets WAL and foreign keys and migrates to the latest version', () => {
    const db = openDatabase(tempFile());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion());
    db.close();
  });

  it('refuses a database from a newer Minuta, with a clear message, and leaves it unchanged', () => {
    const file = tempFile();
    const db = new Database(file);
    db.pragma(`user_version = ${latestVersion() + 1}`);
    db.close();
    expect(() => openDatabase(file)).toThrow(NewerDatabaseError);
    expect(() => openDatabase(file)).toThrow(/newer Minuta/);
    const check = new Database(file);
    expect(check.pragma('user_version', { simple: true })).toBe(latestVersion() + 1);
    expect(check.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'meetings'").get()).toEqual({ n: 0 });
    check.close();
  });

  it('rolls back a failing migration whole, keeping the previous version', () => {
    const db = new Database(tempFile());
    const broken = [
      ...migrations,
      {
        version: migrations.length + 1,
        name: 'broken',
        up(d: Database.Database) {
          d.exec('CREATE TABLE half_done (x TEXT) STRICT');
          d.exec('THIS IS NOT SQL');
        },
      },
    ];
    expect(() => migrate(db, broken)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion());
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half_done'").get()).toEqual({ n: 0 });
    db.close();
  });
});

describe('migration 002 (search)', () => {
  it('adds an FTS5 index on top of version 1, keeping existing meetings', () => {
    const db = new Database(tempFile());
    migrate(db, migrations.slice(0, 1));
    db.prepare("INSERT INTO meetings VALUES ('m_1', 'Kept', '2019-10-30', 'x', 'x')").run();
    migrate(db, migrations.slice(0, 2));
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    const row = db.prepare("INSERT INTO search_blocks (meeting_id, block_id) VALUES ('m_1', 'b')").run().lastInsertRowid;
    db.prepare('INSERT INTO search_index (rowid, text) VALUES (?, ?)').run(row, 'pink card holders');
    const find = db.prepare(
      "SELECT b.meeting_id FROM search_index JOIN search_blocks b ON b.id = search_index.rowid WHERE search_index MATCH 'card'",
    );
    expect(find.all()).toEqual([{ meeting_id: 'm_1' }]);
    // Forgetting a block forgets its text.
    db.prepare("DELETE FROM search_blocks WHERE meeting_id = 'm_1'").run();
    expect(db.prepare('SELECT count(*) AS n FROM search_index').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT title FROM meetings').all()).toEqual([{ title: 'Kept' }]);
    // The list of blocks the index has yet to catch up with goes with its meeting.
    db.pragma('foreign_keys = ON');
    db.prepare("INSERT INTO search_pending VALUES ('m_1', 'b')").run();
    db.prepare("DELETE FROM meetings WHERE id = 'm_1'").run();
    expect(db.prepare('SELECT count(*) AS n FROM search_pending').get()).toEqual({ n: 0 });
    db.close();
  });
});

describe('checkpoints', () => {
  it('are kept off the save path and done by the idle timer', async () => {
    const { startCheckpoints } = await import('../../src/main/store/db');
    const file = tempFile();
    const db = openDatabase(file);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    db.exec("CREATE TABLE t (x TEXT) STRICT");
    for (let i = 0; i < 200; i++) db.prepare('INSERT INTO t VALUES (?)').run('x'.repeat(4000));
    const { statSync } = await import('node:fs');
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(4000 * 200);
    const stop = startCheckpoints(db, { intervalMs: 10 });
    await new Promise((r) => setTimeout(r, 100));
    stop();
    // Once the timer has checkpointed, the next write starts the WAL over from its beginning: the log
    // then holds a frame or two instead of the hundreds written above.
    db.prepare('INSERT INTO t VALUES (?)').run('y');
    const [result] = db.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number }>;
    expect(result!.log).toBeLessThan(10);
    db.close();
  });
});

describe('migration 003 (block records)', () => {
  it('converts every revision of a version-2 database into records, manifests and digests, keeping names and search', async () => {
    const { createMeetingStore } = await import('../../src/main/store/meetings');
    const { checkDatabase } = await import('../../src/main/store/integrity');
    const { canonicalJson } = await import('../../src/shared/canonicalJson');
    const { loadFixture } = await import('../support/temp');
    const { plain } = await import('../../src/shared/minutes');
    const file = tempFile();
    const db = new Database(file);
    db.pragma('foreign_keys = ON');
    migrate(db, migrations.slice(0, 2));
    // Version 2 as it was written: whole documents per revision.
    const m = loadFixture(2018);
    const drafts = [m, { ...m, titleBlock: { ...m.titleBlock, title: plain('Second draft') } }, { ...m, body: m.body.slice(1) }];
    db.prepare("INSERT INTO meetings VALUES (?, 'Kept', '2018-05-24', 'x', 'x')").run(m.id);
    const insert = db.prepare(
      "INSERT INTO revisions (meeting_id, author, origin, started_at, saved_at, saves, changed, document) VALUES (?, 'ana', ?, 'x', 'y', 1, '[]', ?)",
    );
    const ids = drafts.map((d, i) => Number(insert.run(m.id, i === 0 ? 'create' : 'save', JSON.stringify(d)).lastInsertRowid));
    db.prepare("INSERT INTO named_versions (meeting_id, revision_id, name, created_by, created_at) VALUES (?, ?, 'Draft 1', 'ana', 'z')").run(m.id, ids[1]);
    db.prepare("INSERT INTO search_blocks (meeting_id, block_id) VALUES (?, 'old')").run(m.id);

    migrate(db);
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion());
    expect(db.prepare('SELECT seq FROM meetings').pluck().get()).toBe(0);
    const store = createMeetingStore(db);
    drafts.forEach((draft, i) => expect(canonicalJson(store.revision(m.id, ids[i]!)), `revision ${ids[i]}`).toBe(canonicalJson(draft)));
    // Records are shared between revisions: far fewer rows than blocks × revisions.
    const records = db.prepare('SELECT count(*) FROM block_records').pluck().get() as number;
    const perRevision = Object.keys(JSON.parse(db.prepare('SELECT manifest FROM revisions WHERE id = ?').pluck().get(ids[0]) as string) as object).length;
    expect(records).toBe(perRevision);
    expect(store.namedVersions(m.id)).toMatchObject([{ name: 'Draft 1', revisionId: ids[1] }]);
    expect(() => db.prepare('DELETE FROM named_versions').run()).toThrow(/cannot be removed/);
    expect(store.search('pink card').map((h) => h.id)).toEqual([m.id]);
    expect(checkDatabase(db).problems).toEqual([]);
    expect(store.get(m.id)!.seq).toBe(0);
    db.close();
  });
});

describe('migration 004 (workflow, audit log, seals, corrigenda, attachments)', () => {
  it('adds its tables on top of version 3, keeping meetings (every one in Draft) and their history', async () => {
    const { createMeetingStore } = await import('../../src/main/store/meetings');
    const { loadFixture } = await import('../support/temp');
    const file = tempFile();
    const db = new Database(file);
    db.pragma('foreign_keys = ON');
    migrate(db, migrations.slice(0, 3));
    // A version-3 store without the workflow tables: write through raw SQL as version 3 did.
    const m = loadFixture(2018);
    const { splitMeeting } = await import('../../src/shared/minutes');
    const { canonicalJson } = await import('../../src/shared/canonicalJson');
    const { manifestText, revisionDigest, sha256 } = await import('../../src/main/store/hashes');
    db.prepare("INSERT INTO meetings VALUES (?, 'Kept', '2018-05-24', 'x', 'x', 1)").run(m.id);
    const split = splitMeeting(m);
    const manifest = new Map<string, string>();
    for (const [blockId, record] of split.blocks) {
      const json = canonicalJson(record);
      manifest.set(blockId, sha256(json));
      db.prepare('INSERT OR IGNORE INTO block_records VALUES (?, ?, ?)').run(m.id, sha256(json), json);
    }
    const head = canonicalJson(split.head);
    const body = canonicalJson(split.body);
    const man = manifestText(manifest);
    db.prepare("INSERT INTO revisions (meeting_id, author, origin, started_at, saved_at, saves, changed, head, body, manifest, digest) VALUES (?, 'ana', 'create', 'x', 'x', 1, '[]', ?, ?, ?, ?)").run(
      m.id, head, body, man, revisionDigest(head, body, man),
    );
    migrate(db, migrations.slice(0, 4));
    expect(db.pragma('user_version', { simple: true })).toBe(4);
    for (const table of ['meeting_states', 'audit_log', 'corrigenda', 'attachments']) {
      const sql = db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').pluck().get(table) as string;
      expect(sql, table).toMatch(/STRICT/);
    }
    migrate(db); // the store of today reads the later migrations' columns too
    const store = createMeetingStore(db);
    expect(store.list()).toMatchObject([{ id: m.id, state: 'draft' }]);
    expect(store.workflow.status(m.id)).toMatchObject({ state: 'draft', chain: { length: 0 } });
    store.workflow.transition(m.id, 'submit', 'ana');
    expect(store.audit.verify(m.id)).toMatchObject({ ok: true, length: 1 });
    db.close();
  });
});

describe('migration 005 (trash and archive)', () => {
  it('adds the trash and archive columns on top of version 4, keeping meetings in the home list', () => {
    const db = new Database(tempFile());
    db.pragma('foreign_keys = ON');
    migrate(db, migrations.slice(0, 4));
    db.prepare("INSERT INTO meetings (id, title, starts_on, created_at, updated_at, seq) VALUES ('m_1', 'Kept', '2019-10-30', 'x', 'x', 1)").run();
    migrate(db, migrations.slice(0, 5));
    expect(db.pragma('user_version', { simple: true })).toBe(5);
    expect(db.prepare('SELECT title, deleted_at, deleted_by, archived_at FROM meetings').get()).toEqual({
      title: 'Kept',
      deleted_at: null,
      deleted_by: null,
      archived_at: null,
    });
    // Who deleted goes with when: one without the other is refused by SQLite itself.
    expect(() => db.prepare("UPDATE meetings SET deleted_at = 'now' WHERE id = 'm_1'").run()).toThrow(/CHECK constraint/);
    expect(() => db.prepare("UPDATE meetings SET deleted_by = 'ana' WHERE id = 'm_1'").run()).toThrow(/CHECK constraint/);
    db.prepare("UPDATE meetings SET deleted_at = 'now', deleted_by = 'ana' WHERE id = 'm_1'").run();
    db.close();
  });
});

describe('migration 006 (comments)', () => {
  it('adds comment tables on top of version 5, keeping meetings, and protects every comment from change and deletion', async () => {
    const { createMeetingStore } = await import('../../src/main/store/meetings');
    const { loadFixture } = await import('../support/temp');
    const db = new Database(tempFile());
    db.pragma('foreign_keys = ON');
    migrate(db, migrations.slice(0, 5));
    // A meeting of version 5 (its row is enough: the store of today reads version 6's tables).
    db.prepare("INSERT INTO meetings (id, title, starts_on, created_at, updated_at, seq) VALUES ('m_kept', 'Kept', '2019-10-30', 'x', 'x', 1)").run();
    migrate(db, migrations.slice(0, 6));
    expect(db.pragma('user_version', { simple: true })).toBe(6);
    expect(db.prepare("SELECT title FROM meetings WHERE id = 'm_kept'").pluck().get()).toBe('Kept');
    // Today's store indexes into later versions' columns (008: search_blocks.decision).
    migrate(db);
    const m = loadFixture(2019);
    createMeetingStore(db).create(m, 'ana');
    for (const table of ['comment_threads', 'comments']) {
      const sql = db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').pluck().get(table) as string;
      expect(sql, table).toMatch(/STRICT/);
    }
    const store = createMeetingStore(db);
    expect(store.get(m.id)!.meeting.id).toBe(m.id);
    const thread = store.comments.add(m.id, { blockId: m.body[0]!.id }, 'First', 'ana');
    expect(() => db.prepare('UPDATE comments SET body = ?').run('rewritten')).toThrow(/never changes/);
    expect(() => db.prepare('DELETE FROM comments').run()).toThrow(/never deleted/);
    expect(() => db.prepare('DELETE FROM comment_threads').run()).toThrow(/never deleted/);
    expect(() => db.prepare("UPDATE comment_threads SET block_id = 'b_other'").run()).toThrow(/keeps its anchor/);
    expect(() => db.prepare('INSERT OR REPLACE INTO comments (id, thread_id, author, created_at, body) SELECT id, thread_id, author, created_at, ? FROM comments').run('x')).toThrow(/cannot be replaced/);
    expect(() =>
      db.prepare("INSERT INTO comment_threads (id, meeting_id, block_id, field_path) VALUES ('c_bad', ?, 'b', 'text')").run(m.id),
    ).toThrow(/CHECK/);
    expect(store.comments.list(m.id)).toEqual([thread]);
    // Deleting the meeting itself takes its comments with it.
    db.prepare('DELETE FROM meetings WHERE id = ?').run(m.id);
    expect(db.prepare('SELECT count(*) FROM comments').pluck().get()).toBe(0);
    db.close();
  });
});

describe('migration 007 (review suggestions)', () => {
  it('adds review imports and suggestions on top of version 6, keeping meetings, and protects what was proposed', async () => {
    const { createMeetingStore } = await import('../../src/main/store/meetings');
    const { loadFixture } = await import('../support/temp');
    const db = new Database(tempFile());
    db.pragma('foreign_keys = ON');
    migrate(db, migrations.slice(0, 6));
    db.prepare("INSERT INTO meetings (id, title, starts_on, created_at, updated_at, seq) VALUES ('m_kept', 'Kept', '2019-10-30', 'x', 'x', 1)").run();
    migrate(db, migrations.slice(0, 7));
    expect(db.pragma('user_version', { simple: true })).toBe(7);
    expect(db.prepare("SELECT title FROM meetings WHERE id = 'm_kept'").pluck().get()).toBe('Kept');
    for (const table of ['review_imports', 'suggestions']) {
      expect(db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').pluck().get(table) as string, table).toMatch(/STRICT/);
    }
    // The store of this build needs every later migration too.
    migrate(db, migrations);
    const store = createMeetingStore(db);
    const m = loadFixture(2019);
    const created = store.create(m, 'ana');
    const { suggestions } = store.suggestions.add(
      m.id,
      { meetingId: m.id, fileName: 'lao.docx', sha256: 'a'.repeat(64), baseRevision: created.revisionId, reviewer: 'Lao', importedBy: 'ana' },
      [{ author: 'Lao', tracked: true, change: { kind: 'unplaced', deleted: '', inserted: 'Note' } }],
    );
    expect(() => db.prepare("UPDATE suggestions SET author = 'someone else'").run()).toThrow(/keeps what it proposes/);
    expect(() => db.prepare("UPDATE review_imports SET file_name = 'x.docx'").run()).toThrow(/never changes/);
    expect(() => db.prepare('DELETE FROM suggestions').run()).toThrow(/never deleted/);
    expect(() => db.prepare("UPDATE suggestions SET status = 'maybe'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE suggestions SET change = 'not json'").run()).toThrow();
    db.prepare("UPDATE suggestions SET status = 'rejected', decided_by = 'ana', decided_at = 'now'").run();
    expect(() => db.prepare("UPDATE suggestions SET status = 'open', decided_by = NULL, decided_at = NULL").run()).toThrow(/never changes/);
    expect(store.suggestions.list(m.id)[0]).toMatchObject({ id: suggestions[0]!.id, status: 'rejected' });
    db.prepare('DELETE FROM meetings WHERE id = ?').run(m.id);
    expect(db.prepare('SELECT count(*) FROM review_imports').pluck().get()).toBe(0);
  });
});

describe('migration 008 (decisions tracker)', () => {
  it('adds follow-ups (append-only against any SQL), meeting links and matters arising on top of version 7', () => {
    const db = new Database(tempFile());
    db.pragma('foreign_keys = ON');
    migrate(db, migrations.slice(0, 7));
    db.prepare("INSERT INTO meetings (id, title, starts_on, created_at, updated_at, seq) VALUES ('m_kept', 'Kept', '2019-10-30', 'x', 'x', 1)").run();
    migrate(db, migrations.slice(0, 8));
    expect(db.pragma('user_version', { simple: true })).toBe(8);
    for (const table of ['meeting_links', 'follow_ups', 'matters_arising']) {
      expect(db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').pluck().get(table) as string, table).toMatch(/STRICT/);
    }
    const add = db.prepare("INSERT INTO follow_ups (meeting_id, object_id, status, note, author, at) VALUES ('m_kept', 'b_1', ?, 'n', 'ana', 't')");
    add.run('open');
    add.run('done');
    expect(() => add.run('closed')).toThrow(/CHECK/);
    // superseded needs what supersedes it, and only superseded may have one
    expect(() => add.run('superseded')).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE follow_ups SET status = 'open'").run()).toThrow(/never changed/);
    expect(() => db.prepare('DELETE FROM follow_ups').run()).toThrow(/cannot be removed/);
    expect(() => db.prepare("INSERT OR REPLACE INTO follow_ups (seq, meeting_id, object_id, status, note, author, at) VALUES (1, 'm_kept', 'b_1', 'open', 'x', 'x', 'x')").run()).toThrow(/never replaced/);
    expect(() => db.prepare("INSERT INTO meeting_links VALUES ('m_kept', 'm_kept', 't')").run()).toThrow(/CHECK/);
    // Deleting the meeting takes its follow-ups with it (emptying the trash).
    db.prepare("DELETE FROM meetings WHERE id = 'm_kept'").run();
    expect(db.prepare('SELECT count(*) FROM follow_ups').pluck().get()).toBe(0);
    db.close();
  });
});

import type Database from 'better-sqlite3';
import type { Migration } from './index';
import { canonicalJson } from '../../../shared/canonicalJson';
import { splitMeeting, type Meeting } from '../../../shared/minutes';
import { manifestText, revisionDigest, sha256 } from '../hashes';

/**
 * Content-addressed storage, immutability against any SQL, and a search row per block.
 *
 * - `block_records`: one row per distinct record of a meeting's blocks, keyed by (meeting, SHA-256 of
 *   its canonical JSON); never updated. A save of one edited block adds one row.
 * - `revisions` now holds the head JSON, the body ids, a manifest (block id → record hash) and the
 *   digest over the three (definition in ../hashes.ts) instead of the whole document.
 * - `meetings.seq`: the save sequence, +1 on every successful save; a save names the seq it started
 *   from and is refused when another window or process saved in between (conflict).
 * - Triggers make a pinned revision, its name, and every block record immune to UPDATE, DELETE,
 *   REPLACE / INSERT OR REPLACE and upserts, with foreign keys on or off. REPLACE deletes the old row
 *   without firing delete triggers (recursive_triggers is off), so each table's BEFORE INSERT trigger
 *   refuses a row whose key collides with a protected one. Only when the meeting row itself is gone may
 *   its revisions, names and records go (deleting a meeting; a trash, later).
 * - Search: one row per block (a container: its heading or title), rebuilt through search_pending.
 *
 * Every revision of every meeting is converted; a document that does not split into records (it was
 * valid when saved, so this means damage) fails the migration, which then changes nothing.
 */
export const migration003: Migration = {
  version: 3,
  name: '003-block-records',
  up(db) {
    db.exec(`
      ALTER TABLE meetings ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;

      CREATE TABLE block_records (
        meeting_id  TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
        hash        TEXT NOT NULL CHECK (length(hash) = 64),
        record      TEXT NOT NULL,
        PRIMARY KEY (meeting_id, hash)
      ) STRICT;

      CREATE TABLE revisions_v3 (
        id          INTEGER PRIMARY KEY,
        meeting_id  TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
        author      TEXT NOT NULL,
        -- 'create' (import, template, duplicate), 'save', or 'recover' (back to the last intact revision).
        origin      TEXT NOT NULL CHECK (origin IN ('create', 'save', 'recover')),
        started_at  TEXT NOT NULL,
        saved_at    TEXT NOT NULL,
        saves       INTEGER NOT NULL DEFAULT 1,
        changed     TEXT NOT NULL,
        head        TEXT NOT NULL,
        body        TEXT NOT NULL,
        manifest    TEXT NOT NULL,
        digest      TEXT NOT NULL CHECK (length(digest) = 64)
      ) STRICT;
    `);
    convertRevisions(db);
    db.exec(`
      CREATE TABLE named_versions_copy AS SELECT * FROM named_versions;
      DROP TRIGGER named_revision_is_immutable;
      -- The child first, so that dropping the parent leaves no foreign key pointing at it.
      DROP TABLE named_versions;
      DROP TABLE revisions;
      ALTER TABLE revisions_v3 RENAME TO revisions;
      CREATE INDEX revisions_by_meeting ON revisions (meeting_id, id);

      CREATE TABLE named_versions (
        id          INTEGER PRIMARY KEY,
        meeting_id  TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
        revision_id INTEGER NOT NULL REFERENCES revisions (id),
        name        TEXT NOT NULL,
        created_by  TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        UNIQUE (meeting_id, name)
      ) STRICT;
      INSERT INTO named_versions SELECT id, meeting_id, revision_id, name, created_by, created_at FROM named_versions_copy;
      DROP TABLE named_versions_copy;
      CREATE INDEX named_versions_by_revision ON named_versions (revision_id);

      -- ---------------------------------------------------------------- meetings
      -- A REPLACE would delete the meeting row (and cascade) for a moment; an id change would orphan
      -- its history. Neither is something Minuta does.
      CREATE TRIGGER meetings_no_replace BEFORE INSERT ON meetings
      WHEN EXISTS (SELECT 1 FROM meetings WHERE id = NEW.id)
      BEGIN SELECT RAISE(ABORT, 'a meeting with this id already exists and cannot be replaced'); END;

      CREATE TRIGGER meetings_keep_id BEFORE UPDATE OF id ON meetings
      WHEN NEW.id IS NOT OLD.id
      BEGIN SELECT RAISE(ABORT, 'a meeting id never changes'); END;

      -- ---------------------------------------------------------------- revisions
      CREATE TRIGGER revisions_pinned_no_update BEFORE UPDATE ON revisions
      WHEN NEW.id IS NOT OLD.id OR NEW.meeting_id IS NOT OLD.meeting_id
        OR EXISTS (SELECT 1 FROM named_versions WHERE revision_id = OLD.id)
      BEGIN SELECT RAISE(ABORT, 'revision is pinned by a named version and cannot change (and no revision changes its id or meeting)'); END;

      CREATE TRIGGER revisions_pinned_no_delete BEFORE DELETE ON revisions
      WHEN EXISTS (SELECT 1 FROM named_versions WHERE revision_id = OLD.id)
        AND EXISTS (SELECT 1 FROM meetings WHERE id = OLD.meeting_id)
      BEGIN SELECT RAISE(ABORT, 'revision is pinned by a named version and cannot be deleted'); END;

      CREATE TRIGGER revisions_pinned_no_replace BEFORE INSERT ON revisions
      WHEN EXISTS (SELECT 1 FROM named_versions WHERE revision_id = NEW.id)
      BEGIN SELECT RAISE(ABORT, 'revision is pinned by a named version and cannot be replaced'); END;

      -- ---------------------------------------------------------------- named versions
      CREATE TRIGGER named_versions_no_update BEFORE UPDATE ON named_versions
      BEGIN SELECT RAISE(ABORT, 'a named version never changes'); END;

      CREATE TRIGGER named_versions_no_delete BEFORE DELETE ON named_versions
      WHEN EXISTS (SELECT 1 FROM meetings WHERE id = OLD.meeting_id)
      BEGIN SELECT RAISE(ABORT, 'a named version cannot be removed while its meeting exists'); END;

      CREATE TRIGGER named_versions_no_replace BEFORE INSERT ON named_versions
      WHEN EXISTS (SELECT 1 FROM named_versions WHERE id = NEW.id OR (meeting_id = NEW.meeting_id AND name = NEW.name))
        OR NOT EXISTS (SELECT 1 FROM revisions WHERE id = NEW.revision_id AND meeting_id = NEW.meeting_id)
      BEGIN SELECT RAISE(ABORT, 'a version with this name already exists (or its revision is not of this meeting)'); END;

      -- ---------------------------------------------------------------- block records
      CREATE TRIGGER block_records_no_update BEFORE UPDATE ON block_records
      BEGIN SELECT RAISE(ABORT, 'a block record never changes'); END;

      CREATE TRIGGER block_records_no_delete BEFORE DELETE ON block_records
      WHEN EXISTS (SELECT 1 FROM meetings WHERE id = OLD.meeting_id)
      BEGIN SELECT RAISE(ABORT, 'a block record cannot be removed while its meeting exists'); END;

      CREATE TRIGGER block_records_no_replace BEFORE INSERT ON block_records
      WHEN EXISTS (SELECT 1 FROM block_records WHERE meeting_id = NEW.meeting_id AND hash = NEW.hash AND record IS NOT NEW.record)
      BEGIN SELECT RAISE(ABORT, 'a block record never changes'); END;

      -- Content-addressed: the same key is the same content, so storing it again is a no-op.
      CREATE TRIGGER block_records_store_once BEFORE INSERT ON block_records
      WHEN EXISTS (SELECT 1 FROM block_records WHERE meeting_id = NEW.meeting_id AND hash = NEW.hash AND record IS NEW.record)
      BEGIN SELECT RAISE(IGNORE); END;

      -- ---------------------------------------------------------------- search: one row per block
      DELETE FROM search_blocks;
      DELETE FROM search_pending;
    `);
    // Re-indexed through the durable pending list (the next search or idle flush catches up).
    const pending = db.prepare('INSERT OR IGNORE INTO search_pending (meeting_id, block_id) VALUES (?, ?)');
    for (const row of db
      .prepare('SELECT r.meeting_id AS meetingId, r.manifest FROM revisions r WHERE r.id = (SELECT max(id) FROM revisions WHERE meeting_id = r.meeting_id)')
      .all() as Array<{ meetingId: string; manifest: string }>) {
      pending.run(row.meetingId, '~head');
      for (const blockId of Object.keys(JSON.parse(row.manifest) as Record<string, string>)) pending.run(row.meetingId, blockId);
    }
  },
};

function convertRevisions(db: Database.Database) {
  const insertRecord = db.prepare('INSERT OR IGNORE INTO block_records (meeting_id, hash, record) VALUES (?, ?, ?)');
  const insertRevision = db.prepare(
    `INSERT INTO revisions_v3 (id, meeting_id, author, origin, started_at, saved_at, saves, changed, head, body, manifest, digest)
     VALUES (@id, @meeting_id, @author, @origin, @started_at, @saved_at, @saves, @changed, @head, @body, @manifest, @digest)`,
  );
  // In pages: better-sqlite3 cannot write while a read is still iterating, and a page bounds memory.
  const page = db.prepare('SELECT * FROM revisions WHERE id > ? ORDER BY id LIMIT 200');
  type Row = Record<string, unknown> & { id: number; document: string; meeting_id: string };
  for (let rows = page.all(0) as Row[]; rows.length > 0; rows = page.all(rows.at(-1)!.id) as Row[]) {
    for (const row of rows) convert(row);
  }
  function convert({ document, ...row }: Row) {
    const split = splitMeeting(JSON.parse(document) as Meeting);
    const manifest = new Map<string, string>();
    for (const [id, record] of split.blocks) {
      const json = canonicalJson(record);
      const hash = sha256(json);
      insertRecord.run(row.meeting_id, hash, json);
      manifest.set(id, hash);
    }
    const head = canonicalJson(split.head);
    const body = canonicalJson(split.body);
    const manifestJson = manifestText(manifest);
    insertRevision.run({ ...row, head, body, manifest: manifestJson, digest: revisionDigest(head, body, manifestJson) });
  }
}

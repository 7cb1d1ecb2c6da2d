import type { Migration } from './index';

/**
 * Meetings and their history. The head document (what the editor opens) is the meeting's latest
 * revision: each save writes the document once, which keeps an autosave cheap. A named version pins a revision:
 * the trigger makes that revision immutable at the storage level, whatever the code above does.
 */
export const migration001: Migration = {
  version: 1,
  name: '001-meetings',
  up(db) {
    db.exec(`
      CREATE TABLE meetings (
        id          TEXT PRIMARY KEY,
        title       TEXT NOT NULL,
        starts_on   TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX meetings_by_date ON meetings (starts_on DESC, title);

      CREATE TABLE revisions (
        id          INTEGER PRIMARY KEY,
        meeting_id  TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
        author      TEXT NOT NULL,
        -- 'create' (import, template, duplicate) or 'save'; a creation is never folded into.
        origin      TEXT NOT NULL CHECK (origin IN ('create', 'save')),
        started_at  TEXT NOT NULL,
        saved_at    TEXT NOT NULL,
        saves       INTEGER NOT NULL DEFAULT 1,
        changed     TEXT NOT NULL,
        document    TEXT NOT NULL
      ) STRICT;
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

      CREATE TRIGGER named_revision_is_immutable
      BEFORE UPDATE ON revisions
      WHEN EXISTS (SELECT 1 FROM named_versions WHERE revision_id = OLD.id)
      BEGIN
        SELECT RAISE(ABORT, 'revision is pinned by a named version and cannot change');
      END;
    `);
  },
};

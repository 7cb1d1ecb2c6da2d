import type { Migration } from './index';

/**
 * Comment threads (src/shared/review/comments.ts): a thread anchored on a block or on a range of text
 * inside one of its fields, its comments (the first opens it, the rest are replies), and who last
 * resolved or reopened it. Anchors are ids and offsets, not foreign keys: a comment whose block is
 * deleted is kept and shown as detached.
 *
 * Comments are never lost: a comment's text, author and time never change, and neither a comment nor
 * a thread can be deleted while its meeting exists (deleting the meeting takes them with it).
 */
export const migration006: Migration = {
  version: 6,
  name: '006-comments',
  up(db) {
    db.exec(`
      CREATE TABLE comment_threads (
        id           TEXT PRIMARY KEY,
        meeting_id   TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
        block_id     TEXT NOT NULL,
        -- A range anchor: the field's path in the block, UTF-16 offsets and the quoted text; all NULL
        -- for a block anchor.
        field_path   TEXT,
        start_offset INTEGER,
        end_offset   INTEGER,
        quote        TEXT,
        resolved     INTEGER CHECK (resolved IN (0, 1)),
        resolved_by  TEXT,
        resolved_at  TEXT,
        CHECK ((field_path IS NULL AND start_offset IS NULL AND end_offset IS NULL AND quote IS NULL)
            OR (field_path IS NOT NULL AND start_offset >= 0 AND end_offset > start_offset AND quote IS NOT NULL)),
        CHECK ((resolved IS NULL) = (resolved_by IS NULL) AND (resolved IS NULL) = (resolved_at IS NULL))
      ) STRICT;
      CREATE INDEX comment_threads_by_meeting ON comment_threads (meeting_id);

      CREATE TABLE comments (
        seq        INTEGER PRIMARY KEY,
        id         TEXT NOT NULL UNIQUE,
        thread_id  TEXT NOT NULL REFERENCES comment_threads (id) ON DELETE CASCADE,
        author     TEXT NOT NULL,
        created_at TEXT NOT NULL,
        body       TEXT NOT NULL
      ) STRICT;
      CREATE INDEX comments_by_thread ON comments (thread_id, seq);

      CREATE TRIGGER comments_never_change BEFORE UPDATE ON comments
      BEGIN SELECT RAISE(ABORT, 'a comment never changes'); END;

      CREATE TRIGGER comments_never_deleted BEFORE DELETE ON comments
      WHEN EXISTS (SELECT 1 FROM comment_threads t JOIN meetings m ON m.id = t.meeting_id WHERE t.id = OLD.thread_id)
      BEGIN SELECT RAISE(ABORT, 'a comment is never deleted while its meeting exists'); END;

      CREATE TRIGGER comments_no_replace BEFORE INSERT ON comments
      WHEN EXISTS (SELECT 1 FROM comments WHERE id = NEW.id OR seq = NEW.seq)
      BEGIN SELECT RAISE(ABORT, 'a comment with this id already exists and cannot be replaced'); END;

      CREATE TRIGGER comment_threads_never_deleted BEFORE DELETE ON comment_threads
      WHEN EXISTS (SELECT 1 FROM meetings WHERE id = OLD.meeting_id)
      BEGIN SELECT RAISE(ABORT, 'a comment thread is never deleted while its meeting exists'); END;

      CREATE TRIGGER comment_threads_no_replace BEFORE INSERT ON comment_threads
      WHEN EXISTS (SELECT 1 FROM comment_threads WHERE id = NEW.id)
      BEGIN SELECT RAISE(ABORT, 'a comment thread with this id already exists and cannot be replaced'); END;

      -- Only the resolved state moves; the anchor, the meeting and the id are fixed.
      CREATE TRIGGER comment_threads_keep_anchor BEFORE UPDATE ON comment_threads
      WHEN NEW.id IS NOT OLD.id OR NEW.meeting_id IS NOT OLD.meeting_id OR NEW.block_id IS NOT OLD.block_id
        OR NEW.field_path IS NOT OLD.field_path OR NEW.start_offset IS NOT OLD.start_offset
        OR NEW.end_offset IS NOT OLD.end_offset OR NEW.quote IS NOT OLD.quote
      BEGIN SELECT RAISE(ABORT, 'a comment thread keeps its anchor'); END;
    `);
  },
};

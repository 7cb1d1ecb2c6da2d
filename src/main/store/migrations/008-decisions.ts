import type { Migration } from './index';

/** Marks every block of every meeting's head, and every head, for the indexer (the search bench times the catch-up). */
export const REINDEX_EVERYTHING = `
  INSERT OR IGNORE INTO search_pending (meeting_id, block_id)
    SELECT r.meeting_id, j.key
    FROM revisions r
    JOIN (SELECT meeting_id, max(id) AS id FROM revisions GROUP BY meeting_id) h ON h.id = r.id,
         json_each(r.manifest) j;
  INSERT OR IGNORE INTO search_pending (meeting_id, block_id) SELECT id, '~head' FROM meetings;`;

/**
 * The decisions tracker (src/shared/decisions/) and search that reads prose only.
 *
 * - `meeting_links`: which meeting a meeting was made from by "Next meeting…": a series is the chain
 *   of these links. The previous meeting is not a foreign key, so a series keeps its shape when an
 *   earlier meeting is emptied from the trash.
 * - `follow_ups`: the follow-up of a decision (a meeting's agreement, recommendation or decision, by
 *   its object id: the item's or block's id, stable across revisions). Rows are appended, never
 *   updated or deleted while their meeting exists: the latest row is the status, the others its
 *   history. `at_meeting_id` is the meeting at which it was followed up (its matters arising), if any.
 * - `matters_arising`: the items of a new meeting's "matters arising" list, each pointing at the
 *   decision of an earlier meeting it carries, so a follow-up made there lands on that decision.
 * - `search_blocks.decision`: the block holds decisions (holdsDecisions), for "search decisions only".
 * - Search: what is indexed is now derived from the schema (src/shared/minutes/prose.ts), which
 *   drops model values ("decimal", "none", dates…). Every block of every meeting's head, and every
 *   head, is marked pending, so the existing index is rewritten by the ordinary indexer (before the
 *   first search, or when idle) from verified heads, not here.
 */
export const migration008: Migration = {
  version: 8,
  name: '008-decisions',
  up(db) {
    db.exec(`
      CREATE TABLE meeting_links (
        meeting_id  TEXT PRIMARY KEY REFERENCES meetings (id) ON DELETE CASCADE,
        follows_id  TEXT NOT NULL CHECK (follows_id <> meeting_id),
        created_at  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX meeting_links_by_follows ON meeting_links (follows_id);

      CREATE TABLE follow_ups (
        seq                     INTEGER PRIMARY KEY,
        meeting_id              TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
        object_id               TEXT NOT NULL,
        status                  TEXT NOT NULL CHECK (status IN ('open', 'in-progress', 'done', 'superseded')),
        superseded_by_meeting   TEXT,
        superseded_by_object    TEXT,
        note                    TEXT NOT NULL,
        author                  TEXT NOT NULL,
        at                      TEXT NOT NULL,
        at_meeting_id           TEXT,
        CHECK ((status = 'superseded') = (superseded_by_meeting IS NOT NULL AND superseded_by_object IS NOT NULL)),
        CHECK (superseded_by_meeting IS NULL OR status = 'superseded')
      ) STRICT;
      CREATE INDEX follow_ups_by_decision ON follow_ups (meeting_id, object_id, seq);

      CREATE TRIGGER follow_ups_no_update BEFORE UPDATE ON follow_ups
      BEGIN SELECT RAISE(ABORT, 'a follow-up is never changed: append a new one'); END;

      CREATE TRIGGER follow_ups_no_delete BEFORE DELETE ON follow_ups
      WHEN EXISTS (SELECT 1 FROM meetings WHERE id = OLD.meeting_id)
      BEGIN SELECT RAISE(ABORT, 'a follow-up cannot be removed while its meeting exists'); END;

      CREATE TRIGGER follow_ups_no_replace BEFORE INSERT ON follow_ups
      WHEN EXISTS (SELECT 1 FROM follow_ups WHERE seq = NEW.seq)
      BEGIN SELECT RAISE(ABORT, 'a follow-up is never replaced'); END;

      CREATE TABLE matters_arising (
        meeting_id       TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
        item_id          TEXT NOT NULL,
        from_meeting_id  TEXT NOT NULL,
        from_object_id   TEXT NOT NULL,
        PRIMARY KEY (meeting_id, item_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX matters_arising_by_decision ON matters_arising (from_meeting_id, from_object_id);
      ALTER TABLE search_blocks ADD COLUMN decision INTEGER NOT NULL DEFAULT 0 CHECK (decision IN (0, 1));
      CREATE INDEX search_blocks_decisions ON search_blocks (meeting_id) WHERE decision = 1;
      ${REINDEX_EVERYTHING}
    `);
  },
};

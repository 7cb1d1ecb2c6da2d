import type { Migration } from './index';

/**
 * Full-text search over every meeting, one row per top-level block (plus one for the title block), so
 * that an autosave re-indexes only the blocks it changed and a hit can point at its block.
 *
 * The FTS table holds only text; `search_blocks` maps (meeting, block) to its rowid through a real
 * index. (An UNINDEXED meeting_id column inside FTS5 would make every "delete this block's row" a
 * scan of the whole index: quadratic over thousands of meetings.) remove_diacritics folds accents.
 *
 * `search_pending` lists the blocks an autosave changed and the index has not caught up with yet:
 * re-indexing (tokenising, FTS segment merges) is the slowest part of a save, so it happens on an idle
 * timer and before every search instead, and a search never sees stale text. It is written in the
 * save's own transaction, so a crash cannot lose an update of the index either.
 */
export const migration002: Migration = {
  version: 2,
  name: '002-search',
  up(db) {
    db.exec(`
      CREATE TABLE search_blocks (
        id          INTEGER PRIMARY KEY,
        meeting_id  TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
        block_id    TEXT NOT NULL,
        UNIQUE (meeting_id, block_id)
      ) STRICT;

      CREATE VIRTUAL TABLE search_index USING fts5 (
        text,
        tokenize = 'unicode61 remove_diacritics 2'
      );

      CREATE TABLE search_pending (
        meeting_id  TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
        block_id    TEXT NOT NULL,
        PRIMARY KEY (meeting_id, block_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TRIGGER search_blocks_forget AFTER DELETE ON search_blocks
      BEGIN
        DELETE FROM search_index WHERE rowid = OLD.id;
      END;
    `);
  },
};

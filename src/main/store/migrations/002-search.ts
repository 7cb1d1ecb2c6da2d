import type { Migration } from './index';

/**
 * Full-text search over every meeting, one row per top-level block (plus one for the title block), so
 * that an autosave re-indexes only the blocks it changed and a hit can point at its block.
 * remove_diacritics folds accents so that "Sokha" finds "Sókha".
 */
export const migration002: Migration = {
  version: 2,
  name: '002-search',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE search_index USING fts5 (
        meeting_id UNINDEXED,
        block_id UNINDEXED,
        text,
        tokenize = 'unicode61 remove_diacritics 2'
      );
    `);
  },
};

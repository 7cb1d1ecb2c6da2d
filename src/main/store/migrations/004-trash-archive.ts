import type { Migration } from './index';

/**
 * The trash and the archive, as three columns on the meeting row (nothing is copied or moved):
 * - `deleted_at` / `deleted_by`: the meeting is in the trash (restorable: its history is untouched).
 *   Only "Empty trash" deletes the row, which is the one way the triggers of 003 let its revisions,
 *   named versions and block records go with it.
 * - `archived_at`: kept out of the home list, still searchable and openable.
 * A trashed meeting keeps its search rows (so a restore needs no re-indexing and `minuta check` still
 * compares the index with every head); search filters it out.
 */
export const migration004: Migration = {
  version: 4,
  name: '004-trash-archive',
  up(db) {
    db.exec(`
      ALTER TABLE meetings ADD COLUMN deleted_at TEXT;
      ALTER TABLE meetings ADD COLUMN deleted_by TEXT CHECK ((deleted_by IS NULL) = (deleted_at IS NULL));
      ALTER TABLE meetings ADD COLUMN archived_at TEXT;
      CREATE INDEX meetings_in_trash ON meetings (deleted_at) WHERE deleted_at IS NOT NULL;
    `);
  },
};

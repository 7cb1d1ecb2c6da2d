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
export const migration005: Migration = {
  version: 5,
  name: '005-trash-archive',
  up(db) {
    db.exec(`
      ALTER TABLE meetings ADD COLUMN deleted_at TEXT;
      ALTER TABLE meetings ADD COLUMN deleted_by TEXT CHECK ((deleted_by IS NULL) = (deleted_at IS NULL));
      ALTER TABLE meetings ADD COLUMN archived_at TEXT;
      CREATE INDEX meetings_in_trash ON meetings (deleted_at) WHERE deleted_at IS NOT NULL;

      -- A sealed meeting may be archived (and brought back): the archive is where old sealed minutes
      -- belong, and archived_at is not part of the record. Every other column stays guarded, the
      -- trash included (a sealed record is never deleted). A column added later must be listed here.
      DROP TRIGGER sealed_meeting_no_update;
      CREATE TRIGGER sealed_meeting_no_update BEFORE UPDATE ON meetings
      WHEN EXISTS (SELECT 1 FROM meeting_states WHERE meeting_id = OLD.id AND state = 'sealed')
        AND NOT (NEW.id IS OLD.id AND NEW.title IS OLD.title AND NEW.starts_on IS OLD.starts_on
                 AND NEW.created_at IS OLD.created_at AND NEW.updated_at IS OLD.updated_at AND NEW.seq IS OLD.seq
                 AND NEW.deleted_at IS OLD.deleted_at AND NEW.deleted_by IS OLD.deleted_by)
      BEGIN SELECT RAISE(ABORT, 'the meeting is sealed: its record cannot change (make a corrigendum)'); END;
    `);
  },
};

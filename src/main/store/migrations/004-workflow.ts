import type { Migration } from './index';

/**
 * The sign-off workflow (src/shared/workflow/states.ts), the audit log, sealing, corrigenda and scans.
 *
 * - `meeting_states`: one row per meeting that left Draft (no row: Draft). `revision_id` is the
 *   approved or sealed revision, pinned by the named version `version_name`.
 * - `audit_log`: per meeting an append-only hash chain, entry `seq` 1, 2, …:
 *   `hash = SHA-256(prev_hash ‖ canonical JSON of the entry)` (src/main/store/audit.ts). Triggers
 *   refuse UPDATE, DELETE (while the meeting exists), REPLACE / upsert, and any insert that is not
 *   the next entry of its chain (seq = last + 1, prev_hash = the last hash).
 * - Sealed: triggers refuse any new, changed or removed revision of a sealed meeting, any change to
 *   its meetings row (so its head, seq and title stay), deleting it, and any change to its state row.
 *   Its named versions and block records are already immutable (migration 003).
 * - `corrigenda`: a meeting that corrects a sealed one (the link itself is immutable).
 * - `attachments`: scanned wet-ink copies (and signed files) as BLOBs, so a backup holds them; never
 *   changed or removed while the meeting exists.
 *
 * Each trigger is needed; tests/unit/workflow/seal-triggers.test.ts drops each and watches its form
 * go through. REPLACE deletes the old row without firing delete triggers (recursive_triggers is off),
 * hence a BEFORE INSERT trigger per table against key collisions.
 */
export const migration004: Migration = {
  version: 4,
  name: '004-workflow',
  up(db) {
    db.exec(`
      CREATE TABLE meeting_states (
        meeting_id   TEXT PRIMARY KEY REFERENCES meetings (id) ON DELETE CASCADE,
        state        TEXT NOT NULL CHECK (state IN ('draft', 'in-review', 'approved', 'sealed')),
        revision_id  INTEGER REFERENCES revisions (id),
        version_name TEXT,
        changed_by   TEXT NOT NULL,
        changed_at   TEXT NOT NULL
      ) STRICT;

      CREATE TABLE audit_log (
        meeting_id  TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
        seq         INTEGER NOT NULL CHECK (seq >= 1),
        at          TEXT NOT NULL,
        actor       TEXT NOT NULL,
        action      TEXT NOT NULL,
        details     TEXT NOT NULL,
        prev_hash   TEXT NOT NULL CHECK (length(prev_hash) = 64),
        hash        TEXT NOT NULL CHECK (length(hash) = 64),
        PRIMARY KEY (meeting_id, seq)
      ) STRICT;

      CREATE TABLE corrigenda (
        meeting_id  TEXT PRIMARY KEY REFERENCES meetings (id) ON DELETE CASCADE,
        corrects    TEXT NOT NULL REFERENCES meetings (id),
        created_by  TEXT NOT NULL,
        created_at  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX corrigenda_by_sealed ON corrigenda (corrects);

      CREATE TABLE attachments (
        id          INTEGER PRIMARY KEY,
        meeting_id  TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
        revision_id INTEGER NOT NULL REFERENCES revisions (id),
        kind        TEXT NOT NULL CHECK (kind IN ('scan', 'signed-copy')),
        name        TEXT NOT NULL,
        media_type  TEXT NOT NULL CHECK (media_type IN ('application/pdf', 'image/png', 'image/jpeg')),
        size        INTEGER NOT NULL CHECK (size > 0),
        sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
        bytes       BLOB NOT NULL,
        added_by    TEXT NOT NULL,
        added_at    TEXT NOT NULL
      ) STRICT;
      CREATE INDEX attachments_by_meeting ON attachments (meeting_id, id);

      -- ---------------------------------------------------------------- audit log: append-only chain
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'an audit entry never changes'); END;

      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      WHEN EXISTS (SELECT 1 FROM meetings WHERE id = OLD.meeting_id)
      BEGIN SELECT RAISE(ABORT, 'an audit entry cannot be removed while its meeting exists'); END;

      CREATE TRIGGER audit_log_append_only BEFORE INSERT ON audit_log
      WHEN NEW.seq IS NOT (SELECT coalesce(max(seq), 0) + 1 FROM audit_log WHERE meeting_id = NEW.meeting_id)
        OR NEW.prev_hash IS NOT coalesce(
             (SELECT hash FROM audit_log WHERE meeting_id = NEW.meeting_id ORDER BY seq DESC LIMIT 1),
             '0000000000000000000000000000000000000000000000000000000000000000')
      BEGIN SELECT RAISE(ABORT, 'an audit entry can only be appended to the end of its chain'); END;

      -- ---------------------------------------------------------------- sealed meetings
      CREATE TRIGGER sealed_no_new_revision BEFORE INSERT ON revisions
      WHEN EXISTS (SELECT 1 FROM meeting_states WHERE meeting_id = NEW.meeting_id AND state = 'sealed')
      BEGIN SELECT RAISE(ABORT, 'the meeting is sealed: its record cannot change (make a corrigendum)'); END;

      CREATE TRIGGER sealed_no_revision_update BEFORE UPDATE ON revisions
      WHEN EXISTS (SELECT 1 FROM meeting_states WHERE meeting_id IN (OLD.meeting_id, NEW.meeting_id) AND state = 'sealed')
      BEGIN SELECT RAISE(ABORT, 'the meeting is sealed: its record cannot change (make a corrigendum)'); END;

      CREATE TRIGGER sealed_no_revision_delete BEFORE DELETE ON revisions
      WHEN EXISTS (SELECT 1 FROM meeting_states WHERE meeting_id = OLD.meeting_id AND state = 'sealed')
      BEGIN SELECT RAISE(ABORT, 'the meeting is sealed: its record cannot change (make a corrigendum)'); END;

      CREATE TRIGGER sealed_meeting_no_update BEFORE UPDATE ON meetings
      WHEN EXISTS (SELECT 1 FROM meeting_states WHERE meeting_id = OLD.id AND state = 'sealed')
      BEGIN SELECT RAISE(ABORT, 'the meeting is sealed: its record cannot change (make a corrigendum)'); END;

      CREATE TRIGGER sealed_meeting_no_delete BEFORE DELETE ON meetings
      WHEN EXISTS (SELECT 1 FROM meeting_states WHERE meeting_id = OLD.id AND state = 'sealed')
      BEGIN SELECT RAISE(ABORT, 'the meeting is sealed and cannot be deleted'); END;

      CREATE TRIGGER sealed_state_no_update BEFORE UPDATE ON meeting_states
      WHEN OLD.state = 'sealed'
      BEGIN SELECT RAISE(ABORT, 'a sealed meeting stays sealed'); END;

      CREATE TRIGGER sealed_state_no_delete BEFORE DELETE ON meeting_states
      WHEN OLD.state = 'sealed' AND EXISTS (SELECT 1 FROM meetings WHERE id = OLD.meeting_id)
      BEGIN SELECT RAISE(ABORT, 'a sealed meeting stays sealed'); END;

      CREATE TRIGGER sealed_state_no_replace BEFORE INSERT ON meeting_states
      WHEN EXISTS (SELECT 1 FROM meeting_states WHERE meeting_id = NEW.meeting_id AND state = 'sealed')
      BEGIN SELECT RAISE(ABORT, 'a sealed meeting stays sealed'); END;

      -- ---------------------------------------------------------------- corrigenda and attachments
      CREATE TRIGGER corrigenda_no_update BEFORE UPDATE ON corrigenda
      BEGIN SELECT RAISE(ABORT, 'a corrigendum stays linked to the minutes it corrects'); END;

      CREATE TRIGGER corrigenda_no_replace BEFORE INSERT ON corrigenda
      WHEN EXISTS (SELECT 1 FROM corrigenda WHERE meeting_id = NEW.meeting_id)
      BEGIN SELECT RAISE(ABORT, 'a corrigendum stays linked to the minutes it corrects'); END;

      CREATE TRIGGER attachments_no_update BEFORE UPDATE ON attachments
      BEGIN SELECT RAISE(ABORT, 'an attachment never changes'); END;

      CREATE TRIGGER attachments_no_delete BEFORE DELETE ON attachments
      WHEN EXISTS (SELECT 1 FROM meetings WHERE id = OLD.meeting_id)
      BEGIN SELECT RAISE(ABORT, 'an attachment cannot be removed while its meeting exists'); END;

      CREATE TRIGGER attachments_no_replace BEFORE INSERT ON attachments
      WHEN EXISTS (SELECT 1 FROM attachments WHERE id = NEW.id)
      BEGIN SELECT RAISE(ABORT, 'an attachment never changes'); END;
    `);
  },
};

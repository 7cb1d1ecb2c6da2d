import type { Migration } from './index';

/**
 * Review suggestions (src/shared/minutes/reviewSuggestions.ts): the reviewed files brought back
 * (`review_imports`: which file, of which version, reviewed by whom, for which delegation) and the
 * changes they propose (`suggestions`: the change as JSON, its status and, once decided, who decided
 * when, and the revision an acceptance made).
 *
 * What a reviewer proposed is evidence of the review: an import and a suggestion's change never change
 * and are never deleted while their meeting exists. Only an undecided suggestion moves ('open' ⇄
 * 'conflicting', or decided once: 'accepted' / 'rejected'); a decision is final. Deleting the meeting
 * takes them with it. The triggers refuse every statement form, as for the store's other records.
 */
export const migration007: Migration = {
  version: 7,
  name: '007-review-suggestions',
  up(db) {
    db.exec(`
      CREATE TABLE review_imports (
        id            TEXT PRIMARY KEY,
        meeting_id    TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
        file_name     TEXT NOT NULL,
        sha256        TEXT NOT NULL CHECK (length(sha256) = 64),
        base_revision INTEGER NOT NULL CHECK (base_revision >= 1),
        reviewer      TEXT NOT NULL,
        delegation_id TEXT,
        imported_at   TEXT NOT NULL,
        imported_by   TEXT NOT NULL
      ) STRICT;
      CREATE INDEX review_imports_by_meeting ON review_imports (meeting_id);

      CREATE TABLE suggestions (
        seq             INTEGER PRIMARY KEY,
        id              TEXT NOT NULL UNIQUE,
        meeting_id      TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
        import_id       TEXT NOT NULL REFERENCES review_imports (id) ON DELETE CASCADE,
        author          TEXT NOT NULL,
        organisation_id TEXT,
        delegation_id   TEXT,
        at              TEXT,
        tracked         INTEGER NOT NULL CHECK (tracked IN (0, 1)),
        -- The object the change is on (a block, a bullet; a container for an inserted block): listing by block.
        target          TEXT,
        change          TEXT NOT NULL CHECK (json_valid(change)),
        status          TEXT NOT NULL CHECK (status IN ('open', 'conflicting', 'accepted', 'rejected')),
        decided_by      TEXT,
        decided_at      TEXT,
        revision_id     INTEGER,
        reason          TEXT,
        CHECK ((status IN ('accepted', 'rejected')) = (decided_by IS NOT NULL AND decided_at IS NOT NULL)),
        CHECK (revision_id IS NULL OR status = 'accepted')
      ) STRICT;
      CREATE INDEX suggestions_by_meeting ON suggestions (meeting_id, seq);
      CREATE INDEX suggestions_by_import ON suggestions (import_id, seq);

      CREATE TRIGGER review_imports_never_change BEFORE UPDATE ON review_imports
      BEGIN SELECT RAISE(ABORT, 'a review import never changes'); END;

      CREATE TRIGGER review_imports_never_deleted BEFORE DELETE ON review_imports
      WHEN EXISTS (SELECT 1 FROM meetings WHERE id = OLD.meeting_id)
      BEGIN SELECT RAISE(ABORT, 'a review import is never deleted while its meeting exists'); END;

      CREATE TRIGGER review_imports_no_replace BEFORE INSERT ON review_imports
      WHEN EXISTS (SELECT 1 FROM review_imports WHERE id = NEW.id)
      BEGIN SELECT RAISE(ABORT, 'a review import with this id already exists and cannot be replaced'); END;

      CREATE TRIGGER suggestions_never_deleted BEFORE DELETE ON suggestions
      WHEN EXISTS (SELECT 1 FROM meetings WHERE id = OLD.meeting_id)
      BEGIN SELECT RAISE(ABORT, 'a suggestion is never deleted while its meeting exists'); END;

      CREATE TRIGGER suggestions_no_replace BEFORE INSERT ON suggestions
      WHEN EXISTS (SELECT 1 FROM suggestions WHERE id = NEW.id OR seq = NEW.seq)
      BEGIN SELECT RAISE(ABORT, 'a suggestion with this id already exists and cannot be replaced'); END;

      -- What was proposed, by whom and where, never changes.
      CREATE TRIGGER suggestions_keep_change BEFORE UPDATE ON suggestions
      WHEN NEW.seq IS NOT OLD.seq OR NEW.id IS NOT OLD.id OR NEW.meeting_id IS NOT OLD.meeting_id OR NEW.import_id IS NOT OLD.import_id
        OR NEW.author IS NOT OLD.author OR NEW.organisation_id IS NOT OLD.organisation_id OR NEW.delegation_id IS NOT OLD.delegation_id
        OR NEW.at IS NOT OLD.at OR NEW.tracked IS NOT OLD.tracked OR NEW.target IS NOT OLD.target OR NEW.change IS NOT OLD.change
      BEGIN SELECT RAISE(ABORT, 'a suggestion keeps what it proposes'); END;

      -- A decision is final: an accepted or rejected suggestion never changes again.
      CREATE TRIGGER suggestions_decided_once BEFORE UPDATE ON suggestions
      WHEN OLD.status IN ('accepted', 'rejected')
      BEGIN SELECT RAISE(ABORT, 'a suggestion that was accepted or rejected never changes'); END;
    `);
  },
};

import type { Db } from './db';
import type { MeetingSummary, MeetingView } from './types';
import { meetingDate, meetingTitle, type MeetingHead } from '../../shared/minutes';

const LISTED =
  'id, title, starts_on AS startsOn, updated_at AS updatedAt, archived_at AS archivedAt, deleted_at AS deletedAt, deleted_by AS deletedBy';

/** SQL NULL columns become absent keys (the contract's optional fields), never `null`. */
function withoutNulls(row: Record<string, string | null>): Record<string, string> {
  return Object.fromEntries(Object.entries(row).filter((entry): entry is [string, string] => entry[1] !== null));
}

/** The meetings table: the list the home screen shows, and each meeting's save sequence. */
export function createCatalog(db: Db) {
  const q = {
    insert: db.prepare(
      `INSERT INTO meetings (id, title, starts_on, created_at, updated_at, seq)
       VALUES (@id, @title, @startsOn, @at, @at, 1)`,
    ),
    // The conflict check of every save, in SQL: only the seq the save started from is moved on.
    advance: db.prepare(
      `UPDATE meetings SET seq = seq + 1, title = @title, starts_on = @startsOn, updated_at = @at
       WHERE id = @id AND seq = @base`,
    ),
    exists: db.prepare('SELECT 1 FROM meetings WHERE id = ?').pluck(),
    row: db.prepare('SELECT id, title, starts_on AS startsOn, updated_at AS updatedAt, seq FROM meetings WHERE id = ?'),
    // The home list hides the trash and the archive; each has its own view (migration 004).
    list: {
      active: db.prepare(`SELECT ${LISTED} FROM meetings WHERE deleted_at IS NULL AND archived_at IS NULL ORDER BY starts_on DESC, title`),
      archived: db.prepare(`SELECT ${LISTED} FROM meetings WHERE deleted_at IS NULL AND archived_at IS NOT NULL ORDER BY starts_on DESC, title`),
      trash: db.prepare(`SELECT ${LISTED} FROM meetings WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC, title`),
    } satisfies Record<MeetingView, unknown>,
  };
  const summaryOf = (meeting: MeetingHead) => ({ title: meetingTitle(meeting), startsOn: meetingDate(meeting) });
  return {
    list: (view: MeetingView = 'active'): MeetingSummary[] =>
      (q.list[view].all() as Array<Record<string, string | null>>).map(withoutNulls) as unknown as MeetingSummary[],
    exists: (id: string): boolean => q.exists.get(id) !== undefined,
    row: (id: string) => q.row.get(id) as (MeetingSummary & { seq: number }) | undefined,
    insert(meeting: MeetingHead, at: string): MeetingSummary {
      const summary = { id: meeting.id, ...summaryOf(meeting), updatedAt: at };
      q.insert.run({ ...summary, at });
      return summary;
    },
    /** Moves the meeting from `base` to `base + 1`; false when its seq is no longer `base`. */
    advance(meeting: MeetingHead, base: number, at: string): boolean {
      return q.advance.run({ id: meeting.id, base, at, ...summaryOf(meeting) }).changes === 1;
    },
  };
}

export type Catalog = ReturnType<typeof createCatalog>;

import type { Db } from './db';
import type { MeetingSummary } from './types';
import { meetingDate, meetingTitle, type MeetingHead } from '../../shared/minutes';

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
    list: db.prepare(
      'SELECT id, title, starts_on AS startsOn, updated_at AS updatedAt FROM meetings ORDER BY starts_on DESC, title',
    ),
  };
  const summaryOf = (meeting: MeetingHead) => ({ title: meetingTitle(meeting), startsOn: meetingDate(meeting) });
  return {
    list: (): MeetingSummary[] => q.list.all() as MeetingSummary[],
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

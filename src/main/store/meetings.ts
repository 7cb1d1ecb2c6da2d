import type { Db } from './db';
import type { MeetingSummary, NewMeeting } from '../../shared/ipc/contract';

/** All SQL about meetings lives here; callers never see a statement. */
export function createMeetingsRepo(db: Db, now: () => Date = () => new Date()) {
  const insert = db.prepare(
    `INSERT INTO meetings (id, title, starts_on, document, created_at, updated_at)
     VALUES (@id, @title, @startsOn, @document, @at, @at)`,
  );
  const list = db.prepare(
    'SELECT id, title, starts_on AS startsOn FROM meetings ORDER BY starts_on DESC, title',
  );
  const byId = db.prepare('SELECT id, title, starts_on AS startsOn FROM meetings WHERE id = ?');

  return {
    list(): MeetingSummary[] {
      return list.all() as MeetingSummary[];
    },
    get(id: string): MeetingSummary | undefined {
      return byId.get(id) as MeetingSummary | undefined;
    },
    create(input: NewMeeting): MeetingSummary {
      const id = `m_${crypto.randomUUID()}`;
      insert.run({
        id,
        title: input.title,
        startsOn: input.startsOn,
        document: JSON.stringify({ title: input.title, startsOn: input.startsOn }),
        at: now().toISOString(),
      });
      return { id, title: input.title, startsOn: input.startsOn };
    },
  };
}

export type MeetingsRepo = ReturnType<typeof createMeetingsRepo>;

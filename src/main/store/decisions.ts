import type { Db } from './db';
import type { DecisionRef, FollowUp, FollowUpStatus } from '../../shared/decisions/tracker';

/**
 * The tracker's storage (migration 008): follow-ups (appended, never changed: the triggers hold that
 * against any SQL), the links "Next meeting…" makes between meetings, and the matters arising of a
 * meeting pointing at earlier decisions. Callers hand in validated values and write inside their own
 * transaction (the services check that a decision exists first).
 */

interface FollowUpRow {
  meeting_id: string;
  object_id: string;
  status: FollowUpStatus;
  superseded_by_meeting: string | null;
  superseded_by_object: string | null;
  note: string;
  author: string;
  at: string;
  at_meeting_id: string | null;
}

export interface NewFollowUp {
  status: FollowUpStatus;
  note: string;
  author: string;
  atMeetingId?: string | undefined;
  supersededBy?: DecisionRef | undefined;
}

const key = (meetingId: string, objectId: string) => `${meetingId}\u0000${objectId}`;

function followUpOf(row: FollowUpRow): FollowUp {
  return {
    status: row.status,
    note: row.note,
    author: row.author,
    at: row.at,
    ...(row.at_meeting_id !== null ? { atMeetingId: row.at_meeting_id } : {}),
    ...(row.superseded_by_meeting !== null && row.superseded_by_object !== null
      ? { supersededBy: { meetingId: row.superseded_by_meeting, objectId: row.superseded_by_object } }
      : {}),
  };
}

export function createDecisionStore(db: Db, now: () => Date) {
  // Prepared on first use: a store may be opened on an older schema (a migration's own test).
  const prepare = () => ({
    append: db.prepare(
      `INSERT INTO follow_ups (meeting_id, object_id, status, superseded_by_meeting, superseded_by_object, note, author, at, at_meeting_id)
       VALUES (@meeting_id, @object_id, @status, @superseded_by_meeting, @superseded_by_object, @note, @author, @at, @at_meeting_id)`,
    ),
    history: db.prepare('SELECT * FROM follow_ups WHERE meeting_id = ? AND object_id = ? ORDER BY seq'),
    all: db.prepare('SELECT * FROM follow_ups ORDER BY seq'),
    link: db.prepare('INSERT INTO meeting_links (meeting_id, follows_id, created_at) VALUES (?, ?, ?)'),
    links: db.prepare('SELECT meeting_id AS meetingId, follows_id AS followsId FROM meeting_links'),
    carry: db.prepare('INSERT INTO matters_arising (meeting_id, item_id, from_meeting_id, from_object_id) VALUES (?, ?, ?, ?)'),
    carriedItem: db.prepare('SELECT from_meeting_id AS meetingId, from_object_id AS objectId FROM matters_arising WHERE meeting_id = ? AND item_id = ?'),
    carried: db.prepare('SELECT meeting_id AS meetingId, item_id AS itemId, from_meeting_id AS fromMeetingId, from_object_id AS fromObjectId FROM matters_arising'),
  });
  let statements: ReturnType<typeof prepare> | undefined;
  const sql = () => (statements ??= prepare());

  return {
    /** Appends a follow-up of a decision; its time is now. */
    append(ref: DecisionRef, entry: NewFollowUp): FollowUp {
      // The row as stored is also what is answered: one shape, read back the way a listing reads it.
      const row: FollowUpRow = {
        meeting_id: ref.meetingId,
        object_id: ref.objectId,
        status: entry.status,
        superseded_by_meeting: entry.supersededBy?.meetingId ?? null,
        superseded_by_object: entry.supersededBy?.objectId ?? null,
        note: entry.note,
        author: entry.author,
        at: now().toISOString(),
        at_meeting_id: entry.atMeetingId ?? null,
      };
      sql().append.run(row);
      return followUpOf(row);
    },
    /** A decision's follow-ups, oldest first. */
    history(ref: DecisionRef): FollowUp[] {
      return (sql().history.all(ref.meetingId, ref.objectId) as FollowUpRow[]).map(followUpOf);
    },
    /** Every decision's follow-ups, oldest first, by decision (meetingId NUL objectId). */
    histories(): Map<string, FollowUp[]> {
      const out = new Map<string, FollowUp[]>();
      for (const row of sql().all.all() as FollowUpRow[]) {
        const k = key(row.meeting_id, row.object_id);
        let list = out.get(k);
        if (!list) out.set(k, (list = []));
        list.push(followUpOf(row));
      }
      return out;
    },
    /** Records that `meetingId` was made from `followsId` by "Next meeting…". */
    link(meetingId: string, followsId: string): void {
      sql().link.run(meetingId, followsId, now().toISOString());
    },
    /** meeting id → the meeting it was made from. */
    links(): Map<string, string> {
      return new Map((sql().links.all() as Array<{ meetingId: string; followsId: string }>).map((l) => [l.meetingId, l.followsId]));
    },
    /** Records that item `itemId` of meeting `meetingId`'s matters arising carries decision `from`. */
    carry(meetingId: string, itemId: string, from: DecisionRef): void {
      sql().carry.run(meetingId, itemId, from.meetingId, from.objectId);
    },
    /** The decision a matters-arising item carries, if it is one. */
    carriedBy(meetingId: string, itemId: string): DecisionRef | undefined {
      return sql().carriedItem.get(meetingId, itemId) as DecisionRef | undefined;
    },
    /** Every carried item. */
    carried(): Array<{ meetingId: string; itemId: string; fromMeetingId: string; fromObjectId: string }> {
      return sql().carried.all() as Array<{ meetingId: string; itemId: string; fromMeetingId: string; fromObjectId: string }>;
    },
  };
}

export type DecisionStore = ReturnType<typeof createDecisionStore>;
export const decisionKey = key;

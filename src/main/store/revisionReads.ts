import type { Db } from './db';
import type { RevisionInfo } from './types';
import { MinutaError } from '../../shared/errors';
import type { Meeting } from '../../shared/minutes';
import { documentOf, stateOf, verifyRevision, type RevisionRow, type VerifiedRevision } from './integrity';
import type { HeadState } from './headState';

const ROW = 'SELECT id, meeting_id AS meetingId, head, body, manifest, digest FROM revisions';

/** Reading revisions: every document that leaves here has been checked against its digest and hashes. */
export function createRevisionReads(db: Db, cacheSize = 8) {
  const q = {
    head: db.prepare(`${ROW} WHERE meeting_id = ? ORDER BY id DESC LIMIT 1`),
    one: db.prepare(`${ROW} WHERE id = ? AND meeting_id = ?`),
    newestFirst: db.prepare(`${ROW} WHERE meeting_id = ? ORDER BY id DESC`),
    recordText: db.prepare('SELECT record FROM block_records WHERE meeting_id = ? AND hash = ?').pluck(),
    last: db.prepare(
      `SELECT r.id, r.author, r.origin, r.started_at AS startedAt, r.saved_at AS savedAt, r.changed,
              EXISTS (SELECT 1 FROM named_versions n WHERE n.revision_id = r.id) AS pinned
       FROM revisions r WHERE r.meeting_id = ? ORDER BY r.id DESC LIMIT 1`,
    ),
    history: db.prepare(
      `SELECT r.id, r.author, r.origin, r.started_at AS startedAt, r.saved_at AS savedAt, r.saves, r.changed,
              (SELECT json_group_array(n.name) FROM named_versions n WHERE n.revision_id = r.id) AS names
       FROM revisions r WHERE r.meeting_id = ? ORDER BY r.id`,
    ),
  };

  const verify = (row: RevisionRow): VerifiedRevision =>
    verifyRevision(row, (hash) => q.recordText.get(row.meetingId, hash) as string | undefined);

  // The open meetings' heads, most recently used last; each valid for one seq only.
  const heads = new Map<string, HeadState>();

  function remember(state: HeadState) {
    heads.delete(state.meetingId);
    heads.set(state.meetingId, state);
    if (heads.size > cacheSize) heads.delete(heads.keys().next().value!);
  }

  return {
    /** The head of a meeting at `seq`, verified when it is loaded; throws `corrupt` when it fails. */
    headAt(meetingId: string, seq: number): HeadState {
      const cached = heads.get(meetingId);
      if (cached && cached.seq === seq) {
        remember(cached);
        return cached;
      }
      heads.delete(meetingId);
      const row = q.head.get(meetingId) as RevisionRow | undefined;
      if (!row) throw new MinutaError('corrupt', `Meeting ${meetingId} has no revision`);
      const state = stateOf(meetingId, seq, verify(row));
      remember(state);
      return state;
    },
    remember,
    forget: (meetingId: string) => void heads.delete(meetingId),
    /** One revision's document, verified; undefined when the meeting has no such revision. */
    document(meetingId: string, revisionId: number): Meeting | undefined {
      const row = q.one.get(revisionId, meetingId) as RevisionRow | undefined;
      return row ? documentOf(meetingId, verify(row)) : undefined;
    },
    /** The newest revision that verifies and keeps every document rule, with its state; undefined if none. */
    lastIntact(meetingId: string): { row: RevisionRow; state: HeadState } | undefined {
      for (const row of q.newestFirst.all(meetingId) as RevisionRow[]) {
        try {
          return { row, state: stateOf(meetingId, 0, verify(row)) };
        } catch (error) {
          if (!(error instanceof MinutaError && error.code === 'corrupt')) throw error;
        }
      }
      return undefined;
    },
    last: (meetingId: string) =>
      q.last.get(meetingId) as
        | { id: number; author: string; origin: string; startedAt: string; savedAt: string; changed: string; pinned: number }
        | undefined,
    history(meetingId: string): RevisionInfo[] {
      return (q.history.all(meetingId) as Array<Omit<RevisionInfo, 'changed' | 'names'> & { changed: string; names: string }>).map(
        (r) => ({ ...r, changed: JSON.parse(r.changed) as string[], names: JSON.parse(r.names) as string[] }),
      );
    },
  };
}

export type RevisionReads = ReturnType<typeof createRevisionReads>;

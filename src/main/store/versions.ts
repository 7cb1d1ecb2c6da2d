import { writeTransaction, type Db } from './db';
import type { NamedVersion } from './types';
import { MinutaError, excerpt } from '../../shared/errors';

/**
 * Named versions ("Draft 1 circulated 12 June"): a name pins a revision for good. The triggers of
 * migration 003 hold that against any SQL; this module only adds names and lists them.
 */
export function createVersions(db: Db, now: () => Date) {
  const q = {
    insert: db.prepare(
      `INSERT INTO named_versions (meeting_id, revision_id, name, created_by, created_at)
       VALUES (@meetingId, @revisionId, @name, @author, @at)`,
    ),
    latest: db.prepare('SELECT max(id) FROM revisions WHERE meeting_id = ?').pluck(),
    exists: db.prepare('SELECT 1 FROM revisions WHERE id = ? AND meeting_id = ?').pluck(),
    taken: db.prepare('SELECT 1 FROM named_versions WHERE meeting_id = ? AND name = ?').pluck(),
    list: db.prepare(
      `SELECT name, revision_id AS revisionId, created_by AS createdBy, created_at AS createdAt
       FROM named_versions WHERE meeting_id = ? ORDER BY id`,
    ),
  };

  const name = writeTransaction(db, (meetingId: string, label: string, author: string, revisionId?: number): number => {
    const target = revisionId ?? (q.latest.get(meetingId) as number | null) ?? undefined;
    if (target === undefined || !q.exists.get(target, meetingId)) {
      throw new MinutaError('not-found', `No revision ${revisionId ?? '(latest)'} of meeting ${meetingId}`);
    }
    if (q.taken.get(meetingId, label)) throw new MinutaError('conflict', `A version named "${excerpt(label, 200)}" already exists`);
    q.insert.run({ meetingId, revisionId: target, name: label, author, at: now().toISOString() });
    return target;
  });

  return {
    /** Names a revision (the latest when none is given); that revision can then never change. */
    name: (meetingId: string, label: string, author: string, revisionId?: number): number =>
      name(meetingId, label, author, revisionId),
    list: (meetingId: string): NamedVersion[] => q.list.all(meetingId) as NamedVersion[],
  };
}

import { writeTransaction, type Db } from './db';
import { MinutaError } from '../../shared/errors';

/**
 * The trash and the archive (migration 004). Moving a meeting to the trash or the archive only marks
 * its row; its history stays as it is, so a restore gives back exactly what was there. Only
 * `emptyTrash` deletes, and deleting the meeting row is the one way the triggers of migration 003 let
 * its revisions, named versions and block records go (by ON DELETE CASCADE).
 */
export function createTrash(db: Db, now: () => Date) {
  const q = {
    state: db.prepare('SELECT deleted_at AS deletedAt, archived_at AS archivedAt FROM meetings WHERE id = ?'),
    trash: db.prepare('UPDATE meetings SET deleted_at = @at, deleted_by = @author WHERE id = @id AND deleted_at IS NULL'),
    restore: db.prepare('UPDATE meetings SET deleted_at = NULL, deleted_by = NULL WHERE id = ?'),
    archive: db.prepare('UPDATE meetings SET archived_at = @at WHERE id = @id AND archived_at IS NULL'),
    unarchive: db.prepare('UPDATE meetings SET archived_at = NULL WHERE id = ?'),
    empty: db.prepare('DELETE FROM meetings WHERE deleted_at IS NOT NULL'),
  };
  const existing = (id: string) => {
    const row = q.state.get(id) as { deletedAt: string | null; archivedAt: string | null } | undefined;
    if (!row) throw new MinutaError('not-found', `No meeting with id ${id}`, 'id');
    return row;
  };
  return {
    /** Moves a meeting to the trash (again: a no-op that keeps the first time and author). */
    trash: writeTransaction(db, (id: string, author: string): void => {
      existing(id);
      q.trash.run({ id, author, at: now().toISOString() });
    }),
    /** Takes a meeting out of the trash; `invalid` when it is not in it. */
    restore: writeTransaction(db, (id: string): void => {
      if (existing(id).deletedAt === null) throw new MinutaError('invalid', `Meeting ${id} is not in the trash`, 'id');
      q.restore.run(id);
    }),
    /** Archives (true) or unarchives (false) a meeting. */
    setArchived: writeTransaction(db, (id: string, archived: boolean): void => {
      existing(id);
      if (archived) q.archive.run({ id, at: now().toISOString() });
      else q.unarchive.run(id);
    }),
    /** Deletes every meeting in the trash for good, with all their history; returns how many. */
    empty: writeTransaction(db, (): number => q.empty.run().changes),
  };
}

export type Trash = ReturnType<typeof createTrash>;

import { writeTransaction, type Db } from './db';
import type { Catalog } from './catalog';
import type { RevisionReads } from './revisionReads';
import type { Search } from './search';
import type { SaveResult, StoredMeeting } from './types';
import { MinutaError, excerpt } from '../../shared/errors';
import { diffMeetings, newId, splitMeeting, type Meeting, type MeetingChanges } from '../../shared/minutes';
import { applyChanges, emptyState, headInput, manifestTextOf, meetingOf, recordEntry, HEAD_BLOCK_ID, type HeadState } from './headState';
import { revisionDigest } from './hashes';
import { editRefusal } from './workflow';
import type { WorkflowState } from '../../shared/workflow/states';

interface Options {
  now: () => Date;
  foldGapMs: number;
  foldSpanMs: number;
}

/**
 * Writing revisions: creating a meeting, saving changes on a base, recovering a damaged head. Each is
 * ONE immediate transaction (a deferred one that upgrades to a write lock fails at once with
 * SQLITE_BUSY under WAL instead of waiting for the busy timeout), and the conflict check is SQL inside
 * it, so another window, app instance or the CLI is caught as well.
 */
export function createRevisionWrites(db: Db, catalog: Catalog, reads: RevisionReads, search: Search, options: Options) {
  const q = {
    insertRecord: db.prepare('INSERT INTO block_records (meeting_id, hash, record) VALUES (?, ?, ?)'),
    insertRevision: db.prepare(
      `INSERT INTO revisions (meeting_id, author, origin, started_at, saved_at, saves, changed, head, body, manifest, digest)
       VALUES (@meetingId, @author, @origin, @at, @at, 1, @changed, @head, @body, @manifest, @digest)`,
    ),
    // The workflow's state (migration 004; no row: Draft), read inside the save's own transaction.
    state: db.prepare('SELECT state FROM meeting_states WHERE meeting_id = ?').pluck(),
    foldRevision: db.prepare(
      `UPDATE revisions SET saved_at = @at, saves = saves + 1, changed = @changed, head = @head, body = @body,
              manifest = @manifest, digest = @digest
       WHERE id = @id`,
    ),
  };
  // Meetings whose last save from this process was refused as a conflict: the next save opens a new
  // revision, so that a burst never spans the other writer's work.
  const conflicted = new Set<string>();

  function contentOf(state: HeadState) {
    const manifest = manifestTextOf(state);
    return { head: state.headJson, body: state.bodyJson, manifest, digest: revisionDigest(state.headJson, state.bodyJson, manifest) };
  }

  function insertRevision(meetingId: string, author: string, origin: string, at: string, changed: string[], state: HeadState): number {
    return Number(
      q.insertRevision.run({ meetingId, author, origin, at, changed: JSON.stringify(changed), ...contentOf(state) }).lastInsertRowid,
    );
  }

  const create = writeTransaction(db, (meeting: Meeting, author: string): StoredMeeting => {
    const doc = catalog.exists(meeting.id) ? { ...meeting, id: newId('m') } : meeting;
    const split = splitMeeting(doc);
    const state = emptyState(doc.id);
    const applied = applyChanges(state, {
      head: headInput(split.head),
      body: split.body,
      records: [...split.blocks.values()].map((r) => recordEntry(r)),
    });
    const at = options.now().toISOString();
    const summary = catalog.insert(state.head, at);
    for (const e of applied.added) q.insertRecord.run(doc.id, e.hash, e.json);
    state.revisionId = insertRevision(doc.id, author, 'create', at, applied.changed, state);
    state.seq = 1;
    search.indexAll(state);
    reads.remember(state);
    return { ...summary, meeting: meetingOf(state), revisionId: state.revisionId, seq: state.seq };
  });

  function conflict(meetingId: string): MinutaError {
    conflicted.add(meetingId);
    const last = reads.last(meetingId);
    const when = last ? new Date(last.savedAt).toISOString().slice(11, 16) : 'an unknown time';
    const day = last ? last.savedAt.slice(0, 10) : '';
    return new MinutaError(
      'conflict',
      `This meeting was changed by ${excerpt(last?.author ?? 'someone', 60)} at ${when} UTC on ${day} (in another window or program) since you opened it. ` +
        'Your change was not saved; reopen the meeting to see the current text.',
    );
  }

  const save = writeTransaction(db, 
    (meetingId: string, base: number | undefined, author: string, changesFor: (state: HeadState) => MeetingChanges, mayFold: boolean): SaveResult => {
      const row = catalog.row(meetingId);
      if (!row) throw new MinutaError('not-found', `No meeting with id ${meetingId}`, 'id');
      if (base !== undefined && row.seq !== base) throw conflict(meetingId);
      refuseIfClosed(meetingId);
      const state = reads.headAt(meetingId, row.seq);
      const changes = changesFor(state);
      const applied = applyChanges(state, {
        head: changes.head && headInput(changes.head),
        body: changes.body,
        records: changes.blocks?.map((r) => recordEntry(r)),
      });
      for (const e of applied.added) q.insertRecord.run(meetingId, e.hash, e.json);

      const now = options.now();
      const at = now.toISOString();
      const last = reads.last(meetingId)!;
      const fold =
        mayFold &&
        last.origin === 'save' &&
        last.author === author &&
        !last.pinned &&
        !conflicted.has(meetingId) &&
        now.getTime() - Date.parse(last.savedAt) <= options.foldGapMs &&
        now.getTime() - Date.parse(last.startedAt) <= options.foldSpanMs;
      let revisionId: number;
      if (fold) {
        const union = new Set([...(JSON.parse(last.changed) as string[]), ...applied.changed]);
        q.foldRevision.run({ id: last.id, at, changed: JSON.stringify([...union]), ...contentOf(state) });
        revisionId = last.id;
      } else {
        revisionId = insertRevision(meetingId, author, 'save', at, applied.changed, state);
      }
      if (!catalog.advance(state.head, row.seq, at)) throw conflict(meetingId);
      search.markChanged(meetingId, applied.changed);
      state.seq = row.seq + 1;
      state.revisionId = revisionId;
      conflicted.delete(meetingId);
      // A revision that must stand alone (a restore) is not folded into by the next save either
      // (in this process; another one folds only its own author's saves).
      if (!mayFold) conflicted.add(meetingId);
      return { revisionId, seq: state.seq, folded: fold, changed: applied.changed };
    },
  );

  /** Approved and sealed minutes take no save (sealed ones not even past this: see migration 004). */
  function refuseIfClosed(meetingId: string) {
    const refusal = editRefusal((q.state.get(meetingId) as WorkflowState | undefined) ?? 'draft');
    if (refusal) throw refusal;
  }

  function guarded<T>(meetingId: string, run: () => T): T {
    try {
      return run();
    } catch (error) {
      // The cached head may be half-applied: the next access reloads it from the database.
      reads.forget(meetingId);
      throw error;
    }
  }

  const recover = writeTransaction(db, (meetingId: string, author: string): { revisionId: number; seq: number } => {
    const row = catalog.row(meetingId);
    if (!row) throw new MinutaError('not-found', `No meeting with id ${meetingId}`, 'id');
    try {
      const state = reads.headAt(meetingId, row.seq);
      return { revisionId: state.revisionId, seq: state.seq };
    } catch (error) {
      if (!(error instanceof MinutaError && error.code === 'corrupt')) throw error;
    }
    refuseIfClosed(meetingId);
    const intact = reads.lastIntact(meetingId);
    if (!intact) throw new MinutaError('corrupt', `Meeting ${meetingId}: no revision is intact; restore a backup`);
    const { state } = intact;
    const at = options.now().toISOString();
    state.revisionId = insertRevision(meetingId, author, 'recover', at, [HEAD_BLOCK_ID, ...state.records.keys()], state);
    if (!catalog.advance(state.head, row.seq, at)) throw conflict(meetingId);
    state.seq = row.seq + 1;
    search.indexAll(state);
    reads.remember(state);
    return { revisionId: state.revisionId, seq: state.seq };
  });

  return {
    create: (meeting: Meeting, author: string): StoredMeeting => create(meeting, author),
    /** Applies a save's changes on `base` (the seq they start from); `conflict` when another save came first. */
    save: (meetingId: string, base: number, changes: MeetingChanges, author: string): SaveResult =>
      guarded(meetingId, () => save(meetingId, base, author, () => changes, true)),
    /**
     * Makes `meeting` the head (the CLI, import, tests): the changes are the diff from the stored head,
     * taken inside the transaction. Without `base` there is no conflict check. `fold: false` always
     * opens a revision of its own (a restore from history is a step a reader must see).
     */
    saveDocument(meetingId: string, meeting: Meeting, author: string, base?: number, options: { fold?: boolean } = {}): SaveResult {
      if (meeting.id !== meetingId) {
        throw new MinutaError('invalid', `The document's id ${excerpt(meeting.id)} is not meeting ${meetingId}`, 'meeting.id');
      }
      return guarded(meetingId, () => save(meetingId, base, author, (state) => diffMeetings(meetingOf(state), meeting), options.fold ?? true));
    },
    recover: (meetingId: string, author: string) => guarded(meetingId, () => recover(meetingId, author)),
  };
}

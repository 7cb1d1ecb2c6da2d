/*
 * SHIM (renderer branch only, issue 9): the store branch implements seq, the base check in SQL, block
 * records and recoverMeeting in src/main/store/. Until it is merged, this keeps the renderer's branch
 * working end to end on today's whole-document store. The integrator replaces it with the store
 * branch's handlers and deletes this file.
 */
import { MinutaError } from '../../shared/errors';
import { joinMeeting, splitMeeting, type BlockRecord, type MeetingChanges } from '../../shared/minutes';
import type { MeetingStore } from '../store/meetings';

export function createSaveShim(store: MeetingStore, author: string) {
  // In memory: the shim only has to be right within one process (the e2e tests' "other instance" is
  // a second services call in the same process).
  const seqs = new Map<string, number>();
  const seqOf = (id: string) => seqs.get(id) ?? 0;
  return {
    seqOf,
    save(id: string, base: number, changes: MeetingChanges) {
      const found = store.get(id);
      if (!found) throw new MinutaError('not-found', `No meeting with id ${id}`, 'id');
      if (base !== seqOf(id)) {
        const last = store.revisions(id).at(-1);
        const at = last ? new Date(last.savedAt).toTimeString().slice(0, 5) : 'an unknown time';
        throw new MinutaError(
          'conflict',
          `This meeting was changed by ${last?.author ?? 'someone'} at ${at} (in another window or program) since you opened it.`,
        );
      }
      const current = splitMeeting(found.meeting);
      const records = new Map<string, BlockRecord>(current.blocks);
      for (const record of changes.blocks ?? []) records.set(record.id, record);
      const meeting = joinMeeting(changes.head ?? current.head, changes.body ?? current.body, (b) => records.get(b));
      const result = store.save(id, meeting, author);
      const seq = seqOf(id) + 1;
      seqs.set(id, seq);
      return { ...result, seq };
    },
    /** Today's store has no hash check, so the head always verifies: answers the head as it is. */
    recover(id: string) {
      const found = store.get(id);
      if (!found) throw new MinutaError('not-found', `No meeting with id ${id}`, 'id');
      return { revisionId: found.revisionId, seq: seqOf(id) };
    },
  };
}

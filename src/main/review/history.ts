import { MinutaError, excerpt } from '../../shared/errors';
import type { Meeting } from '../../shared/minutes';
import { canonicalJson } from '../../shared/canonicalJson';
import { labelBlocks, restoreBlock } from '../../shared/review/restore';
import type { MeetingStore, RevisionInfo, SaveResult } from '../store/meetings';

/**
 * History as the app and the CLI show it, over the store's public methods: every revision with its
 * changed blocks named as a reader names them, and restoring a revision (or one block of it) as a new
 * revision through the store's ordinary save path. The IPC handlers and `minuta history|restore` both
 * call these, so the two cannot differ.
 */

type Store = Pick<MeetingStore, 'get' | 'revision' | 'revisions' | 'namedVersions' | 'saveDocument'> & { audit?: Pick<MeetingStore['audit'], 'list'> };

export interface HistoryEntry extends RevisionInfo {
  /** The blocks this revision changed, each with a readable label, in the order the store lists them. */
  blocks: Array<{ id: string; label: string }>;
  /**
   * A revision made by accepting review suggestions: its author is the reviewer, and this is the user
   * who accepted them (the audit log's `suggestions-accepted` entry).
   */
  acceptedBy?: { by: string; suggestions: number };
}

function meetingOrThrow(store: Store, id: string) {
  const found = store.get(id);
  if (!found) throw new MinutaError('not-found', `No meeting with id ${excerpt(id, 64)}`, 'id');
  return found;
}

/**
 * Every revision, oldest first. A block is labelled from the newest document that still holds it: the
 * head, else the revision that changed it, else the one before (a removal), so that at most a few
 * revisions are read whatever the length of the history.
 */
export function historyOf(store: Store, id: string): HistoryEntry[] {
  const head = meetingOrThrow(store, id);
  const revisions = store.revisions(id);
  const cache = new Map<number, Meeting | undefined>();
  const load = (revisionId: number) => () => {
    if (!cache.has(revisionId)) {
      try {
        cache.set(revisionId, store.revision(id, revisionId));
      } catch {
        // A damaged revision has no label to give; its blocks are labelled from another document.
        cache.set(revisionId, undefined);
      }
    }
    return cache.get(revisionId);
  };
  const accepted = new Map<number, { by: string; suggestions: number }>();
  for (const e of store.audit?.list(id) ?? []) {
    const { revisionId, suggestionIds } = e.details as { revisionId?: unknown; suggestionIds?: unknown };
    if (e.action === 'suggestions-accepted' && typeof revisionId === 'number') {
      accepted.set(revisionId, { by: e.actor, suggestions: Array.isArray(suggestionIds) ? suggestionIds.length : 0 });
    }
  }
  return revisions.map((r, i) => {
    const previous = revisions[i - 1];
    const labels = labelBlocks(r.changed, [() => head.meeting, load(r.id), ...(previous ? [load(previous.id)] : [])]);
    const acceptedBy = accepted.get(r.id);
    return { ...r, blocks: r.changed.map((b) => ({ id: b, label: labels.get(b)! })), ...(acceptedBy ? { acceptedBy } : {}) };
  });
}

export interface RestoreRequest {
  id: string;
  revisionId: number;
  /** One block (or "~head") of that revision; the whole revision without it. */
  blockId?: string;
  /** The seq the user's view starts from: refused with `conflict` if someone saved since. */
  base?: number;
}

/**
 * Makes revision `revisionId` (or one block of it) current again, as a new revision by `author`;
 * every revision before stays as it was. `changed: []` (and no new revision) when the document
 * already reads that way.
 */
export function restoreRevision(store: Store, request: RestoreRequest, author: string): SaveResult {
  const current = meetingOrThrow(store, request.id);
  const old = store.revision(request.id, request.revisionId);
  if (!old) throw new MinutaError('not-found', `Meeting ${excerpt(request.id, 64)} has no revision ${request.revisionId}`, 'revisionId');
  const next = request.blockId === undefined ? { ...old, id: request.id } : restoreBlock(current.meeting, old, request.blockId);
  // Canonical, not diffMeetings: a document read back from a revision has its keys in another order.
  if (canonicalJson(current.meeting) === canonicalJson(next)) {
    if (request.base !== undefined && request.base !== current.seq) {
      throw new MinutaError('conflict', 'This meeting was changed since you opened it; reopen it and restore again.');
    }
    return { revisionId: current.revisionId, seq: current.seq, folded: false, changed: [] };
  }
  return store.saveDocument(request.id, next, author, request.base, { fold: false });
}

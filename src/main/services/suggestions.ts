import { MinutaError, excerpt } from '../../shared/errors';
import type { Handlers, SuggestionView } from '../../shared/ipc/contract';
import type { Meeting } from '../../shared/minutes';
import { checkSuggestion } from '../../shared/review/acceptSuggestion';
import { fieldText } from '../../shared/review/comments';
import { indexIds } from '../../shared/review/compare';
import { blockLabel, bodyIndex } from '../../shared/review/restore';
import { leafBlocks, reviewStatus } from '../../shared/review/reviewers';
import { changeTarget, type StoredSuggestion } from '../store/suggestions';
import type { MeetingStore } from '../store/meetings';
import type { Db } from '../store/db';
import { importReview, type ImportReviewedFile } from '../review/importReview';

/** How much of the current text the panel shows on each side of a suggestion's words. */
const CONTEXT = 48;

/** The review-suggestion methods over the store (store/suggestions.ts, store/suggestionDecisions.ts). */
/**
 * The meeting's suggestions as the panel and the CLI show them: whether each undecided one applies to
 * the current version now (placed against the version its copy was made from), its leaf block, and
 * the current text around its words.
 */
export function suggestionViews(store: MeetingStore, id: string, meeting: Meeting, list: readonly StoredSuggestion[] = store.suggestions.list(id)): SuggestionView[] {
  const leaves = leafBlocks(meeting);
  const index = indexIds(meeting);
  const blocks = bodyIndex(meeting);
  const bases = new Map<string, Meeting | undefined>();
  const baseOf = (importId: string) => {
    if (!bases.has(importId)) {
      const imp = store.suggestions.import(importId);
      bases.set(importId, imp && store.revision(id, imp.baseRevision));
    }
    return bases.get(importId);
  };
  return list.map((s): SuggestionView => {
    const target = changeTarget(s.change);
    const blockId = target === undefined ? undefined : (leaves.get(target) ?? target);
    const block = blockId === undefined ? undefined : blocks.get(blockId)?.block;
    const undecided = s.status === 'open' || s.status === 'conflicting';
    const place = !undecided ? { ok: false } : s.change.kind === 'unplaced' ? { ok: false, reason: 'could not be placed in the minutes' } : checkSuggestion(meeting, s.change, baseOf(s.importId));
    let context: SuggestionView['context'];
    if ((s.change.kind === 'text' || s.change.kind === 'format') && place.ok && 'at' in place && place.at !== undefined) {
      const text = fieldText(index.get(s.change.target)?.value, s.change.path) ?? '';
      const end = place.at + s.change.quote.length;
      // Whole words only: a cut word is dropped rather than shown in part.
      const from = Math.max(0, place.at - CONTEXT);
      const before = text.slice(from, place.at);
      const after = text.slice(end, end + CONTEXT);
      context = {
        before: from > 0 ? before.replace(/^\S*\s/u, '') : before,
        after: end + CONTEXT < text.length ? after.replace(/\s\S*$/u, '') : after,
      };
    }
    return {
      ...s,
      place: { ok: place.ok, ...('moved' in place ? { moved: place.moved } : {}), ...('reason' in place && place.reason ? { reason: place.reason } : {}) },
      ...(blockId ? { blockId } : {}),
      ...(block ? { blockLabel: blockLabel(block) } : {}),
      ...(context ? { context } : {}),
    };
  });
}

export function suggestionHandlers(ctx: {
  db: Db;
  store: MeetingStore;
  author: () => string;
  writable: () => void;
  /** Reads and maps a reviewed DOCX (src/main/review/docx + src/shared/review/fromDocx); absent: importReview is `unavailable`. */
  reader: ImportReviewedFile | undefined;
}): Pick<Handlers, 'importReview' | 'listSuggestions' | 'reviewStatus' | 'acceptSuggestions' | 'acceptAllFrom' | 'rejectSuggestions'> {
  const { store, author, writable } = ctx;
  const current = (id: string): Meeting => {
    const found = store.get(id);
    if (!found) throw new MinutaError('not-found', `No meeting with id ${excerpt(id)}`, 'id');
    return found.meeting;
  };

  const status = (id: string, meeting: Meeting) => reviewStatus(meeting, store.suggestions.imports(id));

  return {
    importReview: async ({ id, fileName, bytes, delegationId, baseRevision }) => {
      writable();
      const done = await importReview(ctx.db, store, { meetingId: id, fileName, bytes, ...(delegationId ? { delegationId } : {}), ...(baseRevision ? { baseRevision } : {}) }, author(), ctx.reader);
      return { import: done.import, suggestions: done.suggestions.length, threads: done.threads };
    },
    listSuggestions: ({ id }) => {
      const meeting = current(id);
      return { imports: store.suggestions.imports(id), suggestions: suggestionViews(store, id, meeting), delegations: status(id, meeting) };
    },
    reviewStatus: ({ id }) => {
      const meeting = current(id);
      const open = store.suggestions.list(id).filter((s) => s.status === 'open' || s.status === 'conflicting').length;
      return { delegations: status(id, meeting), imports: store.suggestions.imports(id).length, open };
    },
    acceptSuggestions: ({ id, suggestionIds, base }) => {
      writable();
      return store.suggestions.accept(id, suggestionIds, author(), base);
    },
    acceptAllFrom: ({ id, author: from, importId, base }) => {
      writable();
      current(id);
      const ids = store.suggestions.undecidedFrom(id, { ...(from !== undefined ? { author: from } : {}), ...(importId !== undefined ? { importId } : {}) });
      return store.suggestions.accept(id, ids, author(), base);
    },
    rejectSuggestions: ({ id, suggestionIds, reason }) => {
      writable();
      return { rejected: store.suggestions.reject(id, suggestionIds, author(), reason).map((s) => s.id) };
    },
  };
}

import type { StateCreator } from 'zustand';
import type { Response, SuggestionView } from '../../../shared/ipc/contract';
import { call } from '../api/client';
import { currentSaver } from './documentSlice';
import type { AppState } from './store';

/** "1 suggestion", "2 suggestions". */
const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/**
 * The open meeting's review suggestions (reviewed copies brought back), as main lists them. Deciding
 * is one call; accepting makes a new revision, so the editor reopens the head afterwards (as a restore
 * from history does) with pending edits saved first and their seq as the base.
 */

type Listed = Response<'listSuggestions'>;

export interface SuggestionsSlice {
  suggestions: {
    meetingId: string | null;
    list: SuggestionView[];
    imports: Listed['imports'];
    delegations: Listed['delegations'];
    error: string | null;
    /** What the last action did ("Accepted 3 into revision 12", "1 conflicts: …"), for the live region. */
    notice: string | null;
    busy: boolean;
  };
  suggestionsPaneOpen: boolean;
  /** Ids ticked in the panel (accept or reject a selection). */
  suggestionSelection: string[];
  setSuggestionsPaneOpen(open: boolean): void;
  loadSuggestions(meetingId: string): Promise<void>;
  toggleSuggestion(id: string, on: boolean): void;
  acceptSuggestions(ids: readonly string[]): Promise<void>;
  acceptAllFrom(author: string): Promise<void>;
  rejectSuggestions(ids: readonly string[]): Promise<void>;
  /** Reads the picked file and imports it into `meetingId`; true when it was imported. */
  importReviewedCopy(meetingId: string, file: File, delegationId?: string): Promise<boolean>;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
const EMPTY: SuggestionsSlice['suggestions'] = { meetingId: null, list: [], imports: [], delegations: [], error: null, notice: null, busy: false };

export const createSuggestionsSlice: StateCreator<AppState, [], [], SuggestionsSlice> = (set, get) => {
  /** Accepting changes the head: saved edits first (their seq is the base), the meeting reopened after. */
  const accepting = async (request: (id: string, base: number | undefined) => Promise<Response<'acceptSuggestions'>>) => {
    const id = get().doc?.id;
    if (!id || get().suggestions.busy) return;
    set((s) => ({ suggestions: { ...s.suggestions, busy: true, error: null, notice: null } }));
    try {
      await get().flush();
      const result = await request(id, currentSaver()?.seq);
      if (result.revisionId !== undefined) {
        await get().closeMeeting();
        await get().openMeeting(id);
      }
      const conflicts = result.conflicts.length ? ` ${result.conflicts.length} could not be applied: ${result.conflicts[0]!.reason}` : '';
      const notice = result.revisionId !== undefined ? `Accepted ${result.accepted.length} into revision ${result.revisionId}.${conflicts}` : `Nothing accepted.${conflicts}`;
      set((s) => ({ suggestionSelection: [], suggestions: { ...s.suggestions, notice } }));
    } catch (e) {
      set((s) => ({ suggestions: { ...s.suggestions, error: message(e) } }));
    } finally {
      set((s) => ({ suggestions: { ...s.suggestions, busy: false } }));
      await get().loadSuggestions(id);
    }
  };

  return {
    suggestions: EMPTY,
    suggestionsPaneOpen: false,
    suggestionSelection: [],
    setSuggestionsPaneOpen(open) {
      set({ suggestionsPaneOpen: open });
      const id = get().doc?.id;
      if (open && id) void get().loadSuggestions(id);
    },
    async loadSuggestions(meetingId) {
      try {
        const listed = await call('listSuggestions', { id: meetingId });
        set((s) => ({
          suggestions: { ...s.suggestions, meetingId, list: listed.suggestions, imports: listed.imports, delegations: listed.delegations, ...(s.suggestions.meetingId !== meetingId ? { error: null, notice: null } : {}) },
          suggestionSelection: s.suggestionSelection.filter((x) => listed.suggestions.some((v) => v.id === x && (v.status === 'open' || v.status === 'conflicting'))),
        }));
      } catch (e) {
        set((s) => ({ suggestions: { ...s.suggestions, meetingId, error: message(e) } }));
      }
    },
    toggleSuggestion(id, on) {
      set((s) => ({ suggestionSelection: on ? [...new Set([...s.suggestionSelection, id])] : s.suggestionSelection.filter((x) => x !== id) }));
    },
    acceptSuggestions: (ids) => accepting((id, base) => call('acceptSuggestions', { id, suggestionIds: [...ids], ...(base !== undefined ? { base } : {}) })),
    acceptAllFrom: (author) => accepting((id, base) => call('acceptAllFrom', { id, author, ...(base !== undefined ? { base } : {}) })),
    async rejectSuggestions(ids) {
      const id = get().doc?.id;
      if (!id || ids.length === 0) return;
      try {
        const { rejected } = await call('rejectSuggestions', { id, suggestionIds: [...ids] });
        set((s) => ({ suggestionSelection: [], suggestions: { ...s.suggestions, error: null, notice: `Rejected ${rejected.length}.` } }));
      } catch (e) {
        set((s) => ({ suggestions: { ...s.suggestions, error: message(e) } }));
      }
      await get().loadSuggestions(id);
    },
    async importReviewedCopy(meetingId, file, delegationId) {
      set((s) => ({ suggestions: { ...s.suggestions, busy: true, error: null, notice: null } }));
      try {
        const bytes = new Uint8Array(await file.arrayBuffer());
        const done = await call('importReview', { id: meetingId, fileName: file.name.slice(0, 255) || 'reviewed.docx', bytes, ...(delegationId ? { delegationId } : {}) });
        await get().loadSuggestions(meetingId);
        set((s) => ({
          suggestions: { ...s.suggestions, error: null, notice: `Imported ${done.import.fileName} by ${done.import.reviewer}: ${count(done.suggestions, 'suggestion')}, ${count(done.threads, 'comment thread')}.` },
        }));
        if (get().doc?.id === meetingId) await get().loadComments(meetingId);
        return true;
      } catch (e) {
        set((s) => ({ suggestions: { ...s.suggestions, meetingId, error: `Not imported, nothing was changed: ${message(e)}` } }));
        return false;
      } finally {
        set((s) => ({ suggestions: { ...s.suggestions, busy: false } }));
      }
    },
  };
};

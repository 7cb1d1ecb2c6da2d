import type { StateCreator } from 'zustand';
import type { Response } from '../../../shared/ipc/contract';
import type { Meeting } from '../../../shared/minutes';
import { call } from '../api/client';
import { currentSaver } from './documentSlice';
import type { AppState } from './store';

export type HistoryEntry = Response<'revisionHistory'>[number];
export type CompareResult = Response<'compareVersions'>;

/** What the editor area shows while the history panel is open. */
export type ReviewView =
  | { kind: 'editing' }
  | { kind: 'revision'; revisionId: number; meeting: Meeting; author: string; savedAt: string; names: string[] }
  | { kind: 'compare'; a: string; b: string; result: CompareResult | null };

export interface ReviewSlice {
  historyOpen: boolean;
  historyEntries: HistoryEntry[] | null;
  /** The last failure of a history action (a refused restore, a taken name), shown in the panel. */
  reviewError: string | null;
  reviewBusy: boolean;
  reviewView: ReviewView;
  /** "Compare with…": the version picked first; the next version chosen is compared with it. */
  compareFrom: string | null;
  /** The compare view's author filter (null: everyone). */
  compareAuthor: string | null;
  toggleHistory(open?: boolean): Promise<void>;
  refreshHistory(): Promise<void>;
  viewRevision(revisionId: number): Promise<void>;
  backToEditing(): void;
  /** Restores a revision, or one block of it, as a new revision (after saving pending edits), then reloads. */
  restore(revisionId: number, blockId?: string): Promise<void>;
  nameVersion(name: string, revisionId?: number): Promise<boolean>;
  startCompare(from: string | null): void;
  /** Compares version `a` with `b` (revision numbers or names); the older one first, whichever was picked first. */
  compare(a: string, b: string): Promise<void>;
  setCompareAuthor(author: string | null): void;
  exportComparison(format: 'pdf' | 'docx'): Promise<void>;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export const createReviewSlice: StateCreator<AppState, [], [], ReviewSlice> = (set, get) => ({
  historyOpen: false,
  historyEntries: null,
  reviewError: null,
  reviewBusy: false,
  reviewView: { kind: 'editing' },
  compareFrom: null,
  compareAuthor: null,

  async toggleHistory(open) {
    const next = open ?? !get().historyOpen;
    set({ historyOpen: next, reviewError: null, compareFrom: null, ...(next ? {} : { reviewView: { kind: 'editing' } }) });
    if (next) await get().refreshHistory();
  },

  async refreshHistory() {
    const doc = get().doc;
    if (!doc) return;
    try {
      // The panel lists what is stored: pending edits first, so the newest revision is the user's own.
      await get().flush().catch(() => undefined);
      set({ historyEntries: await call('revisionHistory', { id: doc.id }) });
    } catch (e) {
      set({ reviewError: message(e) });
    }
  },

  async viewRevision(revisionId) {
    const doc = get().doc;
    if (!doc) return;
    try {
      const r = await call('getRevision', { id: doc.id, revisionId });
      set({ reviewView: { kind: 'revision', revisionId, meeting: r.meeting, author: r.author, savedAt: r.savedAt, names: r.names }, reviewError: null });
    } catch (e) {
      set({ reviewError: message(e) });
    }
  },

  backToEditing() {
    set({ reviewView: { kind: 'editing' }, compareFrom: null });
  },

  async restore(revisionId, blockId) {
    const doc = get().doc;
    if (!doc || get().reviewBusy) return;
    set({ reviewBusy: true, reviewError: null });
    try {
      await get().flush();
      const base = currentSaver()?.seq;
      await call('restoreRevision', { id: doc.id, revisionId, ...(blockId ? { blockId } : {}), ...(base !== undefined ? { base } : {}) });
      // The restored text is the head now: reopen it (undo starts afresh, as after any reload).
      await get().closeMeeting();
      await get().openMeeting(doc.id);
      set({ reviewView: { kind: 'editing' } });
      await get().refreshHistory();
    } catch (e) {
      set({ reviewError: message(e) });
    } finally {
      set({ reviewBusy: false });
    }
  },

  async nameVersion(name, revisionId) {
    const doc = get().doc;
    if (!doc) return false;
    try {
      await get().flush();
      await call('nameVersion', { id: doc.id, name, ...(revisionId !== undefined ? { revisionId } : {}) });
      set({ reviewError: null });
      await get().refreshHistory();
      return true;
    } catch (e) {
      set({ reviewError: message(e) });
      return false;
    }
  },

  startCompare(from) {
    set({ compareFrom: from });
  },

  async compare(a, b) {
    const doc = get().doc;
    if (!doc) return;
    // Older first: revision numbers grow with time; a name is resolved through the history.
    const order = (ref: string) => (/^\d+$/.test(ref) ? Number(ref) : (get().historyEntries?.find((e) => e.names.includes(ref))?.id ?? 0));
    const [older, newer] = order(a) <= order(b) ? [a, b] : [b, a];
    set({ reviewView: { kind: 'compare', a: older, b: newer, result: null }, compareFrom: null, compareAuthor: null, reviewError: null });
    try {
      await get().flush().catch(() => undefined);
      const result = await call('compareVersions', { id: doc.id, a: older, b: newer });
      const view = get().reviewView;
      if (view.kind === 'compare' && view.a === older && view.b === newer) set({ reviewView: { ...view, result } });
    } catch (e) {
      set({ reviewError: message(e), reviewView: { kind: 'editing' } });
    }
  },

  setCompareAuthor(compareAuthor) {
    set({ compareAuthor });
  },

  async exportComparison(format) {
    const doc = get().doc;
    const view = get().reviewView;
    if (!doc || view.kind !== 'compare' || get().exportState.kind === 'busy') return;
    set({ exportState: { kind: 'busy', format } });
    try {
      const r = await call('exportComparison', { id: doc.id, a: view.a, b: view.b, format });
      set({ exportState: r.saved && r.path ? { kind: 'done', path: r.path } : { kind: 'idle' } });
    } catch (e) {
      set({ exportState: { kind: 'error', message: message(e) } });
    }
  },
});

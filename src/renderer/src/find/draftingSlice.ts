import type { StateCreator } from 'zustand';
import type { AppState } from '../state/store';
import { findInMeeting, replaceMatches, type FindOptions } from '../../../shared/find/find';

/** How the preview is scaled: a page's width or a whole page fits the pane, or a fixed zoom (0.5–2). */
export type PreviewZoom = 'fit-width' | 'fit-page' | number;
export const ZOOM_STEPS = [0.5, 0.67, 0.75, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2] as const;

/**
 * What a Word user reaches for while drafting: find and replace, the page count of the preview (the
 * status bar), and the preview's zoom. Replacing goes through the document slice's `edit`: one undo
 * step, saved by the autosave like any typing.
 */
export interface DraftingSlice {
  find: { open: 'find' | 'replace' | null; query: string; replacement: string; options: FindOptions; index: number };
  /** Pages of the preview's last layout (undefined while it lays out). */
  previewPages: number | undefined;
  /** Counts the preview's layouts: find's preview highlights are redrawn over each new layout. */
  previewLayouts: number;
  /** The zoom currently applied (a number), whatever the mode: the status bar shows it. */
  previewScale: number;
  previewZoom: PreviewZoom;
  /**
   * The meeting whose minutes are sealed, as the workflow bar last read it: the live preview then
   * prints them as sealed (no DRAFT mark), as main's exports of the head do.
   */
  sealedMeetingId: string | null;
  setSealed(meetingId: string, sealed: boolean): void;
  openFind(mode: 'find' | 'replace'): void;
  closeFind(): void;
  setFind(patch: Partial<Pick<DraftingSlice['find'], 'query' | 'replacement' | 'options'>>): void;
  /** Moves the current match by `delta` (wrapping). */
  stepFind(delta: 1 | -1): void;
  replaceCurrent(): void;
  /** Replaces every match as one undoable edit; returns how many. */
  replaceEverything(): number;
  setPreviewPages(pages: number | undefined): void;
  setPreviewScale(scale: number): void;
  setPreviewZoom(zoom: PreviewZoom): void;
  zoomBy(step: 1 | -1): void;
}

const matchesNow = (s: AppState) => (s.doc ? findInMeeting(s.doc.meeting, s.find.query, s.find.options) : []);

export const createDraftingSlice: StateCreator<AppState, [], [], DraftingSlice> = (set, get) => ({
  find: { open: null, query: '', replacement: '', options: { matchCase: false, wholeWord: false }, index: 0 },
  previewPages: undefined,
  previewLayouts: 0,
  previewScale: 0.6,
  previewZoom: 'fit-width',
  sealedMeetingId: null,
  setSealed(meetingId, sealed) {
    const now = get().sealedMeetingId;
    if (sealed && now !== meetingId) set({ sealedMeetingId: meetingId });
    else if (!sealed && now === meetingId) set({ sealedMeetingId: null });
  },
  openFind(mode) {
    // The selected text becomes the query, as in Word.
    const selected = typeof window !== 'undefined' ? (window.getSelection()?.toString() ?? '') : '';
    const query = selected && !selected.includes('\n') && selected.length <= 200 ? selected : get().find.query;
    set({ find: { ...get().find, open: mode, query, index: 0 } });
  },
  closeFind() {
    set({ find: { ...get().find, open: null } });
  },
  setFind(patch) {
    set({ find: { ...get().find, ...patch, index: patch.query !== undefined || patch.options ? 0 : get().find.index } });
  },
  stepFind(delta) {
    const n = matchesNow(get()).length;
    if (n === 0) return;
    set({ find: { ...get().find, index: (get().find.index + delta + n) % n } });
  },
  replaceCurrent() {
    const s = get();
    const matches = matchesNow(s);
    const current = matches[s.find.index];
    if (!current) return;
    s.edit((m) => replaceMatches(m, [current], s.find.replacement));
    // The next match is now at the same index (the replaced one is gone unless the replacement matches too).
    const left = matchesNow(get()).length;
    set({ find: { ...get().find, index: left === 0 ? 0 : Math.min(s.find.index + (left === matches.length ? 1 : 0), left - 1) } });
  },
  replaceEverything() {
    const s = get();
    const matches = matchesNow(s);
    if (matches.length === 0) return 0;
    s.edit((m) => replaceMatches(m, matches, s.find.replacement));
    set({ find: { ...get().find, index: 0 } });
    return matches.length;
  },
  setPreviewPages(previewPages) {
    set({ previewPages, previewLayouts: get().previewLayouts + 1 });
  },
  setPreviewScale(previewScale) {
    if (get().previewScale !== previewScale) set({ previewScale });
  },
  setPreviewZoom(previewZoom) {
    if (typeof previewZoom === 'number') previewZoom = Math.min(2, Math.max(0.5, previewZoom));
    set({ previewZoom });
  },
  zoomBy(step) {
    // A fixed zoom is the state itself (keys pressed quickly each step on); a fitted one is what was last applied.
    const mode = get().previewZoom;
    const now = typeof mode === 'number' ? mode : get().previewScale;
    const next = step > 0 ? ZOOM_STEPS.find((z) => z > now + 0.001) : [...ZOOM_STEPS].reverse().find((z) => z < now - 0.001);
    get().setPreviewZoom(next ?? (step > 0 ? 2 : 0.5));
  },
});

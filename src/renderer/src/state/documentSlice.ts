import type { StateCreator } from 'zustand';
import { diffMeetings, hasChanges, type Meeting } from '../../../shared/minutes';
import { call } from '../api/client';
import { Autosaver, type SaveState } from './autosave';
import { emptyHistory, record, redo, undo, type History } from './history';
import { updateBlock, type AnyBlock } from '../model/tree';
import { focusField } from '../editor/focus';
import type { AppState } from './store';

export interface EditOptions {
  /** The field being edited (undo puts the cursor back there). */
  field?: string | null;
  /** Typing into a field: coalesced into one undo step with the edits just before it. */
  typing?: boolean;
  /** Field to put the cursor in after the edit (a new block's first field). */
  focus?: string;
}

export interface DocumentSlice {
  doc: { id: string; meeting: Meeting } | null;
  docStatus: 'idle' | 'loading' | 'ready' | 'error';
  docError: string | null;
  saveState: SaveState;
  saveError: string | null;
  history: History;
  focusedField: string | null;
  focusedBlock: string | null;
  openMeeting(id: string): Promise<void>;
  closeMeeting(): Promise<void>;
  /** Replaces the meeting by fn(meeting): one undoable step (or part of one when typing), saved automatically. */
  edit(fn: (meeting: Meeting) => Meeting, options?: EditOptions): void;
  editBlock<B extends AnyBlock>(id: string, fn: (block: B) => B, options?: EditOptions): void;
  undo(): void;
  redo(): void;
  setFocus(field: string | null, blockId: string | null): void;
  /** Resolves when every edit so far is stored. */
  flush(): Promise<void>;
}

let saver: Autosaver | null = null;

/** For the window's close and unload handlers: the autosaver of the open meeting, if any. */
export const currentSaver = () => saver;

export const createDocumentSlice: StateCreator<AppState, [], [], DocumentSlice> = (set, get) => ({
  doc: null,
  docStatus: 'idle',
  docError: null,
  saveState: 'saved',
  saveError: null,
  history: emptyHistory(),
  focusedField: null,
  focusedBlock: null,

  async openMeeting(id) {
    if (get().doc?.id === id) return;
    await get().closeMeeting();
    set({ docStatus: 'loading', docError: null });
    try {
      // Marks for the benchmark: how much of opening is the transfer and how much the rendering.
      performance.mark('minuta:open');
      const found = await call('getMeeting', { id });
      performance.mark('minuta:received');
      // Until the renderer's side of the save protocol lands (the "renderer" branch): send the diff from
      // the last saved document on the seq it was saved at.
      let saved = { meeting: found.meeting, seq: found.seq };
      saver = new Autosaver({
        save: async (meeting) => {
          const changes = diffMeetings(saved.meeting, meeting);
          if (!hasChanges(changes)) return;
          const result = await call('saveMeeting', { id, base: saved.seq, changes });
          saved = { meeting, seq: result.seq };
        },
        onState: (saveState, saveError) => set({ saveState, saveError }),
      });
      set({
        doc: { id, meeting: found.meeting },
        docStatus: 'ready',
        history: emptyHistory(),
        saveState: 'saved',
        saveError: null,
        focusedField: null,
        focusedBlock: null,
      });
    } catch (error) {
      set({ docStatus: 'error', docError: (error as Error).message });
    }
  },

  async closeMeeting() {
    const s = saver;
    if (s) await s.flush();
    saver = null;
    set({ doc: null, docStatus: 'idle', history: emptyHistory() });
  },

  edit(fn, options = {}) {
    const doc = get().doc;
    if (!doc) return;
    const next = fn(doc.meeting);
    if (next === doc.meeting) return;
    const field = options.field ?? get().focusedField;
    set({
      doc: { id: doc.id, meeting: next },
      history: record(get().history, doc.meeting, { field, typing: options.typing ?? false, now: Date.now() }),
    });
    saver?.queue(next);
    if (options.focus) focusField(options.focus, 'start');
  },

  editBlock(id, fn, options) {
    get().edit((m) => updateBlock(m, id, fn), options);
  },

  undo() {
    const doc = get().doc;
    if (!doc) return;
    const r = undo(get().history, doc.meeting, get().focusedField);
    if (!r) return;
    set({ doc: { id: doc.id, meeting: r.step.meeting }, history: r.history });
    saver?.queue(r.step.meeting);
    if (r.step.field) focusField(r.step.field, 'keep');
  },

  redo() {
    const doc = get().doc;
    if (!doc) return;
    const r = redo(get().history, doc.meeting, get().focusedField);
    if (!r) return;
    set({ doc: { id: doc.id, meeting: r.step.meeting }, history: r.history });
    saver?.queue(r.step.meeting);
    if (r.step.field) focusField(r.step.field, 'keep');
  },

  setFocus(focusedField, focusedBlock) {
    if (get().focusedField !== focusedField || get().focusedBlock !== focusedBlock) set({ focusedField, focusedBlock });
  },

  async flush() {
    await saver?.flush();
  },
});

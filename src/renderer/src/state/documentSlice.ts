import type { StateCreator } from 'zustand';
import type { Meeting } from '../../../shared/minutes';
import { call, CallError } from '../api/client';
import { Autosaver, type SaveState } from './autosave';
import { putMineBack, rebase, type Offer } from './rebase';
import type { ErrorCode } from '../../../shared/errors';
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

/** After "Reload the latest and re-apply my changes": a version of the user's that collided with theirs. */
export interface OfferedVersion extends Offer {
  /** The user's document at the time of the reload (where "Use mine" takes this version from). */
  mine: Meeting;
}

export interface DocumentSlice {
  doc: { id: string; meeting: Meeting } | null;
  docStatus: 'idle' | 'loading' | 'ready' | 'error';
  docError: string | null;
  /** Why the meeting could not be opened (`corrupt` gets its own screen). */
  docErrorCode: ErrorCode | null;
  saveState: SaveState;
  saveError: string | null;
  offers: OfferedVersion[];
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
  /**
   * After a save conflict: fetches the head, re-applies the unsaved edits that do not collide, offers
   * the ones that do, and resumes saving from the head.
   */
  reloadAndReapply(): Promise<void>;
  /** Puts the user's version of an offered block back, as an ordinary (saved, undoable) edit. */
  useMine(key: string): void;
  dismissOffer(key: string): void;
  /** A meeting whose head is corrupt: makes the last good revision the head and opens it. */
  recoverMeeting(id: string): Promise<void>;
}

let saver: Autosaver | null = null;

const newSaver = (id: string, meeting: Meeting, seq: number, set: (s: Partial<AppState>) => void, get: () => AppState) =>
  new Autosaver({
    meeting,
    seq,
    save: ({ base, changes }) => call('saveMeeting', { id, base, changes }),
    isConflict: (error) => error instanceof CallError && error.code === 'conflict',
    // Told 'pending' on every keystroke: set only a change, since every set wakes every subscriber.
    onState: (saveState, saveError) => {
      const now = get();
      if (now.saveState !== saveState || now.saveError !== saveError) set({ saveState, saveError });
    },
  });

/** For the window's close and unload handlers: the autosaver of the open meeting, if any. */
export const currentSaver = () => saver;

export const createDocumentSlice: StateCreator<AppState, [], [], DocumentSlice> = (set, get) => ({
  doc: null,
  docStatus: 'idle',
  docError: null,
  docErrorCode: null,
  saveState: 'saved',
  saveError: null,
  offers: [],
  history: emptyHistory(),
  focusedField: null,
  focusedBlock: null,

  async openMeeting(id) {
    if (get().doc?.id === id) return;
    try {
      await get().closeMeeting();
    } catch {
      // The open meeting's edits cannot be stored yet (a save conflict, a failing disk): stay with
      // them rather than drop them; the header and the conflict banner say why.
      const current = get().doc;
      if (current) get().navigate({ name: 'editor', meetingId: current.id });
      return;
    }
    set({ docStatus: 'loading', docError: null, docErrorCode: null });
    try {
      // Marks for the benchmark: how much of opening is the transfer and how much the rendering.
      performance.mark('minuta:open');
      const found = await call('getMeeting', { id });
      performance.mark('minuta:received');
      saver = newSaver(id, found.meeting, found.seq, set, get);
      set({
        doc: { id, meeting: found.meeting },
        docStatus: 'ready',
        history: emptyHistory(),
        saveState: 'saved',
        saveError: null,
        offers: [],
        focusedField: null,
        focusedBlock: null,
      });
    } catch (error) {
      set({ docStatus: 'error', docError: (error as Error).message, docErrorCode: error instanceof CallError ? error.code : null });
    }
  },

  async closeMeeting() {
    const s = saver;
    if (s) await s.flush();
    saver = null;
    set({ doc: null, docStatus: 'idle', history: emptyHistory(), offers: [] });
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

  async reloadAndReapply() {
    const doc = get().doc;
    const s = saver;
    if (!doc || !s || s.conflict === null) return;
    const head = await call('getMeeting', { id: doc.id });
    // Edits typed while the head was on its way are in the store's document by now: take it at the end.
    const mine = get().doc?.meeting ?? doc.meeting;
    const { meeting, offers } = rebase(s.lastAcknowledged, mine, head.meeting);
    s.restart(head.meeting, head.seq);
    // Undo must not step back over their changes into a state that would then be saved as ours.
    set({
      doc: { id: doc.id, meeting },
      history: emptyHistory(),
      offers: [...offers.map((o) => ({ ...o, mine })), ...get().offers.filter((o) => !offers.some((n) => n.key === o.key))],
    });
    s.queue(meeting);
  },

  useMine(key) {
    const offer = get().offers.find((o) => o.key === key);
    if (!offer) return;
    get().edit((m) => putMineBack(m, offer.mine, key));
    get().dismissOffer(key);
  },

  dismissOffer(key) {
    set({ offers: get().offers.filter((o) => o.key !== key) });
  },

  async recoverMeeting(id) {
    await call('recoverMeeting', { id });
    if (get().doc?.id === id) await get().closeMeeting();
    set({ docStatus: 'idle', docError: null, docErrorCode: null });
    await get().openMeeting(id);
  },
});

import type { StateCreator } from 'zustand';
import type { MeetingSummary, MeetingView, NewMeeting, Request, Response } from '../../../shared/ipc/contract';
import { call } from '../api/client';
import type { AppState } from './store';

export type SearchHit = Response<'searchMeetings'>[number];

export interface MeetingsSlice {
  /** With each meeting's sign-off state (the home list's badge). */
  meetings: Response<'listMeetings'>;
  meetingsStatus: 'idle' | 'loading' | 'ready' | 'error';
  meetingsError: string | null;
  searchQuery: string;
  searchHits: SearchHit[] | null;
  /** Which list the home screen shows: the meetings, the archive, or the trash. */
  meetingsView: MeetingView;
  setMeetingsView(view: MeetingView): Promise<void>;
  loadMeetings(): Promise<void>;
  trashMeeting(id: string): Promise<void>;
  restoreMeeting(id: string): Promise<void>;
  archiveMeeting(id: string, archived: boolean): Promise<void>;
  /** Deletes the trash for good (the home screen asks first); returns how many meetings went. */
  emptyTrash(): Promise<number>;
  createMeeting(input: NewMeeting): Promise<MeetingSummary>;
  duplicateMeeting(input: Request<'duplicateMeeting'>): Promise<MeetingSummary>;
  /** Asks main to import a minutes file the user picks; undefined when they cancel. */
  importMeeting(): Promise<MeetingSummary | undefined>;
  search(query: string): Promise<void>;
  /** Search only in decisions, agreements and recommendations. */
  searchDecisionsOnly: boolean;
  setSearchDecisionsOnly(only: boolean): Promise<void>;
}

let searchSeq = 0;

export const createMeetingsSlice: StateCreator<AppState, [], [], MeetingsSlice> = (set, get) => ({
  meetings: [],
  meetingsStatus: 'idle',
  meetingsError: null,
  searchQuery: '',
  searchHits: null,
  searchDecisionsOnly: false,
  async setSearchDecisionsOnly(searchDecisionsOnly) {
    set({ searchDecisionsOnly });
    await get().search(get().searchQuery);
  },
  meetingsView: 'active',
  async setMeetingsView(meetingsView) {
    set({ meetingsView, meetings: [] });
    await get().loadMeetings();
  },
  async loadMeetings() {
    set({ meetingsStatus: 'loading', meetingsError: null });
    try {
      const view = get().meetingsView;
      const meetings = await call('listMeetings', view === 'active' ? undefined : { view });
      if (get().meetingsView === view) set({ meetings, meetingsStatus: 'ready' });
    } catch (error) {
      set({ meetingsStatus: 'error', meetingsError: (error as Error).message });
    }
  },
  async trashMeeting(id) {
    await call('trashMeeting', { id });
    await get().loadMeetings();
  },
  async restoreMeeting(id) {
    await call('restoreMeeting', { id });
    await get().loadMeetings();
  },
  async archiveMeeting(id, archived) {
    await call('archiveMeeting', { id, archived });
    await get().loadMeetings();
  },
  async emptyTrash() {
    const { deleted } = await call('emptyTrash', { confirm: true });
    await get().loadMeetings();
    return deleted;
  },
  async createMeeting(input) {
    const created = await call('createMeeting', input);
    await get().loadMeetings();
    return created;
  },
  async duplicateMeeting(input) {
    const created = await call('duplicateMeeting', input);
    await get().loadMeetings();
    return created;
  },
  async importMeeting() {
    const r = await call('importMeeting', undefined);
    if (!r.imported || !r.meeting) return undefined;
    await get().loadMeetings();
    return r.meeting;
  },
  async search(query) {
    const seq = ++searchSeq;
    set({ searchQuery: query });
    if (query.trim() === '') {
      set({ searchHits: null });
      return;
    }
    try {
      const hits = await call('searchMeetings', { query, ...(get().searchDecisionsOnly ? { decisions: true } : {}) });
      // Only the answer to the latest query is shown (answers can overtake each other).
      if (seq === searchSeq) set({ searchHits: hits });
    } catch (error) {
      if (seq === searchSeq) set({ searchHits: [], meetingsError: (error as Error).message });
    }
  },
});

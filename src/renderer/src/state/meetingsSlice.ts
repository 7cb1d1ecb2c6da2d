import type { StateCreator } from 'zustand';
import type { MeetingSummary, NewMeeting, Request, Response } from '../../../shared/ipc/contract';
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
  loadMeetings(): Promise<void>;
  createMeeting(input: NewMeeting): Promise<MeetingSummary>;
  duplicateMeeting(input: Request<'duplicateMeeting'>): Promise<MeetingSummary>;
  /** Asks main to import a minutes file the user picks; undefined when they cancel. */
  importMeeting(): Promise<MeetingSummary | undefined>;
  search(query: string): Promise<void>;
}

let searchSeq = 0;

export const createMeetingsSlice: StateCreator<AppState, [], [], MeetingsSlice> = (set, get) => ({
  meetings: [],
  meetingsStatus: 'idle',
  meetingsError: null,
  searchQuery: '',
  searchHits: null,
  async loadMeetings() {
    set({ meetingsStatus: 'loading', meetingsError: null });
    try {
      set({ meetings: await call('listMeetings', undefined), meetingsStatus: 'ready' });
    } catch (error) {
      set({ meetingsStatus: 'error', meetingsError: (error as Error).message });
    }
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
      const hits = await call('searchMeetings', { query });
      // Only the answer to the latest query is shown (answers can overtake each other).
      if (seq === searchSeq) set({ searchHits: hits });
    } catch (error) {
      if (seq === searchSeq) set({ searchHits: [], meetingsError: (error as Error).message });
    }
  },
});

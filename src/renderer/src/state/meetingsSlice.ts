import type { StateCreator } from 'zustand';
import type { MeetingSummary, NewMeeting } from '../../../shared/ipc/contract';
import { call } from '../api/client';
import type { AppState } from './store';

export interface MeetingsSlice {
  meetings: MeetingSummary[];
  meetingsStatus: 'idle' | 'loading' | 'ready' | 'error';
  meetingsError: string | null;
  loadMeetings(): Promise<void>;
  createMeeting(input: NewMeeting): Promise<MeetingSummary>;
}

export const createMeetingsSlice: StateCreator<AppState, [], [], MeetingsSlice> = (set, get) => ({
  meetings: [],
  meetingsStatus: 'idle',
  meetingsError: null,
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
});

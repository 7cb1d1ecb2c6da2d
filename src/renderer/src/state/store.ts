import { create } from 'zustand';
import { createMeetingsSlice, type MeetingsSlice } from './meetingsSlice';

/** The one bound store: each feature adds a slice here, middleware (when any) wraps only this root. */
export type AppState = MeetingsSlice;

export const useAppStore = create<AppState>()((...a) => ({
  ...createMeetingsSlice(...a),
}));

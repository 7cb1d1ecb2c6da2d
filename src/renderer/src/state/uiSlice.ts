import type { StateCreator } from 'zustand';
import type { AppState } from './store';

/** Screens as state, mirrored in the URL hash so that a reload (or a crash) reopens the same screen. */
export type Screen =
  | { name: 'home' }
  | { name: 'settings' }
  /** Every decision and recommendation of every meeting, with its follow-up (issue 17). */
  | { name: 'decisions' }
  /** `blockId`: opened from a search hit, the block to show (not kept in the hash). */
  | { name: 'editor'; meetingId: string; blockId?: string }
  | { name: 'register'; meetingId: string };

export function screenFromHash(hash: string): Screen {
  if (hash === '#/settings') return { name: 'settings' };
  if (hash === '#/decisions') return { name: 'decisions' };
  const m = /^#\/meeting\/([^/]+)(\/register)?$/.exec(hash);
  if (!m) return { name: 'home' };
  const meetingId = decodeURIComponent(m[1]!);
  return m[2] ? { name: 'register', meetingId } : { name: 'editor', meetingId };
}

export function hashOf(screen: Screen): string {
  if (screen.name === 'home') return '#/';
  if (screen.name === 'settings') return '#/settings';
  if (screen.name === 'decisions') return '#/decisions';
  return `#/meeting/${encodeURIComponent(screen.meetingId)}${screen.name === 'register' ? '/register' : ''}`;
}

export interface UiSlice {
  screen: Screen;
  paletteOpen: boolean;
  navigate(screen: Screen): void;
  setPaletteOpen(open: boolean): void;
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  screen: screenFromHash(typeof location === 'undefined' ? '' : location.hash),
  paletteOpen: false,
  navigate(screen) {
    if (typeof location !== 'undefined' && location.hash !== hashOf(screen)) history.pushState(null, '', hashOf(screen));
    set({ screen });
  },
  setPaletteOpen(paletteOpen) {
    set({ paletteOpen });
  },
});

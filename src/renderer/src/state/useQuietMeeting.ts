import { useEffect, useState } from 'react';
import type { Meeting } from '../../../shared/minutes';
import { useAppStore } from './store';

/**
 * The editor's document once it has not changed for `ms`: what the preview lays out, find counts and
 * the status bar counts the words of (each takes a while on 200 pages, which must never land between
 * two keystrokes). Subscribes outside React, so that a keystroke does not render the caller at all:
 * only the quiet document does.
 */
export function useQuietMeeting(ms: number): Meeting | undefined {
  const [meeting, setMeeting] = useState(() => useAppStore.getState().doc?.meeting);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A document opened or changed between the first render and this subscription is not missed.
    setMeeting(useAppStore.getState().doc?.meeting);
    const unsubscribe = useAppStore.subscribe((state, previous) => {
      if (state.doc === previous.doc) return;
      clearTimeout(timer);
      timer = setTimeout(() => setMeeting(useAppStore.getState().doc?.meeting), ms);
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [ms]);
  return meeting;
}

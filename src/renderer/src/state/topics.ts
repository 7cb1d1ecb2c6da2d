import { useSyncExternalStore } from 'react';
import type { CommentMarks } from './commentsSlice';
import type { Meeting } from '../../../shared/minutes';
import { useAppStore, type AppState } from './store';

/**
 * A part of the app state that many components read and that keystrokes do not change: the comment
 * marks (every block and rich field reads its own), the meeting's people and organisations (every
 * presentation and remark). Zustand calls every subscriber's selector on every change of the state,
 * and each keystroke changes it (the document, the save state): with one subscription per field, a
 * 200-page meeting ran a few thousand selectors per keystroke. A topic subscribes to the store once,
 * compares its part, and wakes its own subscribers only when that part changed.
 */
export interface Topic<T> {
  /** The topic's value read through `select`, re-rendering only when the topic changed and `select`'s answer with it. */
  use<R>(select: (value: T) => R): R;
  /** Calls `listener` after each change of the store that changed the topic; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
}

export function topic<T>(pick: (state: AppState) => T): Topic<T> {
  const listeners = new Set<() => void>();
  let unsubscribe: (() => void) | undefined;
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    unsubscribe ??= useAppStore.subscribe((state, previous) => {
      if (pick(state) !== pick(previous)) for (const l of [...listeners]) l();
    });
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) {
        unsubscribe?.();
        unsubscribe = undefined;
      }
    };
  };
  return {
    use: (select) => useSyncExternalStore(subscribe, () => select(pick(useAppStore.getState()))),
    subscribe,
  };
}

export const commentMarksTopic: Topic<CommentMarks> = topic((s) => s.commentMarks);
export const peopleTopic: Topic<Meeting['people'] | undefined> = topic((s) => s.doc?.meeting.people);
export const organisationsTopic: Topic<Meeting['organisations'] | undefined> = topic((s) => s.doc?.meeting.organisations);

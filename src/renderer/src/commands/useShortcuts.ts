import { useEffect } from 'react';
import { useAppStore } from '../state/store';
import { commandFor } from './registry';
import './editorCommands';
import '../review/reviewCommands';
import '../find/findCommands';

/**
 * One keydown listener for the whole app, in the capture phase so that a command wins over the
 * browser's own behaviour inside a text field (the native undo of a contenteditable, in particular).
 */
export function useShortcuts() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.ctrlKey && !e.metaKey && !e.altKey) return;
      const state = useAppStore.getState();
      const cmd = commandFor(e, state);
      if (!cmd) {
        // Never let the browser run its own undo stack: it would fight the meeting's history.
        if ((e.ctrlKey || e.metaKey) && (e.code === 'KeyZ' || e.code === 'KeyY')) e.preventDefault();
        return;
      }
      e.preventDefault();
      e.stopPropagation();
      cmd.run(state);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
}
